package dev.kept.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Directory;
import dev.kept.chat.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out what the core decided, in Slack, after the ack: private answers through the
 * interaction's {@code response_url}, replaced messages, modals through {@code views.open}, and a
 * DM wherever there is no response_url (after a modal, say).
 */
@Component
public class SlackResponder {

    private static final Logger log = LoggerFactory.getLogger(SlackResponder.class);

    private final Slack slack;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final SlackMessenger messenger;
    private final Directory directory;
    private final SlackJson json;

    private final SlackResponseUrls responseUrls;

    SlackResponder(Slack slack, MethodsClient methods, SlackCalls calls, SlackMessenger messenger, Directory directory,
                   SlackJson json, SlackResponseUrls responseUrls) {
        this.responseUrls = responseUrls;
        this.slack = slack;
        this.json = json;
        this.methods = methods;
        this.calls = calls;
        this.messenger = messenger;
        this.directory = directory;
    }

    public static Workspace workspace(String teamId) {
        return new Workspace("slack", teamId);
    }

    public PlatformText text(Workspace workspace) {
        return new SlackPlatformText(workspace, directory);
    }

    /** The link to a message, when Kept can see its conversation (see {@link SlackMessenger#permalink}). */
    public java.util.Optional<String> permalink(String channel, String messageTs) {
        return messenger.permalink(channel, messageTs);
    }

    /** Answers an interaction that came with a response_url (and maybe a trigger id for modals). */
    public void respond(Person person, Outcome outcome, String responseUrl, String triggerId) {
        outcome.renderWith(new Outcome.Renderer() {
            @Override
            public void reply(Message message) {
                viaResponseUrl(person, responseUrl, message, false);
            }

            @Override
            public void replace(Message message) {
                viaResponseUrl(person, responseUrl, message, true);
            }

            @Override
            public void openForm(dev.kept.chat.Form form, Message fallback) {
                try {
                    calls.call("views.open", () -> methods.viewsOpen(v -> v.triggerId(triggerId)
                            .view(BlockKitRenderer.modal(form))));
                } catch (SlackCalls.SlackCallFailed e) {
                    log.warn("Could not open a form for {}: {}", person, e.getMessage());
                    viaResponseUrl(person, responseUrl, fallback, false);
                }
            }
        });
    }

    /** Answers in a conversation (a DM the person wrote in); forms can't be opened there, so their fallback is said. */
    public void respondIn(String channel, Outcome outcome) {
        Message message = outcome.said();
        if (message == null) {
            return;
        }
        try {
            messenger.post(channel, message);
        } catch (DeliveryFailedException e) {
            log.warn("Could not answer in {}: {}", channel, e.getMessage());
        }
    }

    private void viaResponseUrl(Person person, String responseUrl, Message message, boolean replace) {
        if (responseUrl != null && !responseUrl.isBlank() && !responseUrls.allowed(responseUrl)) {
            // Refused at the HTTP edge already; Socket Mode payloads reach here without it.
            log.warn("Not answering at a response_url outside Slack's; sending {} a DM instead", person);
        } else if (responseUrl != null && !responseUrl.isBlank()) {
            ActionResponse response = ActionResponse.builder()
                    .responseType("ephemeral")
                    .replaceOriginal(replace)
                    .text(BlockKitRenderer.fallbackText(message))
                    .blocks(BlockKitRenderer.blocks(message))
                    .build();
            try (okhttp3.Response r = json.postJson(responseUrl, response)) {
                if (r.isSuccessful()) {
                    return;
                }
                log.warn("response_url answered {}; sending a DM instead", r.code());
            } catch (java.io.InterruptedIOException e) {
                // Sent, but no answer in time: Slack has most likely shown it (its API has latency spikes), and an
                // ephemeral answer can't be looked for afterwards, so a DM now would say it twice. The person
                // still has everything in their DMs and in /promise list.
                log.warn("response_url took too long to answer ({}); not sent again", e.getMessage());
                return;
            } catch (Exception e) {
                log.warn("response_url failed ({}); sending a DM instead", e.getMessage());
            }
        }
        try {
            messenger.sendDirect(person, message);
        } catch (DeliveryFailedException e) {
            log.warn("Could not answer {}: {}", person, e.getMessage());
        }
    }
}
