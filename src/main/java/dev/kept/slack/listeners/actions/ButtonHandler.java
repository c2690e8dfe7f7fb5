package dev.kept.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.kept.chat.Person;
import dev.kept.promise.PromiseInbound;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

/** A click on a promise button: ack, then the core decides (and checks the clicker may do it). */
@Component
class PromiseButtonHandler implements BlockActionHandler {

    private final PromiseInbound inbound;
    private final SlackResponder responder;
    private final SlackWork work;

    PromiseButtonHandler(PromiseInbound inbound, SlackResponder responder, SlackWork work) {
        this.inbound = inbound;
        this.responder = responder;
        this.work = work;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
        BlockActionPayload p = request.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return context.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        Person person = SlackResponder.workspace(teamId).person(p.getUser().getId());
        work.submit(() -> responder.respond(person, inbound.action(person, action.getActionId(), action.getValue()),
                p.getResponseUrl(), p.getTriggerId()));
        return context.ack();
    }
}
