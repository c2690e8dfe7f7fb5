package dev.kept.slack;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape Slack guarantees for what it sends to {@code POST /slack/events}, checked at the edge after the
 * signature and before any listener: ids that look like Slack's, the fields every request of its kind
 * carries, JSON objects where Slack sends objects, and {@code response_url}s on Slack's host (see
 * {@link SlackResponseUrls}). Anything else gets 400 with a short reason and reaches nothing: a signed
 * request can still come from a leaked secret, a buggy proxy or an edited replay, and a listener should
 * never meet an empty user id or an event that is {@code null}.
 *
 * <p>Only what Kept relies on is checked; fields Slack may add, and event types Kept does not use, pass.
 */
final class SlackShape {

    static final Pattern TEAM = Pattern.compile("[TE][A-Z0-9]{2,31}");
    static final Pattern USER = Pattern.compile("[UWB][A-Z0-9]{2,31}");
    static final Pattern CHANNEL = Pattern.compile("[CDGK][A-Z0-9]{2,31}");
    static final Pattern EVENT_ID = Pattern.compile("Ev[A-Za-z0-9_]{1,60}");
    /** Event types whose {@code user} Kept reads, and so must be one person's id. */
    static final Set<String> PERSON_EVENTS = Set.of("message", "app_home_opened", "app_mention");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SlackResponseUrls responseUrls;

    SlackShape(SlackResponseUrls responseUrls) {
        this.responseUrls = responseUrls;
    }

    /** Why the request is not one Slack would send; empty when it is. */
    Optional<String> problem(String contentType, String body, Map<String, java.util.List<String>> query) {
        if (query.containsKey("ssl_check")) {
            return Optional.empty();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            return json(body);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = form(body);
            if (form == null) {
                return Optional.of("the form body is not valid URL encoding");
            }
            if (form.containsKey("ssl_check")) {
                return Optional.empty();
            }
            if (form.containsKey("payload")) {
                return interaction(form.get("payload"));
            }
            if (form.containsKey("command")) {
                return command(form);
            }
            return Optional.of("a form body must be a slash command or carry a payload");
        }
        return Optional.of("unsupported content type");
    }

    private Optional<String> command(Map<String, String> form) {
        if (!matches(TEAM, form.get("team_id"))) {
            return Optional.of("team_id is missing or not a Slack team id");
        }
        if (!matches(USER, form.get("user_id"))) {
            return Optional.of("user_id is missing or not a Slack user id");
        }
        String command = form.get("command");
        if (command == null || !command.startsWith("/") || command.length() > 64 || hasControl(command)) {
            return Optional.of("command is not a slash command");
        }
        if (form.get("enterprise_id") != null && !form.get("enterprise_id").isEmpty()
                && !matches(TEAM, form.get("enterprise_id"))) {
            return Optional.of("enterprise_id is not a Slack enterprise id");
        }
        String channel = form.get("channel_id");
        if (channel != null && !channel.isEmpty() && !matches(CHANNEL, channel)) {
            return Optional.of("channel_id is not a Slack channel id");
        }
        return responseUrl(form.get("response_url"), true);
    }

    private Optional<String> interaction(String payload) {
        JsonNode p = parse(payload);
        if (p == null || !p.isObject()) {
            return Optional.of("payload is not a JSON object");
        }
        if (!p.path("type").isString()) {
            return Optional.of("payload has no type");
        }
        JsonNode user = p.get("user");
        if (user == null || !user.isObject() || !matches(USER, text(user.get("id")))) {
            return Optional.of("payload.user.id is missing or not a Slack user id");
        }
        JsonNode team = p.get("team");
        if (team != null && !team.isNull()) {
            // Kept reads the team from here when there is one, else from the user (org-wide installs)
            if (!team.isObject() || !matches(TEAM, text(team.get("id")))) {
                return Optional.of("payload.team.id is not a Slack team id");
            }
        } else if (!matches(TEAM, text(user.get("team_id")))) {
            return Optional.of("payload names no Slack team");
        }
        JsonNode actions = p.get("actions");
        if (actions != null && !actions.isNull()) {
            if (!actions.isArray()) {
                return Optional.of("payload.actions is not a list");
            }
            for (JsonNode a : actions) {
                if (!a.isObject() || !a.path("action_id").isString()) {
                    return Optional.of("an action has no action_id");
                }
            }
        }
        JsonNode view = p.get("view");
        if (view != null && !view.isNull() && !view.isObject()) {
            return Optional.of("payload.view is not an object");
        }
        String type = p.get("type").asString();
        if (("view_submission".equals(type) || "view_closed".equals(type))
                && (view == null || !view.isObject() || !view.path("callback_id").isString())) {
            return Optional.of("a modal's payload has no view with a callback_id");
        }
        if (("shortcut".equals(type) || "message_action".equals(type)) && !p.path("callback_id").isString()) {
            return Optional.of("a shortcut has no callback_id");
        }
        if ("message_action".equals(type)) {
            // Kept reads the message, its channel and its ts (to link to it)
            if (!p.path("message").isObject() || !matches(CHANNEL, text(p.path("channel").get("id")))
                    || !p.path("message_ts").isString()) {
                return Optional.of("a message shortcut names no message, channel or message_ts");
            }
            String author = text(p.path("message").get("user"));
            if (author != null && !matches(USER, author)) {
                return Optional.of("the message's user is not a Slack user id");
            }
        }
        if (p.has("response_url")) {
            Optional<String> bad = responseUrl(text(p.get("response_url")), false);
            if (bad.isPresent()) {
                return bad;
            }
        }
        JsonNode urls = p.get("response_urls");
        if (urls != null && urls.isArray()) {
            for (JsonNode u : urls) {
                Optional<String> bad = responseUrl(text(u.get("response_url")), false);
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> json(String body) {
        JsonNode p = parse(body);
        if (p == null || !p.isObject()) {
            return Optional.of("the body is not a JSON object");
        }
        String type = p.path("type").isString() ? p.get("type").asString() : null;
        if (type == null) {
            return Optional.of("the body has no type");
        }
        if ("url_verification".equals(type)) {
            return p.path("challenge").isString() ? Optional.empty() : Optional.of("url_verification without a challenge");
        }
        if (!"event_callback".equals(type)) {
            return Optional.empty();   // app_rate_limited and what Slack adds later: acknowledged, not used
        }
        if (!matches(TEAM, text(p.get("team_id")))) {
            return Optional.of("team_id is missing or not a Slack team id");
        }
        JsonNode eventId = p.get("event_id");
        if (eventId != null && !eventId.isNull() && !matches(EVENT_ID, text(eventId))) {
            return Optional.of("event_id is not a Slack event id");
        }
        JsonNode event = p.get("event");
        if (event == null || !event.isObject() || !event.path("type").isString()) {
            return Optional.of("event is missing or has no type");
        }
        String eventType = event.get("type").asString();
        if (PERSON_EVENTS.contains(eventType)) {
            JsonNode user = event.get("user");
            boolean required = "app_home_opened".equals(eventType);
            if ((user != null && !user.isNull() && !matches(USER, text(user))) || (required && (user == null || user.isNull()))) {
                return Optional.of("event.user is not a Slack user id");
            }
            JsonNode channel = event.get("channel");
            if (channel != null && !channel.isNull() && !matches(CHANNEL, text(channel))) {
                return Optional.of("event.channel is not a Slack channel id");
            }
        }
        return Optional.empty();
    }

    private Optional<String> responseUrl(String url, boolean required) {
        if (url == null || url.isEmpty()) {
            return required ? Optional.of("response_url is missing") : Optional.empty();
        }
        return responseUrls.allowed(url) ? Optional.empty() : Optional.of("response_url is not on Slack's host");
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The form's fields (the first of each name), or null when the body is not valid URL encoding. */
    static Map<String, String> form(String body) {
        Map<String, java.util.List<String>> all = urlEncoded(body);
        if (all == null) {
            return null;
        }
        Map<String, String> first = new HashMap<>();
        all.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /**
     * {@code application/x-www-form-urlencoded} text (a form body or a query string) as name → values, in order;
     * null when it is not valid URL encoding.
     */
    static Map<String, java.util.List<String>> urlEncoded(String text) {
        Map<String, java.util.List<String>> out = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return out;
    }
}
