package dev.kept.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import dev.kept.chat.Once;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.promise.Invocation;
import dev.kept.inbox.Inbox;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A person writes to Kept in its DM: an answer to a question Kept asked, or read with the same grammar
 * as {@code /promise}; answered in the DM.
 */
@Component
class DirectMessageHandler implements BoltEventHandler<MessageEvent> {

    /** Slack re-sends an event it thinks was not acknowledged; a retry within this time is ignored. */
    static final Duration REMEMBER_EVENTS = Duration.ofHours(1);

    private final Inbox inbox;
    private final SlackResponder responder;
    private final SlackWork work;
    private final Once once;

    DirectMessageHandler(Inbox inbox, SlackResponder responder, SlackWork work, Once once) {
        this.inbox = inbox;
        this.responder = responder;
        this.work = work;
        this.once = once;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent e = payload.getEvent();
        boolean fromAPerson = e.getBotId() == null && e.getUser() != null && e.getText() != null;
        if (fromAPerson && "im".equals(e.getChannelType())) {
            Person person = SlackResponder.workspace(payload.getTeamId()).person(e.getUser());
            String eventId = payload.getEventId();
            Invocation in = new Invocation(person, responder.text(person.workspace()), false);
            inbox.laterOrBusy(work, () -> eventId != null && !firstDelivery(eventId) ? null
                            : inbox.answer(new Inbox.Wrote(in, e.getText())),
                    outcome -> responder.respondIn(e.getChannel(), outcome));
        }
        return context.ack();
    }

    private boolean firstDelivery(String eventId) {
        try {
            return once.first("slack-event:" + eventId, REMEMBER_EVENTS);
        } catch (StoreUnavailableException e) {
            return true; // the command itself will answer that storage is unreachable
        }
    }
}
