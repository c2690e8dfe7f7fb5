package dev.kept.testing.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds inbound Slack requests (slash commands, interactions, Events API callbacks) and signs and sends them
 * exactly as Slack does: {@code X-Slack-Request-Timestamp} and
 * {@code X-Slack-Signature: v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body))}.
 *
 * <p>Field values Slack would send but a test rarely cares about use fixed values: team domain {@value #TEAM_DOMAIN},
 * app id {@value #API_APP_ID}, verification token {@value #VERIFICATION_TOKEN}.
 */
public final class SlackRequests {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    public static final String TEAM_DOMAIN = "kept-test";
    public static final String API_APP_ID = "AKEPT";
    public static final String VERIFICATION_TOKEN = "fakeVerificationToken";
    public static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private SlackRequests() {
    }

    // ---------------------------------------------------------------- signing

    /** {@code "v0=" + lowercase hex HMAC-SHA256(signingSecret, "v0:" + ts + ":" + body)}. */
    public static String signature(String signingSecret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestampSeconds + ":" + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("v0=");
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The current time in epoch seconds, as Slack puts in {@code X-Slack-Request-Timestamp}. */
    public static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    // ---------------------------------------------------------------- slash commands

    /**
     * A slash command's form body with the fields Slack sends, in Slack's order. {@code null} values are sent as
     * empty strings. Spaces are encoded as {@code +}, as Slack does.
     */
    public static String slashCommandBody(String teamId, String userId, String userName, String command, String text,
                                          String responseUrl, String triggerId, String channelId) {
        return form(slashCommandFields(teamId, userId, userName, command, text, responseUrl, triggerId, channelId));
    }

    /** The fields of a slash command's form, in Slack's order (for tests that change one). */
    public static Map<String, String> slashCommandFields(String teamId, String userId, String userName, String command,
                                                         String text, String responseUrl, String triggerId,
                                                         String channelId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", VERIFICATION_TOKEN);
        f.put("team_id", teamId);
        f.put("team_domain", TEAM_DOMAIN);
        f.put("channel_id", channelId);
        f.put("channel_name", channelName(channelId));
        f.put("user_id", userId);
        f.put("user_name", userName);
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", API_APP_ID);
        f.put("is_enterprise_install", "false");
        f.put("response_url", responseUrl);
        f.put("trigger_id", triggerId);
        return f;
    }

    /** {@code application/x-www-form-urlencoded} encoding of {@code fields} in their order (space as {@code +}). */
    public static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(enc(e.getKey())).append('=').append(enc(e.getValue() == null ? "" : e.getValue()));
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return slackEncode(s);
    }

    /**
     * Form-encodes {@code s} as Slack does: every UTF-8 byte outside the RFC 3986 unreserved set
     * ({@code A-Z a-z 0-9 - . _ ~}) as {@code %XX} (upper-case hex), a space as {@code +}. This is not
     * {@link java.net.URLEncoder}, which leaves {@code *} raw and encodes {@code ~} as {@code %7E} (and not
     * JavaScript's {@code encodeURIComponent}, which leaves {@code ' ( ) !} raw): a body Slack sends with
     * {@code *bold*} arrives as {@code %2Abold%2A} (seen in real payloads quoted in spring-framework issue 33523
     * and java-slack-sdk issue 1306), and the signature covers exactly those bytes.
     */
    public static String slackEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String channelName(String channelId) {
        if (channelId == null || channelId.isEmpty()) {
            return "";
        }
        return channelId.startsWith("D") ? "directmessage" : channelId.startsWith("G") ? "privategroup" : "general";
    }

    // ---------------------------------------------------------------- interactivity

    /** {@code payload=} + the URL-encoded payload JSON, as Slack posts interactions. */
    public static String interactionBody(String payloadJson) {
        return "payload=" + enc(payloadJson);
    }

    /**
     * A {@code block_actions} payload for a button click in a message ({@code channelId} / {@code messageTs}; either
     * may be {@code null} for a click outside a message, then no container message is sent).
     */
    public static String blockActionPayload(String teamId, String userId, String actionId, String value,
                                            String channelId, String messageTs, String triggerId,
                                            String responseUrl) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        p.add("user", userJson(teamId, userId));
        p.addProperty("api_app_id", API_APP_ID);
        p.addProperty("token", VERIFICATION_TOKEN);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        if (messageTs != null) {
            container.addProperty("message_ts", messageTs);
        }
        container.addProperty("channel_id", channelId);
        container.addProperty("is_ephemeral", false);
        p.add("container", container);
        p.addProperty("trigger_id", triggerId);
        p.add("team", teamJson(teamId));
        p.add("enterprise", JsonNull.INSTANCE);
        p.addProperty("is_enterprise_install", false);
        if (channelId != null) {
            JsonObject channel = new JsonObject();
            channel.addProperty("id", channelId);
            channel.addProperty("name", channelName(channelId));
            p.add("channel", channel);
        }
        if (messageTs != null) {
            JsonObject message = new JsonObject();
            message.addProperty("type", "message");
            message.addProperty("user", FakeSlackApi.BOT_USER_ID);
            message.addProperty("bot_id", FakeSlackApi.BOT_ID);
            message.addProperty("app_id", API_APP_ID);
            // Slack sends the clicked message back whole; Kept's messages carry *bold* mrkdwn, which Slack's
            // form encoding turns into %2A: every click in the suite is signed over such bytes.
            String shown = "*Kept* — a message with *bold* text, ~struck~ and an apostrophe's (parens)!";
            message.addProperty("text", shown);
            message.addProperty("ts", messageTs);
            JsonArray blocks = new JsonArray();
            JsonObject section = new JsonObject();
            section.addProperty("type", "section");
            section.addProperty("block_id", "kept-text");
            JsonObject sectionText = new JsonObject();
            sectionText.addProperty("type", "mrkdwn");
            sectionText.addProperty("text", shown);
            sectionText.addProperty("verbatim", false);
            section.add("text", sectionText);
            blocks.add(section);
            message.add("blocks", blocks);
            p.add("message", message);
        }
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        p.add("state", state);
        p.addProperty("response_url", responseUrl);
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "kept-actions");
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", actionId);
        text.addProperty("emoji", true);
        action.add("text", text);
        action.addProperty("value", value);
        action.addProperty("type", "button");
        action.addProperty("action_ts", actionTs());
        actions.add(action);
        p.add("actions", actions);
        return GSON.toJson(p);
    }

    /**
     * A {@code view_submission} payload for a modal with {@code callbackId} and {@code privateMetadata};
     * {@code stateValues} maps block_id → action_id → state value (see {@link #plainText}, {@link #userSelect},
     * {@link #dateTime} and friends).
     */
    public static String viewSubmissionPayload(String teamId, String userId, String callbackId,
                                               String privateMetadata,
                                               Map<String, Map<String, Object>> stateValues) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "view_submission");
        p.add("team", teamJson(teamId));
        p.add("user", userJson(teamId, userId));
        p.addProperty("api_app_id", API_APP_ID);
        p.addProperty("token", VERIFICATION_TOKEN);
        p.addProperty("trigger_id", "1000000000.1000000000.fakesubmission");
        JsonObject view = new JsonObject();
        view.addProperty("id", "V100000001");
        view.addProperty("team_id", teamId);
        view.addProperty("type", "modal");
        view.add("blocks", new JsonArray());
        view.addProperty("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.addProperty("callback_id", callbackId);
        JsonObject state = new JsonObject();
        JsonElement values = GSON.toJsonTree(stateValues == null ? Map.of() : stateValues);
        state.add("values", values);
        view.add("state", state);
        view.addProperty("hash", "1763800000.fakehash");
        view.add("title", plainTextObject("Kept"));
        view.add("submit", plainTextObject("Save"));
        view.add("close", plainTextObject("Cancel"));
        view.addProperty("clear_on_close", false);
        view.addProperty("notify_on_close", false);
        view.add("previous_view_id", JsonNull.INSTANCE);
        view.addProperty("root_view_id", "V100000001");
        view.addProperty("app_id", API_APP_ID);
        view.addProperty("external_id", "");
        view.addProperty("app_installed_team_id", teamId);
        view.addProperty("bot_id", FakeSlackApi.BOT_ID);
        p.add("view", view);
        p.add("response_urls", new JsonArray());
        p.addProperty("is_enterprise_install", false);
        p.add("enterprise", JsonNull.INSTANCE);
        return GSON.toJson(p);
    }

    /** State value of a {@code plain_text_input}. */
    public static Map<String, Object> plainText(String value) {
        return stateValue("plain_text_input", "value", value);
    }

    /** State value of a {@code users_select}. */
    public static Map<String, Object> userSelect(String userId) {
        return stateValue("users_select", "selected_user", userId);
    }

    /** State value of a {@code datetimepicker} (epoch seconds). */
    public static Map<String, Object> dateTime(long epochSeconds) {
        return stateValue("datetimepicker", "selected_date_time", epochSeconds);
    }

    /** State value of a {@code datepicker} ({@code YYYY-MM-DD}). */
    public static Map<String, Object> datePicker(String isoDate) {
        return stateValue("datepicker", "selected_date", isoDate);
    }

    /** State value of a {@code timepicker} ({@code HH:mm}). */
    public static Map<String, Object> timePicker(String hhmm) {
        return stateValue("timepicker", "selected_time", hhmm);
    }

    /** State value of a {@code static_select} with the option {@code value} selected. */
    public static Map<String, Object> staticSelect(String value) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("text", Map.of("type", "plain_text", "text", value, "emoji", true));
        option.put("value", value);
        return stateValue("static_select", "selected_option", option);
    }

    /** State value of {@code checkboxes} with the options {@code values} checked (none: all cleared). */
    public static Map<String, Object> checkboxes(String... values) {
        List<Map<String, Object>> options = new java.util.ArrayList<>();
        for (String value : values) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("text", Map.of("type", "plain_text", "text", value, "emoji", true));
            option.put("value", value);
            options.add(option);
        }
        return stateValue("checkboxes", "selected_options", options);
    }

    /** State value of a {@code plain_text_input} left empty (Slack sends {@code "value": null}). */
    public static Map<String, Object> emptyText() {
        return stateValue("plain_text_input", "value", null);
    }

    /** State value of a {@code multi_users_select}. */
    public static Map<String, Object> multiUserSelect(String... userIds) {
        return stateValue("multi_users_select", "selected_users", List.of(userIds));
    }

    private static Map<String, Object> stateValue(String type, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put(key, value);
        return m;
    }

    // ---------------------------------------------------------------- Events API

    /** An {@code event_callback} envelope with a {@code message} event in a DM ({@code channel_type} {@code im}). */
    public static String messageImEventBody(String teamId, String userId, String channelId, String text,
                                            String eventTs) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("channel", channelId);
        event.addProperty("user", userId);
        event.addProperty("text", text);
        event.addProperty("ts", eventTs);
        event.addProperty("event_ts", eventTs);
        event.addProperty("team", teamId);
        event.addProperty("channel_type", "im");
        event.addProperty("client_msg_id", "00000000-0000-4000-8000-" + digits(eventTs, 12));

        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", VERIFICATION_TOKEN);
        envelope.addProperty("team_id", teamId);
        envelope.addProperty("context_team_id", teamId);
        envelope.addProperty("api_app_id", API_APP_ID);
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "Ev" + digits(eventTs, 16));
        envelope.addProperty("event_time", epochSecondsOf(eventTs));
        JsonArray authorizations = new JsonArray();
        JsonObject auth = new JsonObject();
        auth.add("enterprise_id", JsonNull.INSTANCE);
        auth.addProperty("team_id", teamId);
        auth.addProperty("user_id", FakeSlackApi.BOT_USER_ID);
        auth.addProperty("is_bot", true);
        auth.addProperty("is_enterprise_install", false);
        authorizations.add(auth);
        envelope.add("authorizations", authorizations);
        envelope.addProperty("is_ext_shared_channel", false);
        envelope.addProperty("event_context", "4-fake-" + digits(eventTs, 16));
        return GSON.toJson(envelope);
    }

    // ---------------------------------------------------------------- sending

    /** POSTs {@code body} signed with {@code signingSecret} at {@code timestampSeconds}, as Slack does. */
    public static HttpResponse<String> post(HttpClient client, URI url, String signingSecret, long timestampSeconds,
                                            String contentType, String body) {
        return postWithSignature(client, url, signature(signingSecret, timestampSeconds, body), timestampSeconds,
                contentType, body);
    }

    /** POSTs {@code body} with the given {@code signature} header as is (for wrong-signature tests). */
    public static HttpResponse<String> postWithSignature(HttpClient client, URI url, String signature,
                                                         long timestampSeconds, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestampSeconds))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while POSTing to " + url, e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObject userJson(String teamId, String userId) {
        String name = FakeSlackApi.defaultUsers().stream()
                .filter(u -> u.id().equals(userId)).map(FakeSlackApi.FakeUser::name).findFirst()
                .orElse(userId == null ? "" : userId.toLowerCase());
        JsonObject u = new JsonObject();
        u.addProperty("id", userId);
        u.addProperty("username", name);
        u.addProperty("name", name);
        u.addProperty("team_id", teamId);
        return u;
    }

    private static JsonObject teamJson(String teamId) {
        JsonObject t = new JsonObject();
        t.addProperty("id", teamId);
        t.addProperty("domain", TEAM_DOMAIN);
        return t;
    }

    private static JsonObject plainTextObject(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "plain_text");
        o.addProperty("text", text);
        o.addProperty("emoji", true);
        return o;
    }

    private static String actionTs() {
        long micros = System.currentTimeMillis() * 1000;
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static long epochSecondsOf(String ts) {
        if (ts == null) {
            return nowSeconds();
        }
        int dot = ts.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? ts : ts.substring(0, dot));
        } catch (NumberFormatException e) {
            return nowSeconds();
        }
    }

    /** The digits of {@code s}, left-padded with zeros / cut from the left to exactly {@code n}. */
    private static String digits(String s, int n) {
        String d = s == null ? "" : s.replaceAll("\\D", "");
        if (d.length() > n) {
            return d.substring(d.length() - n);
        }
        return "0".repeat(n - d.length()) + d;
    }
}
