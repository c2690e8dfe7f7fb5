package dev.kept.slack.listeners.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.kept.insight.InsightService;
import dev.kept.chat.Person;
import dev.kept.inbox.Inbox;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

import java.util.Set;

/** A click on a button Kept sent: ack, then the feature that owns the button decides (and checks the clicker may). */
@Component
class ButtonHandler implements BlockActionHandler {

    private final Inbox inbox;
    private final SlackResponder responder;
    private final SlackWork work;
    private final InsightService insight;

    ButtonHandler(Inbox inbox, SlackResponder responder, SlackWork work, InsightService insight) {
        this.inbox = inbox;
        this.responder = responder;
        this.work = work;
        this.insight = insight;
    }

    Set<String> actionIds() {
        return inbox.actionIds();
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
        BlockActionPayload p = request.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return context.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        if (!inbox.ownsButton(action.getActionId())) {
            return context.ack();
        }
        String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        Person person = SlackResponder.workspace(teamId).person(p.getUser().getId());
        // A click on the Home tab has no response_url: the answer comes as a DM, and the page is
        // published again so it shows where things stand now.
        boolean fromHome = p.getView() != null && "home".equals(p.getView().getType());
        Inbox.Clicked click = new Inbox.Clicked(person, action.getActionId(), action.getValue());
        inbox.laterOrBusy(work, () -> inbox.answer(click), outcome -> {
            responder.respond(person, outcome, p.getResponseUrl(), p.getTriggerId());
            if (fromHome && !Inbox.BUSY.equals(outcome)) {
                insight.showHome(person);
            }
        });
        return context.ack();
    }
}
