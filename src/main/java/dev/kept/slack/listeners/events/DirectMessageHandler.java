package dev.kept.slack.listeners.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import dev.kept.chat.Person;
import dev.kept.promise.Invocation;
import dev.kept.promise.PromiseInbound;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

/** A person writes to Kept in its DM: read with the same grammar as {@code /promise}, answered in the DM. */
@Component
class DirectMessageHandler implements BoltEventHandler<MessageEvent> {

    private final PromiseInbound inbound;
    private final SlackResponder responder;
    private final SlackWork work;

    DirectMessageHandler(PromiseInbound inbound, SlackResponder responder, SlackWork work) {
        this.inbound = inbound;
        this.responder = responder;
        this.work = work;
    }

    @Override
    public Response apply(EventsApiPayload<MessageEvent> payload, EventContext context) {
        MessageEvent e = payload.getEvent();
        boolean fromAPerson = e.getBotId() == null && e.getUser() != null && e.getText() != null;
        if (fromAPerson && "im".equals(e.getChannelType())) {
            Person person = SlackResponder.workspace(payload.getTeamId()).person(e.getUser());
            work.submit(() -> responder.respondIn(e.getChannel(),
                    inbound.command(new Invocation(person, responder.text(person.workspace()), false), e.getText())));
        }
        return context.ack();
    }
}
