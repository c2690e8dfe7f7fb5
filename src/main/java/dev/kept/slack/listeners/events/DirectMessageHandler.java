package dev.kept.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import dev.kept.chat.Once;
import dev.kept.chat.Outcome;
import dev.kept.chat.BoundedWork;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.promise.Invocation;
import dev.kept.promise.DirectMessages;
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

    private final DirectMessages inbound;
    private final SlackResponder responder;
    private final SlackWork work;
    private final Once once;

    DirectMessageHandler(DirectMessages inbound, SlackResponder responder, SlackWork work, Once once) {
        this.inbound = inbound;
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
            work.submitOrTell(() -> {
                if (eventId != null && !firstDelivery(eventId)) {
                    return;
                }
                responder.respondIn(e.getChannel(),
                        inbound.receive(new Invocation(person, responder.text(person.workspace()), false), e.getText()));
            }, () -> responder.respondIn(e.getChannel(), Outcome.reply(BoundedWork.BUSY)));
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
