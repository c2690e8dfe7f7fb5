package dev.kept.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.kept.chat.Interactions;
import dev.kept.insight.InsightService;
import dev.kept.chat.BoundedWork;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import dev.kept.chat.InteractionRoutes;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** A click on a button Kept sent: ack, then the feature that owns the button decides (and checks the clicker may). */
@Component
class ButtonHandler implements BlockActionHandler {

    private final InteractionRoutes owners;
    private final SlackResponder responder;
    private final SlackWork work;
    private final InsightService insight;

    ButtonHandler(List<Interactions> features, SlackResponder responder, SlackWork work, InsightService insight) {
        this.owners = new InteractionRoutes(features, Interactions::actionIds);
        this.responder = responder;
        this.work = work;
        this.insight = insight;
    }

    Set<String> actionIds() {
        return owners.ids();
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
        BlockActionPayload p = request.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return context.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        Interactions owner = owners.owner(action.getActionId()).orElse(null);
        if (owner == null) {
            return context.ack();
        }
        String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        Person person = SlackResponder.workspace(teamId).person(p.getUser().getId());
        // A click on the Home tab has no response_url: the answer comes as a DM, and the page is
        // published again so it shows where things stand now.
        boolean fromHome = p.getView() != null && "home".equals(p.getView().getType());
        work.submitOrTell(() -> {
            responder.respond(person, owner.action(person, action.getActionId(), action.getValue()),
                    p.getResponseUrl(), p.getTriggerId());
            if (fromHome) {
                insight.showHome(person);
            }
        }, () -> responder.respond(person, Outcome.reply(BoundedWork.BUSY), p.getResponseUrl(), null));
        return context.ack();
    }
}
