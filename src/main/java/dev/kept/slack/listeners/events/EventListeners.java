package dev.kept.slack.listeners.events;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);

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
        // Kept has no installation store yet (issue 14): one bot token serves one workspace. Being uninstalled,
        // or having its tokens revoked, is logged for the operator; Slack stops sending events by itself.
        app.event(AppUninstalledEvent.class, (payload, context) -> {
            log.warn("Slack workspace {} uninstalled Kept; its bot token no longer works", payload.getTeamId());
            return context.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, context) -> {
            log.warn("Slack workspace {} revoked Kept's tokens ({} bot token(s))", payload.getTeamId(),
                    payload.getEvent().getTokens() == null || payload.getEvent().getTokens().getBot() == null
                            ? 0 : payload.getEvent().getTokens().getBot().size());
            return context.ack();
        });
    }
}
