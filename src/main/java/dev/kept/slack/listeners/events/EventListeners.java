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
import dev.kept.chat.StoreUnavailableException;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackUninstalls;
import dev.kept.slack.SlackWork;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

@Component
class EventListeners implements ListenerRegistrar {

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);

    private final DirectMessageHandler directMessages;
    private final InsightService insight;
    private final SlackWork work;
    private final SlackUninstalls uninstalls;

    EventListeners(DirectMessageHandler directMessages, InsightService insight, SlackWork work,
                   SlackUninstalls uninstalls) {
        this.directMessages = directMessages;
        this.insight = insight;
        this.work = work;
        this.uninstalls = uninstalls;
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
        // Uninstalled, or the bot token revoked: nudges to that workspace stop at once (SlackUninstalls).
        // If the store is out of reach, Slack is answered 503 and retries the event later.
        app.event(AppUninstalledEvent.class, (payload, context) ->
                gone(payload.getTeamId(), "app_uninstalled", context));
        app.event(TokensRevokedEvent.class, (payload, context) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            boolean bot = tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
            if (!bot) {
                log.info("Slack workspace {} revoked user tokens only; Kept's bot token still works",
                        payload.getTeamId());
                return context.ack();
            }
            return gone(payload.getTeamId(), "tokens_revoked", context);
        });
    }

    private com.slack.api.bolt.response.Response gone(String teamId, String why,
                                                       com.slack.api.bolt.context.builtin.EventContext context) {
        try {
            uninstalls.gone(teamId, why);
            return context.ack();
        } catch (StoreUnavailableException e) {
            log.warn("Could not pause the nudges of workspace {} ({}): {}; Slack will retry", teamId, why,
                    e.getMessage());
            return com.slack.api.bolt.response.Response.builder().statusCode(503).build();
        }
    }
}
