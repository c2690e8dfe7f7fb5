package dev.kept.testing.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A fake of the Slack Web API, served over real HTTP on 127.0.0.1, for tests and for running Kept by hand.
 *
 * <p>Point Kept's Slack client at {@link #baseUrl()} (e.g. {@code SLACK_API_URL=http://127.0.0.1:PORT/api/});
 * slash-command {@code response_url}s can point at {@link #responseUrl(String)}. Every request is recorded as a
 * {@link Call} and can be inspected with {@link #calls()}, {@link #calls(String)} and {@link #count(String)}.
 *
 * <p><b>Default users are preloaded by {@link #start()} / {@link #start(int)}</b> (see {@link #defaultUsers()}):
 * U111 alice (Europe/Berlin), U222 bob (America/New_York), U333 carol (Asia/Tokyo), UBOT1 deploybot (a bot) and
 * UGONE "Gone Person" (deleted). {@link #clearUsers()} removes them; {@link #reset()} keeps users.
 *
 * <p>Answered methods: {@code auth.test}, {@code users.info}, {@code conversations.open},
 * {@code conversations.history} (what was posted, with its metadata), {@code chat.postMessage},
 * {@code chat.postEphemeral}, {@code chat.update}, {@code chat.delete}, {@code views.open}, {@code views.update},
 * {@code views.push}, {@code views.publish}, and the files upload v2 flow: {@code files.getUploadURLExternal} hands
 * out an upload URL on this fake ({@code /upload/F…}, where the bytes are recorded as a {@link #FILE_UPLOAD} call)
 * and {@code files.completeUploadExternal} shares the uploaded file; {@link #files()} shows them. Anything else
 * answers {@code {"ok":false,"error":"unknown_method"}}.
 * A request without a {@code Authorization: Bearer xox…} header (or a {@code token=xox…} param) answers
 * {@code {"ok":false,"error":"not_authed"}}. Injected faults ({@link #failNext}) win over both.
 *
 * <p>Run by hand: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.kept.testing.slack.FakeSlackApi [-Dexec.args=9797]} (port also from {@code FAKE_SLACK_PORT}).
 */
public final class FakeSlackApi implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACKs: ~40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }


    /** Name under which requests to {@code /response/{id}} are recorded. */
    public static final String RESPONSE_URL = "response_url";

    /** Name under which POSTs of file bytes to an upload URL ({@code /upload/{file id}}) are recorded. */
    public static final String FILE_UPLOAD = "file_upload";

    public static final String TEAM_ID = "T123";
    public static final String TEAM_DOMAIN = "kept-test";
    public static final String BOT_USER_ID = "UKEPT";
    public static final String BOT_ID = "BKEPT";
    public static final String APP_ID = "AKEPT";

    /** Slack's time zone for users (bots) that have none. */
    private static final String DEFAULT_TZ = "America/Los_Angeles";
    /** The first {@code ts} handed out, in microseconds; every message gets a later one. */
    private static final long FIRST_TS_MICROS = 1_763_800_000_000_100L;

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /** A Slack user as {@code users.info} shows it; {@code tz} is an IANA id, {@code null} meaning Slack's default. */
    public record FakeUser(String id, String name, String realName, String tz, boolean bot, boolean deleted) {
        public FakeUser {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("user id required");
            }
            if (tz != null) {
                ZoneId.of(tz); // fail fast on a bad zone id
            }
        }

        /** An active human user. */
        public static FakeUser person(String id, String name, String realName, String tz) {
            return new FakeUser(id, name, realName, tz, false, false);
        }
    }

    /**
     * One request received by the fake.
     *
     * @param method        the Web API method ({@code chat.postMessage}) or {@link #RESPONSE_URL}
     * @param params        query params, then form fields or top-level JSON fields (non-strings as JSON text)
     * @param body          the raw request body
     * @param contentType   the request's Content-Type header, or ""
     * @param authorization the request's Authorization header, or ""
     * @param at            when it was received
     * @param status        the HTTP status the fake answered with (not 200 for injected faults)
     */
    public record Call(String method, Map<String, String> params, String body, String contentType,
                       String authorization, Instant at, int status) {

        /** A form field, query param or top-level JSON field (stringified), or {@code null}. */
        public String param(String name) {
            return params.get(name);
        }

        /** The {@code text} param, or "". */
        public String text() {
            String t = params.get("text");
            return t == null ? "" : t;
        }

        /** The raw {@code blocks} JSON, or "". */
        public String blocks() {
            String b = params.get("blocks");
            return b == null ? "" : b;
        }

        /** The raw {@code view} JSON, or "". */
        public String view() {
            String v = params.get("view");
            return v == null ? "" : v;
        }

        /**
         * True if {@code s} appears in the text, the blocks, the attachments, the view or the JSON body, either raw
         * or with JSON string escapes (and Slack's {@code &amp; &lt; &gt;}) decoded, so human-readable text such as
         * {@code Friday 27 Nov} or {@code "Q3 deck"} can be looked for.
         */
        public boolean mentions(String s) {
            if (s == null || s.isEmpty()) {
                return true;
            }
            List<String> haystacks = new ArrayList<>();
            haystacks.add(text());
            haystacks.add(slackUnescape(text()));
            for (String jsonParam : List.of("blocks", "attachments", "view")) {
                addJson(haystacks, params.get(jsonParam));
            }
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
                addJson(haystacks, body);
            }
            for (String h : haystacks) {
                if (h != null && h.contains(s)) {
                    return true;
                }
            }
            return false;
        }

        private static void addJson(List<String> out, String json) {
            if (json == null || json.isEmpty()) {
                return;
            }
            out.add(json);
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(json);
            } catch (RuntimeException notJson) {
                return;
            }
            List<String> strings = new ArrayList<>();
            collectStrings(parsed, strings);
            String joined = String.join("\n", strings);
            out.add(joined);
            out.add(slackUnescape(joined));
        }

        private static void collectStrings(JsonElement e, List<String> out) {
            if (e == null || e.isJsonNull()) {
                return;
            }
            if (e.isJsonPrimitive()) {
                out.add(e.getAsString());
            } else if (e.isJsonArray()) {
                for (JsonElement x : e.getAsJsonArray()) {
                    collectStrings(x, out);
                }
            } else {
                for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                    collectStrings(x.getValue(), out);
                }
            }
        }

        private static String slackUnescape(String s) {
            return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
    }

    /**
     * A file Kept uploaded with files upload v2.
     *
     * @param length  the length given to {@code files.getUploadURLExternal}
     * @param bytes   what was POSTed to the upload URL, or {@code null} before that
     * @param channel the channel {@code files.completeUploadExternal} shared it in, or {@code null} before that
     */
    public record UploadedFile(String id, String filename, int length, byte[] bytes, String channel, String title,
                               String initialComment) {

        /** The uploaded bytes as UTF-8 text ("" before the upload). */
        public String text() {
            return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        }

        /** Uploaded and shared in a channel: what a person would see. */
        public boolean shared() {
            return bytes != null && channel != null;
        }

        UploadedFile withBytes(byte[] b) {
            return new UploadedFile(id, filename, length, b, channel, title, initialComment);
        }

        UploadedFile sharedIn(String c, String t, String comment) {
            return new UploadedFile(id, filename, length, bytes, c, t, comment);
        }
    }

    private record Fault(int status, Map<String, String> headers, String body) {
    }

    private record Answer(int status, Map<String, String> headers, String contentType, String body) {
        static Answer json(JsonObject o) {
            return new Answer(200, Map.of(), "application/json; charset=utf-8", GSON.toJson(o));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** DM channel id → messages posted there, oldest first (what conversations.history reads). */
    private final Map<String, List<JsonObject>> conversations = new HashMap<>();
    private final Map<String, FakeUser> users = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    /** Set by {@link #main}: logs each call together with the answer body. */
    private volatile BiConsumer<Call, String> log;
    private final AtomicLong lastTsMicros = new AtomicLong(FIRST_TS_MICROS - 100);
    private final AtomicLong viewSeq = new AtomicLong();
    private final AtomicLong fileSeq = new AtomicLong();
    /** File id → the file, in the order upload URLs were handed out. */
    private final Map<String, UploadedFile> files = Collections.synchronizedMap(new LinkedHashMap<>());

    private FakeSlackApi(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind fake Slack API on 127.0.0.1:" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "fake-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(6, tf);
        server.setExecutor(executor);
        server.createContext("/api/", this::handleApi);
        server.createContext("/response/", this::handleResponseUrl);
        server.createContext("/upload/", this::handleUpload);
        server.createContext("/_fake/summary", this::handleSummary);
        server.createContext("/", ex -> {
            readBody(ex);
            send(ex, new Answer(404, Map.of(), "text/plain; charset=utf-8", "not found"));
        });
        defaultUsers().forEach(this::addUser);
    }

    /** Starts on a free port with the default users loaded. */
    public static FakeSlackApi start() {
        return start(0);
    }

    /** Starts on {@code port} (0 = a free one) with the default users loaded. */
    public static FakeSlackApi start(int port) {
        FakeSlackApi api = new FakeSlackApi(port);
        api.server.start();
        return api;
    }

    /** The users {@link #start()} preloads. */
    public static List<FakeUser> defaultUsers() {
        return List.of(
                FakeUser.person("U111", "alice", "Alice Archer", "Europe/Berlin"),
                FakeUser.person("U222", "bob", "Bob Baker", "America/New_York"),
                FakeUser.person("U333", "carol", "Carol Chen", "Asia/Tokyo"),
                new FakeUser("UBOT1", "deploybot", "deploybot", null, true, false),
                new FakeUser("UGONE", "gone", "Gone Person", "Europe/London", false, true));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/api/}: the Web API base URL (the SDK's methods endpoint prefix). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/";
    }

    /** {@code http://127.0.0.1:PORT/response/ID}: a slash command / interaction {@code response_url}. */
    public String responseUrl(String id) {
        return "http://127.0.0.1:" + port() + "/response/" + id;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- users

    /** Adds or replaces (by id) a user. */
    public FakeSlackApi addUser(FakeUser u) {
        users.put(u.id(), u);
        return this;
    }

    /** Loads {@link #defaultUsers()} again (adding or replacing them). */
    public FakeSlackApi withDefaultUsers() {
        defaultUsers().forEach(this::addUser);
        return this;
    }

    public FakeSlackApi clearUsers() {
        users.clear();
        return this;
    }

    public Optional<FakeUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    // ---------------------------------------------------------------- recorded calls

    /** All calls, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls to {@code method} (e.g. {@code chat.postMessage} or {@link #RESPONSE_URL}), oldest first. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public int count(String method) {
        return (int) calls.stream().filter(c -> c.method().equals(method)).count();
    }

    /** The latest call to {@code method}, if any. */
    public Optional<Call> last(String method) {
        List<Call> l = calls(method);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    /** Clears recorded calls and pending faults; keeps users. */
    public void reset() {
        synchronized (faults) {
            faults.clear();
        }
        unseen.clear();
        synchronized (late) {
            late.clear();
            lateShares.clear();
        }
        answeredLate.clear();
        calls.clear();
        clearConversations();
        files.clear();
    }

    // ---------------------------------------------------------------- files

    /** Every file an upload URL was handed out for, oldest first (uploaded, shared or not). */
    public List<UploadedFile> files() {
        synchronized (files) {
            return List.copyOf(files.values());
        }
    }

    /** The files uploaded and shared in {@code channel} (a DM is {@code D<user id>}), oldest first. */
    public List<UploadedFile> filesSharedIn(String channel) {
        return files().stream().filter(f -> f.shared() && channel.equals(f.channel())).toList();
    }

    /** Runs {@code listener} on every recorded call (on the server's thread, before the answer is sent). */
    public FakeSlackApi onCall(Consumer<Call> listener) {
        listeners.add(listener);
        return this;
    }

    // ---------------------------------------------------------------- Socket Mode

    /** The method a Socket Mode client calls, with its app-level token, to get a WebSocket URL. */
    public static final String APPS_CONNECTIONS_OPEN = "apps.connections.open";

    /** What {@code apps.connections.open} answers with; {@code null}: the method is not answered. */
    private volatile String socketModeUrl;
    private boolean socketModeContext;

    /**
     * From now on {@code apps.connections.open} answers {@code {"ok":true,"url":url}} (e.g. a
     * {@code FakeSocketModeServer}'s URL), as Slack does for an app-level token ({@code Authorization: Bearer xapp-…}).
     * A bot or user token ({@code xox…}) is answered {@code not_allowed_token_type} and no token {@code not_authed};
     * injected faults ({@link #failNext}) still win. {@link #reset()} keeps the URL; {@code null} goes back to
     * answering {@code unknown_method}. Calls are recorded under {@link #APPS_CONNECTIONS_OPEN}.
     */
    public synchronized FakeSlackApi socketModeUrl(String url) {
        socketModeUrl = url;
        if (!socketModeContext) {
            // The longest matching context wins, so this one takes the method from the "/api/" handler.
            server.createContext("/api/" + APPS_CONNECTIONS_OPEN, this::handleAppsConnectionsOpen);
            socketModeContext = true;
        }
        return this;
    }

    private void handleAppsConnectionsOpen(HttpExchange ex) throws IOException {
        String url = socketModeUrl;
        if (url == null || !ex.getRequestURI().getPath().equals("/api/" + APPS_CONNECTIONS_OPEN)) {
            handleApi(ex);
            return;
        }
        try {
            Request req = readRequest(ex);
            Answer answer;
            Fault fault = takeFault(APPS_CONNECTIONS_OPEN);
            String token = bearerOrTokenParam(req);
            if (fault != null) {
                answer = faultAnswer(fault);
            } else if (token == null || token.isBlank()) {
                answer = error("not_authed");
            } else if (!token.startsWith("xapp-")) {
                answer = token.startsWith("xox") ? error("not_allowed_token_type") : error("invalid_auth");
            } else {
                JsonObject o = ok();
                o.addProperty("url", url);
                answer = Answer.json(o);
            }
            record(APPS_CONNECTIONS_OPEN, req, answer);
            send(ex, answer);
        } finally {
            ex.close();
        }
    }

    private static String bearerOrTokenParam(Request req) {
        String auth = req.authorization;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return req.params.get("token");
    }

    // ---------------------------------------------------------------- fault injection

    /**
     * The next {@code times} calls to {@code method} (after any faults already queued for it) are answered with
     * {@code httpStatus}, {@code headers} and {@code body} instead of the normal answer. A JSON body is sent as
     * {@code application/json}, anything else as {@code text/plain}.
     */
    public FakeSlackApi failNext(String method, int times, int httpStatus, Map<String, String> headers, String body) {
        Fault f = new Fault(httpStatus, headers == null ? Map.of() : Map.copyOf(headers), body == null ? "" : body);
        synchronized (faults) {
            Deque<Fault> q = faults.computeIfAbsent(method, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.addLast(f);
            }
        }
        return this;
    }

    /** HTTP 429 with {@code Retry-After} and {@code {"ok":false,"error":"ratelimited"}}, {@code times} times. */
    public FakeSlackApi rateLimitNext(String method, int times, int retryAfterSeconds) {
        return failNext(method, times, 429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    /** HTTP 500, {@code times} times. */
    public FakeSlackApi serverErrorNext(String method, int times) {
        return failNext(method, times, 500, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");
    }

    /** HTTP 200 {@code {"ok":false,"error":"<slackError>"}}, once. */
    public FakeSlackApi errorNext(String method, String slackError) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", slackError);
        return failNext(method, 1, 200, Map.of(), GSON.toJson(o));
    }

    /**
     * The next {@code times} calls to {@code method} are carried out at once (a message is posted and recorded)
     * but answered only after {@code delay}: Slack's latency spikes, which a client that gives up first takes
     * for a failure although the message is there.
     */
    public FakeSlackApi answerLateNext(String method, int times, java.time.Duration delay) {
        synchronized (late) {
            Deque<java.time.Duration> q = late.computeIfAbsent(method, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.addLast(delay);
            }
        }
        return this;
    }

    private final Map<String, Deque<java.time.Duration>> late = new java.util.HashMap<>();

    /** A share of the calls to a method answered late, picked with a seeded coin (see {@link #answerLateShare}). */
    private record LateShare(double share, java.time.Duration delay, java.util.Random coin) {
    }

    private final Map<String, LateShare> lateShares = new java.util.HashMap<>();
    private final Map<String, AtomicInteger> answeredLate = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * From now on, about {@code share} of the calls to {@code method} (a Web API method or {@link #RESPONSE_URL})
     * are carried out at once but answered only after {@code delay}, picked by a coin with a fixed seed, until
     * {@link #stopAnsweringLate()}.
     */
    public FakeSlackApi answerLateShare(String method, double share, java.time.Duration delay, long seed) {
        synchronized (late) {
            lateShares.put(method, new LateShare(share, delay, new java.util.Random(seed)));
        }
        return this;
    }

    public FakeSlackApi stopAnsweringLate() {
        synchronized (late) {
            lateShares.clear();
        }
        return this;
    }

    /** How many calls to {@code method} were answered late since the last {@link #reset()}. */
    public int answeredLate(String method) {
        AtomicInteger n = answeredLate.get(method);
        return n == null ? 0 : n.get();
    }

    private java.time.Duration takeLate(String method) {
        java.time.Duration delay;
        synchronized (late) {
            Deque<java.time.Duration> q = late.get(method);
            delay = q == null ? null : q.pollFirst();
            LateShare share = lateShares.get(method);
            if (delay == null && share != null && share.coin().nextDouble() < share.share()) {
                delay = share.delay();
            }
        }
        if (delay != null) {
            answeredLate.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
        }
        return delay;
    }

    /** Sends {@code answer} after {@code delay} from the late-answer thread, then closes the exchange. */
    private static void answerLater(HttpExchange ex, Answer answer, java.time.Duration delay) {
        // Done, but answered later, from another thread: Slack being slow, not the test waiting.
        LATE_ANSWERS.schedule(() -> {
            try {
                send(ex, answer);
            } catch (IOException ignored) {
                // the client gave up and closed the connection: what a late answer meets
            } finally {
                ex.close();
            }
        }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private Fault takeFault(String method) {
        synchronized (faults) {
            Deque<Fault> q = faults.get(method);
            return q == null ? null : q.pollFirst();
        }
    }

    // ---------------------------------------------------------------- HTTP handling

    private void handleApi(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = path.substring("/api/".length());
            Request req = readRequest(ex);
            Answer answer;
            Fault fault = takeFault(method);
            if (fault != null) {
                answer = faultAnswer(fault);
            } else if (!authed(req)) {
                answer = error("not_authed");
            } else {
                answer = answer(method, req.params);
            }
            record(method, req, answer);
            java.time.Duration lateBy = fault == null ? takeLate(method) : null;
            if (lateBy != null) {
                answerLater(ex, answer, lateBy);
                return;
            }
            send(ex, answer);
            ex.close();
        } catch (RuntimeException e) {
            send(ex, new Answer(500, Map.of(), "text/plain; charset=utf-8", "fake Slack failed: " + e));
            ex.close();
            throw e;
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService LATE_ANSWERS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fake-slack-late-answers");
                t.setDaemon(true);
                return t;
            });

    private void handleResponseUrl(HttpExchange ex) throws IOException {
        try {
            Request req = readRequest(ex);
            Fault fault = takeFault(RESPONSE_URL);
            Answer answer = fault != null ? faultAnswer(fault)
                    : new Answer(200, Map.of(), "text/html; charset=utf-8", "ok");
            String id = ex.getRequestURI().getPath().substring("/response/".length());
            Map<String, String> params = new LinkedHashMap<>(req.params);
            params.putIfAbsent("response_url_id", id);
            record(RESPONSE_URL, new Request(params, req.body, req.contentType, req.authorization), answer);
            java.time.Duration lateBy = fault == null ? takeLate(RESPONSE_URL) : null;
            if (lateBy != null) {
                answerLater(ex, answer, lateBy);
                return;
            }
            send(ex, answer);
            ex.close();
        } catch (RuntimeException | IOException e) {
            ex.close();
            throw e;
        }
    }

    /** {@code POST /upload/{file id}}: the bytes of a file, to the URL {@code files.getUploadURLExternal} handed out. */
    private void handleUpload(HttpExchange ex) throws IOException {
        try {
            byte[] bytes;
            try (InputStream in = ex.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String id = ex.getRequestURI().getPath().substring("/upload/".length());
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            Fault fault = takeFault(FILE_UPLOAD);
            Answer answer;
            if (fault != null) {
                answer = faultAnswer(fault);
            } else if (!"POST".equals(ex.getRequestMethod()) || !files.containsKey(id)) {
                answer = new Answer(404, Map.of(), "text/plain; charset=utf-8", "not found");
            } else {
                files.computeIfPresent(id, (k, f) -> f.withBytes(bytes));
                answer = new Answer(200, Map.of(), "text/plain; charset=utf-8", "OK - " + bytes.length);
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("file_id", id);
            params.put("length", Integer.toString(bytes.length));
            record(FILE_UPLOAD, new Request(params, new String(bytes, StandardCharsets.UTF_8), contentType, ""), answer);
            send(ex, answer);
        } finally {
            ex.close();
        }
    }

    /** What Kept sent past Slack's Block Kit limits, since the last {@link #takeLimitViolations()}. */
    private final List<String> limitViolations = new CopyOnWriteArrayList<>();

    /**
     * Every violation of Slack's Block Kit limits ({@link BlockKitLimits}) in what Kept sent since the last call,
     * and forgets them. Real Slack would have refused each of those payloads.
     */
    public List<String> takeLimitViolations() {
        List<String> out = List.copyOf(limitViolations);
        limitViolations.clear();
        return out;
    }

    private void record(String method, Request req, Answer answer) {
        Call call = new Call(method, Collections.unmodifiableMap(req.params), req.body, req.contentType,
                req.authorization, Instant.now(), answer.status());
        calls.add(call);
        for (String v : BlockKitLimits.judge(call)) {
            limitViolations.add(v);
        }
        BiConsumer<Call, String> logger = log;
        if (logger != null) {
            logger.accept(call, answer.body());
        }
        for (Consumer<Call> l : listeners) {
            try {
                l.accept(call);
            } catch (RuntimeException ignored) {
                // a listener must not break the fake
            }
        }
    }

    private static Answer faultAnswer(Fault f) {
        String trimmed = f.body().trim();
        String ct = trimmed.startsWith("{") || trimmed.startsWith("[")
                ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
        return new Answer(f.status(), f.headers(), ct, f.body());
    }

    private static boolean authed(Request req) {
        String auth = req.authorization;
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokenish(auth.substring(7).trim());
        }
        return tokenish(req.params.get("token"));
    }

    /** A bot or user token ({@code xox…}), or the short-lived token Slack hands a workflow step ({@code xwfp-…}). */
    private static boolean tokenish(String token) {
        return token != null && (token.startsWith("xox") || token.startsWith("xwfp-"));
    }

    private record Request(Map<String, String> params, String body, String contentType, String authorization) {
    }

    private static Request readRequest(HttpExchange ex) throws IOException {
        String body = readBody(ex);
        String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String authorization = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
        Map<String, String> params = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            params.putAll(parseForm(query));
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("json")) {
            params.putAll(parseJsonParams(body));
        } else if (ct.contains("x-www-form-urlencoded") || (ct.isEmpty() && body.contains("="))) {
            params.putAll(parseForm(body));
        }
        return new Request(params, body, contentType, authorization);
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> parseForm(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> parseJsonParams(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonObject()) {
                for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                    JsonElement v = x.getValue();
                    if (v.isJsonNull()) {
                        continue;
                    }
                    out.put(x.getKey(), v.isJsonPrimitive() ? v.getAsString() : GSON.toJson(v));
                }
            }
        } catch (RuntimeException notJson) {
            // recorded raw only
        }
        return out;
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * {@code GET /_fake/summary}: what Kept has posted, for people trying Kept by hand: messages by
     * kind of nudge (from their metadata), and every nudge posted more than once.
     */
    private void handleSummary(HttpExchange ex) throws IOException {
        JsonObject summary = summary();
        byte[] bytes = (summary + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The same summary as {@code GET /_fake/summary}. */
    public JsonObject summary() {
        Map<String, Integer> perKey = new HashMap<>();
        Map<String, Integer> perKind = new java.util.TreeMap<>();
        int posted = 0;
        for (Call c : calls) {
            if (!c.method().equals("chat.postMessage") || c.status() != 200) {
                continue;
            }
            posted++;
            String metadata = c.param("metadata");
            if (metadata == null || metadata.isEmpty()) {
                perKind.merge("(no metadata: replies and notices)", 1, Integer::sum);
                continue;
            }
            String key = com.google.gson.JsonParser.parseString(metadata).getAsJsonObject()
                    .getAsJsonObject("event_payload").get("key").getAsString();
            perKey.merge(key, 1, Integer::sum);
            String[] parts = key.split("\\.");
            perKind.merge(parts.length > 1 ? (parts[0].equals("digest") ? "digest" : parts[1]) : key, 1, Integer::sum);
        }
        JsonObject o = new JsonObject();
        o.addProperty("posted", posted);
        o.addProperty("distinct_nudges", perKey.size());
        JsonObject kinds = new JsonObject();
        perKind.forEach(kinds::addProperty);
        o.add("by_kind", kinds);
        JsonObject twice = new JsonObject();
        perKey.forEach((k, n) -> {
            if (n > 1) {
                twice.addProperty(k, n);
            }
        });
        o.add("posted_more_than_once", twice);
        return o;
    }

    // ---------------------------------------------------------------- Web API methods

    private Answer answer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> authTest();
            case "users.info" -> usersInfo(p);
            case "conversations.open" -> conversationsOpen(p);
            case "chat.postMessage" -> postMessage(p);
            case "chat.getPermalink" -> permalink(p);
            case "functions.completeSuccess", "functions.completeError" ->
                    notBlank(p.get("function_execution_id")) ? Answer.json(ok()) : error("invalid_arguments");
            case "conversations.history" -> conversationsHistory(p);
            case "chat.postEphemeral" -> postEphemeral(p);
            case "chat.update" -> chatUpdate(p);
            case "chat.delete" -> chatDelete(p);
            case "views.open", "views.push" -> viewsOpenOrPush(p);
            case "views.update" -> viewsUpdate(p);
            case "views.publish" -> viewsPublish(p);
            case "files.getUploadURLExternal" -> getUploadUrlExternal(p);
            case "files.completeUploadExternal" -> completeUploadExternal(p);
            default -> error("unknown_method");
        };
    }

    private static Answer error(String error) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", error);
        return Answer.json(o);
    }

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        return o;
    }

    private Answer authTest() {
        JsonObject o = ok();
        o.addProperty("url", "https://" + TEAM_DOMAIN + ".slack.com/");
        o.addProperty("team", "Kept Test");
        o.addProperty("user", "kept");
        o.addProperty("team_id", TEAM_ID);
        o.addProperty("user_id", BOT_USER_ID);
        o.addProperty("bot_id", BOT_ID);
        o.addProperty("app_id", APP_ID);
        o.addProperty("is_enterprise_install", false);
        return Answer.json(o);
    }

    private Answer usersInfo(Map<String, String> p) {
        String id = p.get("user");
        if (id == null || id.isBlank()) {
            return error("user_not_found");
        }
        FakeUser u = users.get(id);
        if (u == null) {
            return error("user_not_found");
        }
        JsonObject o = ok();
        o.add("user", userJson(u));
        return Answer.json(o);
    }

    private static JsonObject userJson(FakeUser u) {
        String tz = u.tz() == null ? DEFAULT_TZ : u.tz();
        ZoneId zone = ZoneId.of(tz);
        Instant now = Instant.now();
        ZoneOffset offset = zone.getRules().getOffset(now);
        String label = DateTimeFormatter.ofPattern("zzzz", Locale.US).format(now.atZone(zone));

        JsonObject user = new JsonObject();
        user.addProperty("id", u.id());
        user.addProperty("team_id", TEAM_ID);
        user.addProperty("name", u.name());
        user.addProperty("deleted", u.deleted());
        user.addProperty("real_name", u.realName());
        user.addProperty("tz", tz);
        user.addProperty("tz_label", label);
        user.addProperty("tz_offset", offset.getTotalSeconds());
        user.addProperty("is_admin", false);
        user.addProperty("is_owner", false);
        user.addProperty("is_bot", u.bot());
        user.addProperty("is_app_user", false);
        user.addProperty("updated", 1_700_000_000L);
        JsonObject profile = new JsonObject();
        profile.addProperty("real_name", u.realName());
        profile.addProperty("real_name_normalized", u.realName());
        profile.addProperty("display_name", u.name());
        profile.addProperty("display_name_normalized", u.name());
        profile.addProperty("team", TEAM_ID);
        if (u.bot()) {
            profile.addProperty("bot_id", "B" + u.id().substring(1));
        }
        user.add("profile", profile);
        return user;
    }

    /** Slack answers a user id given as a channel with the id of the DM with that user. */
    private static String dmFor(String channel) {
        if (channel != null && (channel.startsWith("U") || channel.startsWith("W"))) {
            return "D" + channel;
        }
        return channel;
    }

    /** Conversations Kept is not part of (a private channel, someone else's DM): it gets no link into them. */
    private final java.util.Set<String> unseen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Kept is not a member of {@code channel}: {@code chat.getPermalink} answers {@code channel_not_found}. */
    public FakeSlackApi notAMemberOf(String channel) {
        unseen.add(channel);
        return this;
    }

    /** A link in the form Slack gives: {@code https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>}. */
    private Answer permalink(Map<String, String> p) {
        String channel = p.get("channel");
        String ts = p.get("message_ts");
        if (channel == null || channel.isBlank() || unseen.contains(channel)) {
            return error("channel_not_found");
        }
        if (ts == null || !ts.matches("\\d{10}\\.\\d{6}")) {
            return error("message_not_found");
        }
        JsonObject o = ok();
        o.addProperty("channel", channel);
        o.addProperty("permalink", "https://kept-test.slack.com/archives/" + channel + "/p" + ts.replace(".", ""));
        return Answer.json(o);
    }

    private Answer conversationsOpen(Map<String, String> p) {
        String usersParam = p.get("users");
        String channelParam = p.get("channel");
        JsonObject channel = new JsonObject();
        if (usersParam != null && !usersParam.isBlank()) {
            String[] ids = usersParam.split(",");
            for (String id : ids) {
                if (!users.containsKey(id.trim()) && !id.trim().equals(BOT_USER_ID)) {
                    return error("user_not_found");
                }
            }
            if (ids.length == 1) {
                String user = ids[0].trim();
                channel.addProperty("id", "D" + user);
                channel.addProperty("is_im", true);
                channel.addProperty("user", user);
            } else {
                channel.addProperty("id", "G" + String.join("", ids).replace(" ", ""));
                channel.addProperty("is_mpim", true);
            }
        } else if (channelParam != null && !channelParam.isBlank()) {
            channel.addProperty("id", channelParam);
        } else {
            return error("users_list_not_supplied");
        }
        channel.addProperty("created", 1_700_000_000L);
        JsonObject o = ok();
        o.addProperty("no_op", true);
        o.addProperty("already_open", true);
        o.add("channel", channel);
        return Answer.json(o);
    }

    private String nextTs() {
        long micros = lastTsMicros.updateAndGet(prev -> prev + 100);
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static boolean hasContent(Map<String, String> p) {
        return notBlank(p.get("text")) || notBlank(p.get("blocks")) || notBlank(p.get("attachments"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static JsonObject messageJson(Map<String, String> p, String ts) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "message");
        m.addProperty("user", BOT_USER_ID);
        m.addProperty("bot_id", BOT_ID);
        m.addProperty("app_id", APP_ID);
        m.addProperty("team", TEAM_ID);
        m.addProperty("text", p.getOrDefault("text", ""));
        m.addProperty("ts", ts);
        if (notBlank(p.get("thread_ts"))) {
            m.addProperty("thread_ts", p.get("thread_ts"));
        }
        return m;
    }

    private Answer postMessage(Map<String, String> p) {
        String channel = p.get("channel");
        if (!notBlank(channel)) {
            return error("channel_not_found");
        }
        if (!hasContent(p)) {
            return error("no_text");
        }
        String ts = nextTs();
        JsonObject o = ok();
        o.addProperty("channel", dmFor(channel));
        o.addProperty("ts", ts);
        JsonObject message = messageJson(p, ts);
        if (notBlank(p.get("metadata"))) {
            try {
                message.add("metadata", com.google.gson.JsonParser.parseString(p.get("metadata")));
            } catch (RuntimeException e) {
                return error("invalid_metadata_format");
            }
        }
        synchronized (conversations) {
            conversations.computeIfAbsent(dmFor(channel), k -> new ArrayList<>()).add(message);
        }
        o.add("message", message);
        return Answer.json(o);
    }

    /** What was posted in a conversation, newest first, after {@code oldest}, like Slack's conversations.history. */
    private Answer conversationsHistory(Map<String, String> p) {
        String channel = p.get("channel");
        if (!notBlank(channel)) {
            return error("channel_not_found");
        }
        double oldest = notBlank(p.get("oldest")) ? Double.parseDouble(p.get("oldest")) : 0;
        boolean withMetadata = "true".equals(p.get("include_all_metadata")) || "1".equals(p.get("include_all_metadata"));
        com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
        synchronized (conversations) {
            List<JsonObject> all = conversations.getOrDefault(channel, List.of());
            for (int i = all.size() - 1; i >= 0; i--) {
                JsonObject m = all.get(i).deepCopy();
                if (Double.parseDouble(m.get("ts").getAsString()) > oldest) {
                    if (!withMetadata) {
                        m.remove("metadata");
                    }
                    messages.add(m);
                }
            }
        }
        JsonObject o = ok();
        o.add("messages", messages);
        o.addProperty("has_more", false);
        return Answer.json(o);
    }

    /** Forgets what was posted in conversations (calls are cleared by {@link #reset()} too). */
    private void clearConversations() {
        synchronized (conversations) {
            conversations.clear();
        }
    }

    private Answer postEphemeral(Map<String, String> p) {
        if (!notBlank(p.get("channel"))) {
            return error("channel_not_found");
        }
        if (!notBlank(p.get("user"))) {
            return error("user_not_in_channel");
        }
        if (!hasContent(p)) {
            return error("no_text");
        }
        JsonObject o = ok();
        o.addProperty("message_ts", nextTs());
        return Answer.json(o);
    }

    private Answer chatUpdate(Map<String, String> p) {
        String channel = p.get("channel");
        if (!notBlank(channel)) {
            return error("channel_not_found");
        }
        String ts = p.get("ts");
        if (!notBlank(ts)) {
            return error("message_not_found");
        }
        JsonObject o = ok();
        o.addProperty("channel", dmFor(channel));
        o.addProperty("ts", ts);
        o.addProperty("text", p.getOrDefault("text", ""));
        o.add("message", messageJson(p, ts));
        return Answer.json(o);
    }

    private Answer chatDelete(Map<String, String> p) {
        String channel = p.get("channel");
        if (!notBlank(channel)) {
            return error("channel_not_found");
        }
        String ts = p.get("ts");
        if (!notBlank(ts)) {
            return error("message_not_found");
        }
        JsonObject o = ok();
        o.addProperty("channel", dmFor(channel));
        o.addProperty("ts", ts);
        return Answer.json(o);
    }

    private String nextViewId() {
        return String.format(Locale.ROOT, "V%09d", 100_000_000 + viewSeq.incrementAndGet());
    }

    /** The caller's view echoed with the fields Slack adds; {@code null} if {@code view} is not a JSON object. */
    private static JsonObject viewJson(String viewParam, String id, String defaultType) {
        JsonObject view;
        try {
            JsonElement e = JsonParser.parseString(viewParam == null ? "" : viewParam);
            if (!e.isJsonObject()) {
                return null;
            }
            view = e.getAsJsonObject().deepCopy();
        } catch (RuntimeException notJson) {
            return null;
        }
        view.addProperty("id", id);
        view.addProperty("team_id", TEAM_ID);
        if (!view.has("type")) {
            view.addProperty("type", defaultType);
        }
        for (String key : List.of("callback_id", "private_metadata", "external_id")) {
            if (!view.has(key)) {
                view.addProperty(key, "");
            }
        }
        if (!view.has("blocks")) {
            view.add("blocks", new JsonArray());
        }
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        view.add("state", state);
        view.addProperty("hash", "1763800000.fake" + id.substring(1));
        view.addProperty("root_view_id", id);
        view.addProperty("app_id", APP_ID);
        view.addProperty("app_installed_team_id", TEAM_ID);
        view.addProperty("bot_id", BOT_ID);
        return view;
    }

    private Answer viewsOpenOrPush(Map<String, String> p) {
        if (!notBlank(p.get("trigger_id")) && !notBlank(p.get("interactivity_pointer"))) {
            return error("invalid_trigger_id");
        }
        return viewAnswer(p.get("view"), nextViewId(), "modal");
    }

    private Answer viewsUpdate(Map<String, String> p) {
        String id = p.get("view_id");
        if (!notBlank(id)) {
            if (!notBlank(p.get("external_id"))) {
                return error("not_found");
            }
            id = nextViewId();
        }
        return viewAnswer(p.get("view"), id, "modal");
    }

    private Answer viewsPublish(Map<String, String> p) {
        if (!notBlank(p.get("user_id"))) {
            return error("invalid_arguments");
        }
        return viewAnswer(p.get("view"), nextViewId(), "home");
    }

    /** A one-off upload URL on this fake for a file of {@code length} bytes named {@code filename}. */
    private Answer getUploadUrlExternal(Map<String, String> p) {
        String filename = p.get("filename");
        String length = p.get("length");
        if (!notBlank(filename) || !notBlank(length) || !length.matches("\\d{1,10}") || Long.parseLong(length) < 1) {
            return error("invalid_arguments");
        }
        String id = String.format(Locale.ROOT, "F%09d", 100_000_000 + fileSeq.incrementAndGet());
        files.put(id, new UploadedFile(id, filename, Integer.parseInt(length), null, null, null, null));
        JsonObject o = ok();
        o.addProperty("upload_url", "http://127.0.0.1:" + port() + "/upload/" + id);
        o.addProperty("file_id", id);
        return Answer.json(o);
    }

    /**
     * Shares uploaded files in {@code channel_id} with {@code initial_comment}. A file never uploaded (or
     * uploaded with another length than announced) is answered {@code file_not_found} / {@code file_size_mismatch}
     * (the second is this fake's own name).
     */
    private Answer completeUploadExternal(Map<String, String> p) {
        String channel = p.get("channel_id");
        JsonArray list;
        try {
            list = JsonParser.parseString(p.getOrDefault("files", "")).getAsJsonArray();
        } catch (RuntimeException e) {
            return error("invalid_arguments");
        }
        if (list.isEmpty()) {
            return error("invalid_arguments");
        }
        JsonArray shared = new JsonArray();
        synchronized (files) {
            for (JsonElement e : list) {
                JsonObject f = e.getAsJsonObject();
                UploadedFile file = files.get(f.has("id") ? f.get("id").getAsString() : "");
                if (file == null || file.bytes() == null) {
                    return error("file_not_found");
                }
                if (file.bytes().length != file.length()) {
                    return error("file_size_mismatch");
                }
            }
            for (JsonElement e : list) {
                JsonObject f = e.getAsJsonObject();
                String id = f.get("id").getAsString();
                String title = f.has("title") && !f.get("title").isJsonNull() ? f.get("title").getAsString() : null;
                UploadedFile file = files.get(id).sharedIn(channel, title, p.get("initial_comment"));
                files.put(id, file);
                JsonObject out = new JsonObject();
                out.addProperty("id", id);
                out.addProperty("name", file.filename());
                out.addProperty("title", title == null ? file.filename() : title);
                shared.add(out);
            }
        }
        JsonObject o = ok();
        o.add("files", shared);
        return Answer.json(o);
    }

    private static Answer viewAnswer(String viewParam, String id, String defaultType) {
        JsonObject view = viewJson(viewParam, id, defaultType);
        if (view == null) {
            return error("invalid_arguments");
        }
        JsonObject o = ok();
        o.add("view", view);
        return Answer.json(o);
    }

    // ---------------------------------------------------------------- run by hand

    /**
     * Runs the fake until killed: port from {@code args[0]}, else env {@code FAKE_SLACK_PORT}, else 9797; default
     * users loaded; one line per received call on stdout.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9797;
        String env = System.getenv("FAKE_SLACK_PORT");
        if (args.length > 0 && !args[0].isBlank()) {
            port = Integer.parseInt(args[0].trim());
        } else if (env != null && !env.isBlank()) {
            port = Integer.parseInt(env.trim());
        }
        FakeSlackApi api = start(port);
        api.log = (c, answerBody) -> {
            String line = describe(c);
            if (answerBody.contains("\"ok\":false")) {
                line += "  -> " + excerpt(answerBody);
            }
            System.out.println(line);
            System.out.flush();
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "fake-slack-shutdown"));
        System.out.println("Fake Slack Web API on " + api.baseUrl()
                + "  (SLACK_API_URL=" + api.baseUrl() + "; response URLs: " + api.responseUrl("<id>") + ")");
        System.out.println("Users: " + api.users.values().stream()
                .map(u -> u.id() + " " + u.name() + " (" + u.realName() + ", " + (u.tz() == null ? DEFAULT_TZ : u.tz())
                        + (u.bot() ? ", bot" : "") + (u.deleted() ? ", deleted" : "") + ")")
                .collect(java.util.stream.Collectors.joining("; ")));
        System.out.flush();
        stopped.await();
    }

    /** One human-readable line for a call, as {@link #main} prints it. */
    public static String describe(Call c) {
        StringBuilder sb = new StringBuilder();
        sb.append(LocalTime.now().withNano(0)).append(' ').append(c.method());
        if (c.status() != 200) {
            sb.append(" [HTTP ").append(c.status()).append(']');
        }
        boolean any = false;
        for (String key : List.of("channel", "user", "users", "user_id", "view_id", "ts", "text")) {
            String v = c.param(key);
            if (v != null && !v.isEmpty()) {
                sb.append(' ').append(key).append('=').append(excerpt(v));
                any = true;
            }
        }
        if (!any && c.param("blocks") == null && !c.body().isEmpty()) {
            sb.append(" body=").append(excerpt(c.body()));
        }
        // What a person would read in Slack, one block text after another (buttons in brackets): a
        // message's blocks, or the view of an App Home page.
        String blocks = c.param("blocks");
        String readable = blocks != null && !blocks.isEmpty() ? blocks
                : "views.publish".equals(c.method()) ? c.param("view") : null;
        if (readable != null && !readable.isEmpty()) {
            List<String> texts = new ArrayList<>();
            try {
                collectTexts(com.google.gson.JsonParser.parseString(readable), texts);
            } catch (RuntimeException e) {
                texts.add(excerpt(readable));
            }
            sb.append("\n    ").append(String.join("\n    ", texts));
        }
        return sb.toString();
    }

    private static void collectTexts(com.google.gson.JsonElement e, List<String> out) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectTexts(x, out));
        } else if (e.isJsonObject()) {
            com.google.gson.JsonObject o = e.getAsJsonObject();
            if (o.has("type") && "button".equals(o.get("type").getAsString()) && o.has("text")) {
                out.add("[" + o.getAsJsonObject("text").get("text").getAsString() + "]");
                return;
            }
            if (o.has("text") && o.get("text").isJsonPrimitive()) {
                out.add(o.get("text").getAsString().replace("\n", " / "));
            }
            o.entrySet().forEach(en -> {
                if (!en.getKey().equals("text") || !en.getValue().isJsonPrimitive()) {
                    collectTexts(en.getValue(), out);
                }
            });
        }
    }

    private static String excerpt(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
