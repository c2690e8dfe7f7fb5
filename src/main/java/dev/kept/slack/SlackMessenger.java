package dev.kept.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message.Metadata;
import dev.kept.chat.Delivery;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.PlatformMessenger;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import com.slack.api.model.view.View;
import org.springframework.stereotype.Component;

import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends DMs as the bot. Posting with the user id as the channel lands in the person's direct
 * conversation with Kept (its App Home "Messages" tab) and costs one Web API call: no channel id
 * lookup is needed.
 */
@Component
class SlackMessenger implements PlatformMessenger {

    @Override
    public String platform() {
        return "slack";
    }

    /** Message metadata that tags a nudge, so a re-claimed nudge can find out it was already posted. */
    static final String METADATA_TYPE = "kept_nudge";
    static final String METADATA_KEY = "key";
    static final int HISTORY_DEPTH = 100;

    /** {@code ok:false} errors worth trying again; every other error is final for this message. */
    static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited", "team_added_to_org");

    private final Slack slack;
    private final MethodsClient methods;
    private final SlackCalls calls;
    private final SlackJson json;
    private final String token;

    SlackMessenger(Slack slack, MethodsClient methods, SlackCalls calls, SlackJson json, SlackProperties properties) {
        this.slack = slack;
        this.methods = methods;
        this.calls = calls;
        this.json = json;
        this.token = properties.botToken();
    }

    /** {@code chat.postMessage}, its answer parsed with one shared Gson ({@link SlackJson}). */
    private ChatPostMessageResponse postMessage(ChatPostMessageRequest request) throws IOException, SlackApiException {
        return json.chatPostMessage(methods, token, request);
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        post(recipient.userId(), message);
    }

    /** Posts into a conversation Kept already knows (e.g. the DM a person wrote in), trying again on 429/5xx. */
    void post(String channel, Message message) {
        // Every message is tagged with a key of its own, so an attempt whose answer never came (Slack posted it,
        // then answered too late) is looked for before it is made again. Kept reads DM history only
        // (im:history), so a post into a channel is sent again, as before.
        String key = "post." + java.util.UUID.randomUUID();
        boolean direct = channel.startsWith("U") || channel.startsWith("W") || channel.startsWith("D");
        try {
            calls.call("chat.postMessage", () -> postMessage(ChatPostMessageRequest.builder().channel(channel)
                    .text(BlockKitRenderer.fallbackText(message))
                    .blocks(BlockKitRenderer.blocks(message))
                    .metadata(new Metadata(METADATA_TYPE, Map.of(METADATA_KEY, key)))
                    .unfurlLinks(false).unfurlMedia(false).build()),
                    direct ? () -> postedIn(channel, key) : null);
        } catch (SlackCalls.SlackCallFailed e) {
            throw new DeliveryFailedException(e.getMessage(), e);
        }
    }

    @Override
    public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
        try {
            ChatPostMessageResponse response = postMessage(ChatPostMessageRequest.builder().channel(recipient.userId())
                    .text(BlockKitRenderer.fallbackText(message))
                    .blocks(BlockKitRenderer.blocks(message))
                    .metadata(new Metadata(METADATA_TYPE, Map.of(METADATA_KEY, idempotencyKey)))
                    .unfurlLinks(false).unfurlMedia(false).build());
            dev.kept.chat.KeptMetrics.apiCall("slack", "chat.postMessage", response.isOk() ? "ok" : "error");
            if (response.isOk()) {
                return new Delivery.Sent();
            }
            if ("ratelimited".equals(response.getError())) {
                return new Delivery.RateLimited(Duration.ofSeconds(1));
            }
            return new Delivery.Failed(!TRANSIENT.contains(response.getError()), response.getError());
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            dev.kept.chat.KeptMetrics.apiCall("slack", "chat.postMessage", status == 429 ? "429" : status >= 500 ? "5xx" : "4xx");
            if (status == 429) {
                Duration wait = SlackCalls.retryAfter(e).orElse(Duration.ofSeconds(1));
                dev.kept.chat.KeptMetrics.retryAfter("slack", wait);
                return new Delivery.RateLimited(wait);
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "HTTP " + status;
            return new Delivery.Failed(status < 500 && !TRANSIENT.contains(error), error);
        } catch (IOException e) {
            dev.kept.chat.KeptMetrics.apiCall("slack", "chat.postMessage", "network");
            return new Delivery.Failed(false, "network: " + e.getMessage());
        }
    }

    /** Publishes the person's App Home tab (views.publish), trying again on 429/5xx. */
    @Override
    public void publishHome(Person person, Message page) {
        try {
            calls.call("views.publish", () -> methods.viewsPublish(r -> r.userId(person.userId())
                    .view(View.builder().type("home").blocks(BlockKitRenderer.blocks(page)).build())));
        } catch (SlackCalls.SlackCallFailed e) {
            throw new DeliveryFailedException(e.getMessage(), e);
        }
    }

    /**
     * Files upload v2, as Slack asks: {@code files.getUploadURLExternal} for a one-off upload URL, the
     * bytes POSTed there, then {@code files.completeUploadExternal} shares the file in the person's DM
     * (its id from {@code conversations.open}) with the comment. Each step tries again on 429/5xx.
     */
    @Override
    public void sendFile(Person recipient, String filename, String content, Message comment) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            String channel = calls.call("conversations.open", () -> methods.conversationsOpen(
                    r -> r.users(List.of(recipient.userId())))).getChannel().getId();
            FilesGetUploadURLExternalResponse target = calls.call("files.getUploadURLExternal",
                    () -> methods.filesGetUploadURLExternal(r -> r.filename(filename).length(bytes.length)));
            calls.call("file upload", () -> upload(target.getUploadUrl(), bytes));
            FilesCompleteUploadExternalRequest.FileDetails file = FilesCompleteUploadExternalRequest.FileDetails.builder()
                    .id(target.getFileId()).title(filename).build();
            calls.call("files.completeUploadExternal", () -> methods.filesCompleteUploadExternal(r -> r
                    .files(List.of(file)).channelId(channel).initialComment(BlockKitRenderer.fallbackText(comment))));
        } catch (SlackCalls.SlackCallFailed e) {
            throw new DeliveryFailedException(e.getMessage(), e);
        }
    }

    /** POSTs the bytes to the upload URL Slack gave; an answer other than 2xx is reported as Slack would. */
    private Uploaded upload(String url, byte[] bytes) throws IOException, SlackApiException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(bytes)).build();
        try (Response response = slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(response, body);
            }
            return new Uploaded();
        }
    }

    /** The upload URL answers in plain text; to {@link SlackCalls} a 2xx is simply "ok". */
    private static final class Uploaded implements SlackApiTextResponse {
        private Map<String, List<String>> headers = Map.of();

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public void setOk(boolean ok) {
        }

        @Override
        public String getWarning() {
            return null;
        }

        @Override
        public void setWarning(String warning) {
        }

        @Override
        public String getError() {
            return null;
        }

        @Override
        public void setError(String error) {
        }

        @Override
        public String getNeeded() {
            return null;
        }

        @Override
        public void setNeeded(String needed) {
        }

        @Override
        public String getProvided() {
            return null;
        }

        @Override
        public void setProvided(String provided) {
        }

        @Override
        public Map<String, List<String>> getHttpResponseHeaders() {
            return headers;
        }

        @Override
        public void setHttpResponseHeaders(Map<String, List<String>> headers) {
            this.headers = headers;
        }
    }

    /**
     * The link to a message ({@code chat.getPermalink}), or empty when Kept can't see its conversation (a private
     * channel or a DM Kept is not part of): Slack answers {@code channel_not_found} then.
     */
    public java.util.Optional<String> permalink(String channel, String messageTs) {
        try {
            String link = calls.call("chat.getPermalink",
                    () -> methods.chatGetPermalink(r -> r.token(token).channel(channel).messageTs(messageTs))).getPermalink();
            return java.util.Optional.ofNullable(link).filter(l -> l.startsWith("https://"));
        } catch (SlackCalls.SlackCallFailed e) {
            org.slf4j.LoggerFactory.getLogger(SlackMessenger.class)
                    .info("No link to message {} in {}: {}", messageTs, channel, e.error());
            return java.util.Optional.empty();
        }
    }

    /** A channel is named by its id (C…) or its name; the bot must be a member of it. */
    @Override
    public void postToChannel(Workspace workspace, String channel, Message message) {
        post(channel, message);
    }

    /**
     * Reads the DM's latest messages (im:history) for one tagged with the key. Nudges to one person
     * are few a day (the daily cap), so the latest {@value #HISTORY_DEPTH} reach far enough back.
     */
    @Override
    public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
        return postedIn(recipient.userId(), idempotencyKey);
    }

    /** Whether a message tagged with {@code idempotencyKey} is among the latest in a DM (a user id or a D… id). */
    private boolean postedIn(String userOrDm, String idempotencyKey) {
        String channel = userOrDm.startsWith("D") ? userOrDm : calls.call("conversations.open",
                () -> methods.conversationsOpen(r -> r.users(java.util.List.of(userOrDm)))).getChannel().getId();
        ConversationsHistoryResponse history = calls.call("conversations.history",
                () -> methods.conversationsHistory(r -> r.channel(channel).includeAllMetadata(true).limit(HISTORY_DEPTH)));
        if (history.getMessages() == null) {
            return false;
        }
        return history.getMessages().stream()
                .map(com.slack.api.model.Message::getMetadata)
                .anyMatch(m -> m != null && METADATA_TYPE.equals(m.getEventType()) && m.getEventPayload() != null
                        && idempotencyKey.equals(String.valueOf(m.getEventPayload().get(METADATA_KEY))));
    }
}
