package dev.kept.slack.listeners.events;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

@Component
class EventListeners implements ListenerRegistrar {

    private final DirectMessageHandler directMessages;

    EventListeners(DirectMessageHandler directMessages) {
        this.directMessages = directMessages;
    }

    @Override
    public void register(App app) {
        app.event(MessageEvent.class, directMessages);
        // Events Slack sends that need no answer yet: acknowledged so Slack does not retry them.
        app.event(MessageChangedEvent.class, (payload, context) -> context.ack());
        app.event(MessageDeletedEvent.class, (payload, context) -> context.ack());
        app.event(MessageBotEvent.class, (payload, context) -> context.ack());
        app.event(AppHomeOpenedEvent.class, (payload, context) -> context.ack());
    }
}
