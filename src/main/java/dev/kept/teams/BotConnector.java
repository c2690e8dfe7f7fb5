package dev.kept.teams;

import dev.kept.chat.DeliveryFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Bot Connector REST API (v3) at a conversation's {@code serviceUrl}, called with Kept's app token.
 *
 * <p>Only {@code https://} serviceUrls are called, unless the constructor's {@code allowLoopbackHttp} is set, which
 * allows {@code http://} to a loopback address only (the fake Bot Framework). A serviceUrl with user info, a query
 * or a fragment is refused. A trailing slash on it is ignored, and path segments (conversation and activity ids,
 * which contain {@code : @ ;}) are percent-encoded.
 *
 * <p>Retries ({@link #send}, {@link #update}, {@link #createPersonalConversation}, {@link #members}): HTTP 429, 412,
 * 5xx and network errors are tried again, up to {@value #MAX_ATTEMPTS} attempts and {@link #MAX_TOTAL_WAIT} of
 * waiting in all; a {@code Retry-After} in seconds is honoured as given (giving up at once when it is longer than
 * the waiting left), otherwise the wait grows exponentially from {@link #FIRST_BACKOFF} with random jitter. A 401
 * drops the app token and tries once more with a fresh one; any other 4xx fails at once. Failures are thrown as
 * {@link DeliveryFailedException}. {@link #sendOnce} makes one attempt and reports the outcome, for callers that
 * retry on their own schedule. Those are the codes Microsoft asks bots to try again (429, 412, 502, 504), and the
 * rest of 5xx: each is an answer, so the Connector said what it did.
 *
 * <p>One exception: an activity posted ({@link #send}, {@link #reply}, {@link #sendOnce}) whose answer never came
 * (a timeout or a reset after it went out) is not posted again, and counts as sent. The Connector takes no
 * idempotency key and a bot can read nothing back from a chat, so a second post could only show it twice.
 */
public final class BotConnector {

    static final int MAX_ATTEMPTS = 5;
    static final Duration MAX_TOTAL_WAIT = Duration.ofSeconds(60);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** When a 429 says nothing about how long to wait. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(BotConnector.class);

    /** Waits between attempts; tests record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    /** A member of a conversation, as the Bot Connector lists it. */
    public record Member(String id, String name, String aadObjectId) {
    }

    /** The outcome of one attempt to send: {@link Sent}, {@link RateLimited} or {@link Failed}. */
    public sealed interface Attempt permits Sent, RateLimited, Failed {
    }

    /** Delivered; {@code activityId} is the id the Bot Connector gave the activity ("" when it gave none). */
    public record Sent(String activityId) implements Attempt {
    }

    /** HTTP 429: try again after {@code retryAfter} (its {@code Retry-After}, or a second when it said nothing). */
    public record RateLimited(Duration retryAfter) implements Attempt {
    }

    /**
     * Not delivered. {@code permanent}: trying again will not help (a 4xx such as 403 blocked / 404 unknown
     * conversation, or a refused serviceUrl); otherwise (401, 412, 5xx, network, no app token) it may later.
     * {@code error} is short and holds no token.
     */
    public record Failed(boolean permanent, String error) implements Attempt {
    }

    /**
     * One HTTP exchange's outcome. {@code unanswered}: the request went out but no answer came (a timeout, a
     * connection reset), so the Bot Connector may have acted on it.
     */
    private record Result(int status, JsonNode body, Duration retryAfter, String error, boolean retryable,
                          boolean permanent, boolean unanswered) {
        Result(int status, JsonNode body, Duration retryAfter, String error, boolean retryable, boolean permanent) {
            this(status, body, retryAfter, error, retryable, permanent, false);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final AppTokens tokens;
    private final String appId;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final boolean allowLoopbackHttp;
    private final Duration httpTimeout;

    /**
     * @param tokens            Kept's app tokens
     * @param appId             Kept's app id (the bot is {@code 28:<appId>})
     * @param http              e.g. {@link BotTokenValidator#defaultHttpClient()}
     * @param sleeper           {@link Sleeper#REAL} in production
     * @param allowLoopbackHttp allow {@code http://} serviceUrls on loopback addresses (tests, the fake); false in
     *                          production
     */
    public BotConnector(AppTokens tokens, String appId, HttpClient http, Sleeper sleeper, boolean allowLoopbackHttp) {
        this(tokens, appId, http, sleeper, allowLoopbackHttp, HTTP_TIMEOUT);
    }

    /** The same, with how long one exchange may take (tests shorten it). */
    BotConnector(AppTokens tokens, String appId, HttpClient http, Sleeper sleeper, boolean allowLoopbackHttp,
                 Duration httpTimeout) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("the Teams app id is required");
        }
        this.tokens = tokens;
        this.appId = appId.strip();
        this.http = http;
        this.sleeper = sleeper;
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.httpTimeout = httpTimeout;
    }

    public BotConnector(TeamsSettings settings, AppTokens tokens, HttpClient http, Sleeper sleeper) {
        this(tokens, settings.appId(), http, sleeper, settings.allowLoopbackHttp());
    }

    // ---------------------------------------------------------------- operations

    /**
     * Creates (or finds again: the Bot Connector answers the same id) the personal chat between Kept and a user,
     * for proactive messages. POST {@code {serviceUrl}/v3/conversations}.
     *
     * @param userId the user's Teams id ({@code 29:…})
     * @return the conversation id
     */
    public String createPersonalConversation(String serviceUrl, String tenantId, String userId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("isGroup", false);
        body.putObject("bot").put("id", "28:" + appId);
        body.putArray("members").addObject().put("id", userId);
        body.put("tenantId", tenantId);
        body.putObject("channelData").putObject("tenant").put("id", tenantId);
        URI uri = uri(serviceUrl, "v3", "conversations");
        JsonNode answer = withRetries("create conversation", REPEATABLE, () -> exchange("POST", uri, body));
        String id = text(answer, "id");
        if (id.isEmpty()) {
            throw new DeliveryFailedException("Bot Connector created a conversation without an id", null);
        }
        return id;
    }

    /** One attempt to post {@code activity} to a conversation; never throws for HTTP or network trouble. */
    public Attempt sendOnce(String serviceUrl, String conversationId, ObjectNode activity) {
        URI uri;
        try {
            uri = uri(serviceUrl, "v3", "conversations", conversationId, "activities");
        } catch (DeliveryFailedException refused) {
            return new Failed(true, refused.getMessage());
        }
        Result r = exchange("POST", uri, activity);
        if (r.ok()) {
            return new Sent(text(r.body(), "id"));
        }
        if (r.unanswered()) {
            log.warn(NOT_AGAIN, "send", r.error());
            return new Sent("");
        }
        if (r.status() == 429) {
            return new RateLimited(r.retryAfter() != null ? r.retryAfter() : DEFAULT_RATE_LIMIT_WAIT);
        }
        return new Failed(r.permanent(), r.error());
    }

    /**
     * Posts {@code activity} to a conversation, trying again as described above.
     *
     * @return the new activity's id ("" when the Bot Connector gave none)
     * @throws DeliveryFailedException when it could not be delivered
     */
    public String send(String serviceUrl, String conversationId, ObjectNode activity) {
        URI uri = uri(serviceUrl, "v3", "conversations", conversationId, "activities");
        return text(withRetries("send", ONCE, () -> exchange("POST", uri, activity)), "id");
    }

    /**
     * Posts {@code activity} as a reply to activity {@code replyToId} (POST
     * {@code .../activities/{replyToId}}), trying again as described above.
     *
     * @return the new activity's id ("" when the Bot Connector gave none)
     */
    public String reply(String serviceUrl, String conversationId, String replyToId, ObjectNode activity) {
        URI uri = uri(serviceUrl, "v3", "conversations", conversationId, "activities", replyToId);
        return text(withRetries("reply", ONCE, () -> exchange("POST", uri, activity)), "id");
    }

    /**
     * Replaces an activity Kept sent (e.g. a card after a click). PUT
     * {@code {serviceUrl}/v3/conversations/{id}/activities/{activityId}}, trying again as described above.
     *
     * @throws DeliveryFailedException when it could not be updated
     */
    public void update(String serviceUrl, String conversationId, String activityId, ObjectNode activity) {
        URI uri = uri(serviceUrl, "v3", "conversations", conversationId, "activities", activityId);
        withRetries("update", REPEATABLE, () -> exchange("PUT", uri, activity));
    }

    /** The members of a conversation. GET {@code {serviceUrl}/v3/conversations/{id}/members}. */
    public List<Member> members(String serviceUrl, String conversationId) {
        URI uri = uri(serviceUrl, "v3", "conversations", conversationId, "members");
        JsonNode answer = withRetries("members", REPEATABLE, () -> exchange("GET", uri, null));
        List<Member> out = new ArrayList<>();
        if (answer != null && answer.isArray()) {
            for (JsonNode m : answer) {
                out.add(member(m));
            }
        }
        return List.copyOf(out);
    }

    /**
     * One member of a conversation by Teams id or AAD object id; empty when the Bot Connector does not know them
     * there (404). GET {@code {serviceUrl}/v3/conversations/{id}/members/{memberId}}.
     */
    public Optional<Member> member(String serviceUrl, String conversationId, String memberId) {
        URI uri = uri(serviceUrl, "v3", "conversations", conversationId, "members", memberId);
        Result[] last = new Result[1];
        try {
            JsonNode answer = withRetries("member", REPEATABLE, () -> {
                Result r = exchange("GET", uri, null);
                last[0] = r;
                return r;
            });
            return answer == null || !answer.isObject() ? Optional.empty() : Optional.of(member(answer));
        } catch (DeliveryFailedException e) {
            if (last[0] != null && last[0].status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Member member(JsonNode m) {
        return new Member(text(m, "id"), text(m, "name"), text(m, "aadObjectId"));
    }

    // ---------------------------------------------------------------- retries

    private interface Exchange {
        Result run();
    }

    /**
     * Whether an exchange may be made again after it went out unanswered. Posting an activity may not: the Bot
     * Connector has no idempotency key, and Teams lets a bot read nothing back from a chat, so a second POST after
     * a timeout can show the message twice. Updating (PUT), reading (GET) and creating the personal chat (the
     * Connector answers the same id again) may.
     */
    private static final boolean ONCE = false;
    private static final boolean REPEATABLE = true;
    private static final String NOT_AGAIN = "Teams {}: no answer came ({}); not sent again, since a second post could "
            + "show it twice (it most likely arrived)";

    private JsonNode withRetries(String what, boolean repeatable, Exchange exchange) {
        Duration waited = Duration.ZERO;
        boolean tokenRenewed = false;
        Result r = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            r = exchange.run();
            if (r.ok()) {
                return r.body();
            }
            if (r.unanswered() && !repeatable) {
                log.warn(NOT_AGAIN, what, r.error());
                return null;
            }
            if (r.status() == 401 && !tokenRenewed) {
                tokenRenewed = true; // the token was refused: the next attempt fetches a fresh one at once
                continue;
            }
            if (!r.retryable()) {
                throw new DeliveryFailedException("Teams " + what + " failed: " + r.error(), null);
            }
            if (attempt == MAX_ATTEMPTS) {
                break;
            }
            Duration wait = r.retryAfter() != null ? r.retryAfter() : backoff(attempt);
            if (waited.plus(wait).compareTo(MAX_TOTAL_WAIT) > 0) {
                throw new DeliveryFailedException("Teams " + what + " failed: " + r.error() + "; waiting "
                        + wait.toMillis() + " ms more would exceed " + MAX_TOTAL_WAIT.toSeconds() + " s", null);
            }
            log.info("Teams {}: {}; trying again in {} ms (attempt {} of {})", what, r.error(), wait.toMillis(),
                    attempt + 1, MAX_ATTEMPTS);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailedException("Teams " + what + " interrupted while waiting to try again", e);
            }
            waited = waited.plus(wait);
        }
        throw new DeliveryFailedException("Teams " + what + " failed after " + MAX_ATTEMPTS + " attempts: "
                + (r == null ? "" : r.error()), null);
    }

    static Duration backoff(int attempt) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    // ---------------------------------------------------------------- HTTP

    private Result exchange(String method, URI uri, JsonNode body) {
        String token;
        try {
            token = tokens.token();
        } catch (AppTokens.AppTokenException e) {
            // never "permanent": a token problem is Kept's configuration or Microsoft's, not this message's
            return new Result(0, null, null, "no app token: " + e.getMessage(), e.transientFailure(), false);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(httpTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                            StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            dev.kept.chat.KeptMetrics.apiCall("teams", method + " " + operation(uri), "network");
            // Refused or never connected: nothing went out. Anything else (a timeout, a reset) may have been acted on.
            boolean wentOut = !(e instanceof java.net.ConnectException
                    || e instanceof java.net.http.HttpConnectTimeoutException
                    || e instanceof java.net.UnknownHostException);
            return new Result(0, null, null, "network: " + e.getClass().getSimpleName(), true, false, wentOut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, null, null, "interrupted", false, false);
        }
        int status = response.statusCode();
        dev.kept.chat.KeptMetrics.apiCall("teams", method + " " + operation(uri), status >= 200 && status < 300 ? "ok"
                : status == 429 ? "429" : status >= 500 ? "5xx" : "4xx");
        JsonNode json = parse(response.body());
        if (status >= 200 && status < 300) {
            return new Result(status, json, null, "", false, false);
        }
        if (status == 401) {
            tokens.invalidate();
        }
        String error = "HTTP " + status + errorDetail(json);
        boolean retryable = status == 429 || status == 412 || status >= 500;
        Duration retryAfter = status == 429 || status == 503
                ? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
        boolean permanent = !retryable && status != 401;
        return new Result(status, json, retryAfter, error, retryable, permanent);
    }

    /** {@code Retry-After} in seconds (an HTTP date is not honoured: back-off applies), at most an hour. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.matches("\\d{1,7}")) {
            return null;
        }
        return Duration.ofSeconds(Math.min(Long.parseLong(h), 3600));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** " (code: message)" from the Bot Connector's {@code {"error":{"code","message"}}}, shortened; or "". */
    private static String errorDetail(JsonNode json) {
        if (json == null) {
            return "";
        }
        JsonNode e = json.path("error");
        String code = text(e, "code");
        String message = text(e, "message");
        if (code.isEmpty() && message.isEmpty()) {
            return "";
        }
        String s = code + (message.isEmpty() ? "" : ": " + message);
        s = s.replaceAll("[\\r\\n\\t]", " ");
        return " (" + (s.length() <= 160 ? s : s.substring(0, 160) + "…") + ")";
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return "";
        }
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : "";
    }

    // ---------------------------------------------------------------- URLs

    /** {@code serviceUrl} (checked, trailing slash dropped) followed by the percent-encoded path segments. */
    URI uri(String serviceUrl, String... segments) {
        String base = checkedServiceUrl(serviceUrl);
        StringBuilder sb = new StringBuilder(base);
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new DeliveryFailedException("Teams: an empty id in the Bot Connector path", null);
            }
            sb.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(sb.toString());
    }

    private String checkedServiceUrl(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.isBlank()) {
            throw new DeliveryFailedException("Teams: no serviceUrl", null);
        }
        String s = serviceUrl.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u;
        try {
            u = new URI(s);
        } catch (java.net.URISyntaxException e) {
            throw new DeliveryFailedException("Teams: serviceUrl is not a URL", null);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new DeliveryFailedException("Teams: serviceUrl refused (needs a host, and no user info, query "
                    + "or fragment)", null);
        }
        boolean ok = scheme.equals("https") || (scheme.equals("http") && allowLoopbackHttp && loopback(u.getHost()));
        if (!ok) {
            throw new DeliveryFailedException("Teams: serviceUrl refused: only https is called"
                    + (allowLoopbackHttp ? " (http on loopback addresses only)" : ""), null);
        }
        return s;
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The kind of Bot Connector call, for metrics: the path with its ids left out ({@code /v3/conversations/{id}/activities}). */
    static String operation(URI uri) {
        String[] parts = uri.getPath().split("/");
        int v3 = java.util.Arrays.asList(parts).indexOf("v3");
        if (v3 < 0) {
            return "other";
        }
        StringBuilder op = new StringBuilder();
        for (int i = v3; i < parts.length; i++) {
            boolean word = parts[i].equals("v3") || parts[i].equals("conversations") || parts[i].equals("activities")
                    || parts[i].equals("members");
            op.append('/').append(word ? parts[i] : "{id}");
        }
        return op.toString();
    }
}
