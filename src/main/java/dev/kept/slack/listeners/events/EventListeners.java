package dev.kept.slack.listeners.events;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import dev.kept.chat.Person;
import dev.kept.insight.InsightService;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

@Component
class EventListeners implements ListenerRegistrar {

    private final DirectMessageHandler directMessages;
    private final InsightService insight;
    private final SlackWork work;

    EventListeners(DirectMessageHandler directMessages, InsightService insight, SlackWork work) {
        this.directMessages = directMessages;
        this.insight = insight;
        this.work = work;
    }

    @Override
    public void register(App app) {
        app.event(MessageEvent.class, directMessages);
        // Someone opened Kept's Home tab: ack, then publish their page. Publishing twice is harmless, so a
        // retried event needs no dedupe; when Kept is too busy the tab shows the previous page.
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (e.getUser() != null && (e.getTab() == null || "home".equals(e.getTab()))) {
                Person person = SlackResponder.workspace(payload.getTeamId()).person(e.getUser());
                work.submit(() -> insight.showHome(person));
            }
            return context.ack();
        });
        // Events Slack sends that need no answer yet: acknowledged so Slack does not retry them.
        app.event(MessageChangedEvent.class, (payload, context) -> context.ack());
        app.event(MessageDeletedEvent.class, (payload, context) -> context.ack());
        app.event(MessageBotEvent.class, (payload, context) -> context.ack());
    }
}
