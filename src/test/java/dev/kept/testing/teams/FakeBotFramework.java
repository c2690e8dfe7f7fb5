package dev.kept.testing.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kept.teams.TeamsSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fake Microsoft Bot Framework on 127.0.0.1, over real HTTP, for tests and for running Kept by hand. One server
 * plays every Microsoft endpoint Kept talks to:
 *
 * <ul>
 *   <li>{@code GET /openid}: the OpenID metadata ({@link #openIdMetadataUrl()}), naming {@code /keys};</li>
 *   <li>{@code GET /keys}: the JWKS: the signing key (endorsed for {@code msteams}) and a second key endorsed only
 *       for {@code webchat}; {@link #rotateKey()} adds a new signing key; fetches are counted
 *       ({@link #keyFetches()});</li>
 *   <li>{@code POST /token}: client credentials ({@link #tokenUrl()}); checks the app id and password and hands out
 *       a fresh app token ({@code expires_in} {@link #tokenLifetime(Duration)}); counted ({@link #tokenCalls()});</li>
 *   <li>the Bot Connector under {@code /v3/conversations} at {@link #serviceUrl()}: create a personal conversation
 *       (id {@link #conversationIdFor(String)}: {@code "a:dm-" + userId}), post activities (recorded, answered
 *       {@code {"id":…}}), replace them (PUT, recorded as updates), list members (every user added with
 *       {@link #addUser}) and get one member by id or AAD object id. Each needs a Bearer app token this fake
 *       handed out (401 otherwise).</li>
 * </ul>
 *
 * <p>Faults for the Bot Connector: {@link #failNext(int, int)}, {@link #rateLimitNext(int, int)} and
 * {@link #randomFaults(double, long)} (a share of calls answers 429, 412, 502 or 504).
 * {@link #reset()} forgets what was recorded and pending faults (users and keys stay).
 *
 * <p>Inbound: {@link #token(Instant)} mints a Bot Framework JWT signed with the fake's key, with builders for every
 * invalid case; {@link #message}, {@link #submit} and {@link #execute} build the activities Teams sends to
 * {@code /api/messages}; {@link #post} sends one to Kept with a signed token.
 *
 * <p><b>Run by hand</b>: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.kept.testing.teams.FakeBotFramework [-Dexec.args=9898]} (offline, name the plugin in full:
 * {@code org.codehaus.mojo:exec-maven-plugin:3.6.4:java} instead of {@code exec:java}) (port also from
 * {@code FAKE_TEAMS_PORT}; Kept's URL from {@code KEPT_TEAMS_URL}, default
 * {@code http://localhost:8080/api/messages}; app id and password from {@code TEAMS_APP_ID} /
 * {@code TEAMS_APP_PASSWORD}, defaults {@value #DEFAULT_APP_ID} / {@value #DEFAULT_APP_PASSWORD}). It prints the
 * settings to start Kept with and then one line per activity Kept sends (the text of its cards). Then talk to Kept
 * as a user with {@code scripts/teams-say}, which posts to {@code POST /_fake/say}:
 * <pre>
 *   scripts/teams-say --as alice "promise …"                  # a default user (alice, bob, carol)
 *   scripts/teams-say --as 5a1e…-guid --name Dana "help"       # anyone, by AAD object id
 *   scripts/teams-say --as alice --submit '{"kept":"form",…}'  # an Action.Submit of a card
 *   scripts/teams-say --as alice --execute VERB '{"…":"…"}'    # an Action.Execute (invoke) of a card
 * </pre>
 * {@code /_fake/say} takes {@code {"as","name","text" | "value" | "verb"+"data","replyToId"}}, builds the signed
 * activity (clientInfo time zone, tenant, personal conversation, serviceUrl = this fake), POSTs it to Kept and
 * answers {@code {"status":…,"body":…}} with Kept's answer.
 */
public final class FakeBotFramework implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String ISSUER = "https://api.botframework.com";
    public static final String CHANNEL = "msteams";
    public static final String DEFAULT_APP_ID = "0c0ffee0-4ee7-4000-8000-00000000ca5e";
    public static final String DEFAULT_APP_PASSWORD = "fake-app-password-not-a-secret";
    public static final String TENANT_ID = "7e5a7e5a-0000-4000-8000-000000000001";
    public static final String BOT_NAME = "Kept";
    /** A serviceUrl of real Teams: what {@link TokenBuilder#otherServiceUrl()} puts in a token. */
    public static final String OTHER_SERVICE_URL = "https://smba.trafficmanager.net/emea/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, String> uploads = new ConcurrentHashMap<>();

    /** A Teams user: {@code id} is the Bot Framework id ({@code 29:…}), {@code aadObjectId} the Entra id. */
    public record FakeUser(String id, String name, String aadObjectId, String timezone, String locale) {
        public FakeUser {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("user id required");
            }
            ZoneId.of(timezone);
        }
    }

    /**
     * An activity Kept posted to a conversation.
     *
     * @param replyToId the activity it answers when posted to {@code /activities/{id}}, else null
     */
    public record Sent(String conversationId, String activityId, JsonNode activity, String replyToId, Instant at) {

        /** What a person would read: the activity's text and its cards' texts, facts and buttons. */
        public String readable() {
            return FakeBotFramework.readable(activity);
        }

        /** True if {@code s} appears in what a person would read, or anywhere in the JSON. */
        public boolean mentions(String s) {
            return readable().contains(s) || activity.toString().contains(s);
        }

        /** The first attachment's content (an Adaptive Card), or a missing node. */
        public JsonNode card() {
            return activity.path("attachments").path(0).path("content");
        }
    }

    /** An activity Kept replaced (PUT). */
    public record Update(String conversationId, String activityId, JsonNode activity, Instant at) {
        public String readable() {
            return FakeBotFramework.readable(activity);
        }
    }

    /**
     * A request to the Bot Connector or the token endpoint.
     *
     * @param rawPath    the path as sent, percent-encoding intact
     * @param authorized whether it carried a valid app token
     */
    public record Call(String method, String rawPath, int status, boolean authorized, Instant at) {
    }

    /** Which key signs a minted token. */
    public enum Signer {
        /** The fake's current signing key, endorsed for msteams: valid. */
        TEAMS_KEY,
        /** A key in the JWKS endorsed only for webchat. */
        WEBCHAT_ONLY_KEY,
        /** A key nobody published (its kid is unknown). */
        UNKNOWN_KEY,
        /** An unpublished key, but the header names the signing key's kid: the signature does not verify. */
        WRONG_KEY_SAME_KID,
        /** HMAC with a shared secret, header naming the signing key's kid (alg confusion). */
        HS256,
        /** {@code alg: none}, unsigned. */
        NONE
    }

    private record Fault(int status, Map<String, String> headers) {
    }

    private record ServedKey(RSAKey key, List<String> endorsements) {
    }

    private final String appId;
    private final String appPassword;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ServedKey> servedKeys = new CopyOnWriteArrayList<>();
    private volatile RSAKey signingKey;
    private final RSAKey webchatKey;
    private final RSAKey unknownKey;
    private final AtomicInteger keySeq = new AtomicInteger();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger metadataFetches = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger activitySeq = new AtomicInteger();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private final Map<String, FakeUser> users = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Update> updates = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> createdConversations = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile Random randomFaults;
    private volatile double randomFaultShare;
    private final AtomicInteger randomFaultsInjected = new AtomicInteger();
    private final List<Consumer<Sent>> listeners = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Set by {@link #main}: where {@code /_fake/say} posts. */
    private volatile String keptUrl;

    private FakeBotFramework(int port, String appId, String appPassword) {
        this.appId = appId;
        this.appPassword = appPassword;
        this.signingKey = newKey("teams-key-");
        this.webchatKey = newKey("webchat-key-");
        this.unknownKey = newKey("unpublished-key-");
        servedKeys.add(new ServedKey(signingKey, List.of(CHANNEL)));
        servedKeys.add(new ServedKey(webchatKey, List.of("webchat")));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake Bot Framework on 127.0.0.1:" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-teams-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/openid", ex -> handle(ex, this::openId));
        server.createContext("/keys", ex -> handle(ex, this::keys));
        server.createContext("/token", ex -> handle(ex, this::tokenEndpoint));
        server.createContext("/v3/", ex -> handle(ex, this::connector));
        server.createContext("/_fake/say", ex -> handle(ex, this::say));
        server.createContext("/onedrive/", ex -> handle(ex, this::upload));
        server.createContext("/", ex -> handle(ex, r -> Answer.status(404, "not found")));
    }

    /** Starts on a free port with {@link #DEFAULT_APP_ID} and {@link #DEFAULT_APP_PASSWORD}, no users. */
    public static FakeBotFramework start() {
        return start(0, DEFAULT_APP_ID, DEFAULT_APP_PASSWORD);
    }

    /** Starts on {@code port} (0: a free one) for the given app, no users. */
    public static FakeBotFramework start(int port, String appId, String appPassword) {
        FakeBotFramework f = new FakeBotFramework(port, appId, appPassword);
        f.server.start();
        return f;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- addresses and settings

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Where the Bot Connector lives, with a trailing slash as Teams sends it: {@code http://127.0.0.1:PORT/}. */
    public String serviceUrl() {
        return baseUrl() + "/";
    }

    public String openIdMetadataUrl() {
        return baseUrl() + "/openid";
    }

    public String jwksUrl() {
        return baseUrl() + "/keys";
    }

    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    public String appId() {
        return appId;
    }

    public String appPassword() {
        return appPassword;
    }

    public String tenantId() {
        return TENANT_ID;
    }

    /** Settings that point Kept at this fake (http on loopback allowed). */
    public TeamsSettings settings() {
        return new TeamsSettings(appId, appPassword, TENANT_ID, openIdMetadataUrl(), tokenUrl(), true);
    }

    // ---------------------------------------------------------------- keys

    private RSAKey newKey(String prefix) {
        try {
            return new RSAKeyGenerator(2048).keyID(prefix + keySeq.incrementAndGet() + "-"
                    + HexFormat.of().formatHex(randomBytes(4))).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kid of the key that signs valid tokens. */
    public String signingKeyId() {
        return signingKey.getKeyID();
    }

    /** The kid of the published key endorsed only for webchat. */
    public String webchatKeyId() {
        return webchatKey.getKeyID();
    }

    /**
     * Microsoft rotates its keys: a new signing key (new kid, endorsed for msteams) is published and signs every
     * token from now on. With {@code retireOld} the previous signing key leaves the JWKS.
     *
     * @return the new kid
     */
    public String rotateKey(boolean retireOld) {
        RSAKey old = signingKey;
        RSAKey fresh = newKey("teams-key-");
        servedKeys.add(new ServedKey(fresh, List.of(CHANNEL)));
        if (retireOld) {
            servedKeys.removeIf(k -> k.key().getKeyID().equals(old.getKeyID()));
        }
        signingKey = fresh;
        return fresh.getKeyID();
    }

    /** How often {@code /keys} was fetched. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** How often {@code /openid} was fetched. */
    public int metadataFetches() {
        return metadataFetches.get();
    }

    // ---------------------------------------------------------------- app tokens

    /** How often the token endpoint was called (successfully or not). */
    public int tokenCalls() {
        return tokenCalls.get();
    }

    /** The {@code expires_in} of tokens handed out from now on (default an hour). */
    public FakeBotFramework tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Every app token handed out so far is refused from now on (the Bot Connector answers 401). */
    public void revokeAppTokens() {
        issuedTokens.clear();
    }

    // ---------------------------------------------------------------- users

    /** Adds a user in Europe/Berlin, locale en-GB, with an AAD object id derived from the id. */
    public FakeUser addUser(String id, String name) {
        return addUser(new FakeUser(id, name, aadFor(id), "Europe/Berlin", "en-GB"));
    }

    public FakeUser addUser(FakeUser user) {
        users.put(user.id(), user);
        return user;
    }

    /** By Teams id or AAD object id. */
    public Optional<FakeUser> user(String idOrAad) {
        synchronized (users) {
            FakeUser u = users.get(idOrAad);
            if (u != null) {
                return Optional.of(u);
            }
            return users.values().stream().filter(x -> x.aadObjectId().equalsIgnoreCase(idOrAad)).findFirst();
        }
    }

    public List<FakeUser> users() {
        synchronized (users) {
            return List.copyOf(users.values());
        }
    }

    /** The users {@link #main} preloads: alice (Berlin), bob (New York), carol (Tokyo). */
    public FakeBotFramework withDefaultUsers() {
        addUser(new FakeUser("29:1alice", "Alice Archer", "a11ce000-0000-4000-8000-000000000001",
                "Europe/Berlin", "en-GB"));
        addUser(new FakeUser("29:1bob", "Bob Baker", "b0b00000-0000-4000-8000-000000000002",
                "America/New_York", "en-US"));
        addUser(new FakeUser("29:1carol", "Carol Chen", "ca201000-0000-4000-8000-000000000003",
                "Asia/Tokyo", "en-US"));
        return this;
    }

    static String aadFor(String id) {
        return UUID.nameUUIDFromBytes(("aad:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of the personal conversation between Kept and a user, as this fake hands it out. */
    public static String conversationIdFor(String userId) {
        return "a:dm-" + userId;
    }

    // ---------------------------------------------------------------- inspection

    /** Every activity Kept posted, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The activities Kept posted to a conversation. */
    public List<Sent> sent(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    /** The activities Kept posted to a user's personal conversation. */
    public List<Sent> sentTo(String userId) {
        return sent(conversationIdFor(userId));
    }

    public List<Update> updates() {
        return List.copyOf(updates);
    }

    /** Bot Connector and token endpoint requests, oldest first (keys and metadata fetches are only counted). */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** How many Bot Connector requests ({@code /v3/…}) arrived, faults and refusals included. */
    public int connectorCalls() {
        return (int) calls.stream().filter(c -> c.rawPath().startsWith("/v3/")).count();
    }

    /** Conversation ids created through {@code POST /v3/conversations}, in order. */
    public List<String> createdConversations() {
        return List.copyOf(createdConversations);
    }

    /** Where {@code POST /_fake/say} posts the activities it builds (e.g. {@code http://localhost:8080/api/messages}). */
    public FakeBotFramework forwardTo(String keptMessagesUrl) {
        this.keptUrl = keptMessagesUrl;
        return this;
    }

    /** Runs {@code listener} for every activity Kept posts (on the server's thread). */
    public FakeBotFramework onSent(Consumer<Sent> listener) {
        listeners.add(listener);
        return this;
    }

    /** Forgets recorded activities, updates, calls, counters and pending faults; keeps users, keys and tokens. */
    public void reset() {
        synchronized (faults) {
            faults.clear();
        }
        randomFaults = null;
        randomFaultsInjected.set(0);
        sent.clear();
        updates.clear();
        calls.clear();
        createdConversations.clear();
        keyFetches.set(0);
        metadataFetches.set(0);
        tokenCalls.set(0);
        uploads.clear();
    }

    // ---------------------------------------------------------------- faults

    /** The next {@code times} Bot Connector calls answer {@code status} (412, 502, 504, 403, …). */
    public FakeBotFramework failNext(int times, int status) {
        return queue(times, new Fault(status, Map.of()));
    }

    /** The next {@code times} Bot Connector calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public FakeBotFramework rateLimitNext(int times, int retryAfterSeconds) {
        return queue(times, new Fault(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds))));
    }

    private FakeBotFramework queue(int times, Fault f) {
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.addLast(f);
            }
        }
        return this;
    }

    /**
     * About {@code share} of Bot Connector calls (after queued faults) answer 429 (Retry-After 1), 412, 502 or 504,
     * picked with a fixed seed; {@code share} 0 turns it off.
     */
    public FakeBotFramework randomFaults(double share, long seed) {
        randomFaultShare = share;
        randomFaults = share <= 0 ? null : new Random(seed);
        return this;
    }

    public int randomFaultsInjected() {
        return randomFaultsInjected.get();
    }

    private Fault takeFault() {
        synchronized (faults) {
            Fault f = faults.pollFirst();
            if (f != null) {
                return f;
            }
            Random r = randomFaults;
            if (r != null && r.nextDouble() < randomFaultShare) {
                randomFaultsInjected.incrementAndGet();
                int status = List.of(429, 412, 502, 504).get(r.nextInt(4));
                return status == 429 ? new Fault(429, Map.of("Retry-After", "1")) : new Fault(status, Map.of());
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- inbound tokens

    /** A valid token as of {@code now}; {@link TokenBuilder} methods turn it into every invalid case. */
    public TokenBuilder token(Instant now) {
        return new TokenBuilder(now);
    }

    /** A valid token as of the clock's instant. */
    public TokenBuilder token(Clock clock) {
        return new TokenBuilder(clock.instant());
    }

    /** {@code "Bearer " + a valid token} as of {@code now}, for this fake's serviceUrl. */
    public String authorization(Instant now) {
        return token(now).authorization();
    }

    /** The Bot Framework's connector-to-bot token, decoded, with the sources it is taken from. */
    public static final String TOKEN_SHAPE = "/teams/real/connector-token.json";

    private static volatile JsonNode tokenShape;

    /** The {@value #TOKEN_SHAPE} file: {@code example} (as documented) and {@code template} (with slots). */
    public static JsonNode tokenShape() {
        JsonNode shape = tokenShape;
        if (shape == null) {
            try (InputStream in = FakeBotFramework.class.getResourceAsStream(TOKEN_SHAPE)) {
                if (in == null) {
                    throw new IllegalStateException(TOKEN_SHAPE + " is missing from the test resources");
                }
                shape = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tokenShape = shape;
        }
        return shape;
    }

    private static JsonNode tokenTemplate() {
        return tokenShape().get("template");
    }

    /** The template's object with each {@code "${name}"} value replaced by {@code slots.get(name)} (left out when null). */
    private static Map<String, Object> fill(JsonNode template, Map<String, ?> slots) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            JsonNode v = field.getValue();
            String text = v.isString() ? v.asString() : null;
            if (text != null && text.startsWith("${") && text.endsWith("}")) {
                String slot = text.substring(2, text.length() - 1);
                if (!slots.containsKey(slot)) {
                    throw new IllegalStateException("no value for the token slot " + slot);
                }
                Object value = slots.get(slot);
                if (value != null) {
                    out.put(field.getKey(), value);
                }
            } else {
                out.put(field.getKey(), v.isNumber() ? v.asLong() : text);
            }
        }
        return out;
    }

    /**
     * Mints an inbound Bot Framework token. Defaults: signed by the msteams key (RS256), issuer {@value #ISSUER},
     * audience the app id, {@code nbf} = now, {@code exp} = now + 1 h, {@code serviceurl} = the fake's serviceUrl.
     */
    public final class TokenBuilder {
        private final Instant now;
        private String issuer = ISSUER;
        private String audience = appId;
        private Instant notBefore;
        private Instant expires;
        private String serviceUrl = FakeBotFramework.this.serviceUrl();
        private Signer signer = Signer.TEAMS_KEY;
        private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private TokenBuilder(Instant now) {
            this.now = now;
            this.notBefore = now;
            this.expires = now.plus(Duration.ofHours(1));
        }

        public TokenBuilder issuer(String iss) {
            this.issuer = iss;
            return this;
        }

        public TokenBuilder audience(String aud) {
            this.audience = aud;
            return this;
        }

        public TokenBuilder notBefore(Instant nbf) {
            this.notBefore = nbf;
            return this;
        }

        public TokenBuilder expires(Instant exp) {
            this.expires = exp;
            return this;
        }

        public TokenBuilder serviceUrl(String url) {
            this.serviceUrl = url;
            return this;
        }

        public TokenBuilder signedBy(Signer s) {
            this.signer = s;
            return this;
        }

        /** Expired six minutes ago: beyond the five minutes of allowed skew. */
        public TokenBuilder expired() {
            return notBefore(now.minus(Duration.ofMinutes(66))).expires(now.minus(Duration.ofMinutes(6)));
        }

        /** Valid only from six minutes from now: beyond the allowed skew. */
        public TokenBuilder notYetValid() {
            return notBefore(now.plus(Duration.ofMinutes(6))).expires(now.plus(Duration.ofMinutes(66)));
        }

        public TokenBuilder wrongAudience() {
            return audience("11111111-0000-4000-8000-0000000a0d1e");
        }

        /** An Entra ID issuer instead of the Bot Framework's. */
        public TokenBuilder wrongIssuer() {
            return issuer("https://sts.windows.net/" + TENANT_ID + "/");
        }

        public TokenBuilder unknownKey() {
            return signedBy(Signer.UNKNOWN_KEY);
        }

        public TokenBuilder webchatOnlyKey() {
            return signedBy(Signer.WEBCHAT_ONLY_KEY);
        }

        public TokenBuilder badSignature() {
            return signedBy(Signer.WRONG_KEY_SAME_KID);
        }

        /** A serviceUrl other than the activity's (which is this fake's). */
        public TokenBuilder otherServiceUrl() {
            return serviceUrl(OTHER_SERVICE_URL);
        }

        public TokenBuilder hs256() {
            return signedBy(Signer.HS256);
        }

        public TokenBuilder algNone() {
            return signedBy(Signer.NONE);
        }

        /**
         * The compact JWT. Its header and claim names come from {@value #TOKEN_SHAPE}, the Bot Framework's token as
         * Microsoft's SDKs and docs spell it; this builder only fills the {@code ${...}} slots (a slot set to
         * {@code null} leaves its claim out).
         */
        public String jwt() {
            Map<String, Object> slots = new java.util.HashMap<>();
            slots.put("serviceUrl", serviceUrl);
            slots.put("nbf", notBefore.getEpochSecond());
            slots.put("exp", expires.getEpochSecond());
            slots.put("issuer", issuer);
            slots.put("audience", audience);
            try {
                Map<String, Object> claims = fill(tokenTemplate().get("payload"), slots);
                claims.putAll(extraClaims);
                com.nimbusds.jwt.JWTClaimsSet set = com.nimbusds.jwt.JWTClaimsSet.parse(claims);
                switch (signer) {
                    case TEAMS_KEY:
                        return sign(set, signingKey, signingKey.getKeyID(), algorithm);
                    case WEBCHAT_ONLY_KEY:
                        return sign(set, webchatKey, webchatKey.getKeyID(), algorithm);
                    case UNKNOWN_KEY:
                        return sign(set, unknownKey, unknownKey.getKeyID(), algorithm);
                    case WRONG_KEY_SAME_KID:
                        return sign(set, unknownKey, signingKey.getKeyID(), algorithm);
                    case HS256: {
                        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                                header(JWSAlgorithm.HS256, signingKey.getKeyID()), set);
                        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(randomBytes(32)));
                        return jwt.serialize();
                    }
                    case NONE:
                        return new com.nimbusds.jwt.PlainJWT(set).serialize();
                    default:
                        throw new IllegalStateException(signer.toString());
                }
            } catch (JOSEException | java.text.ParseException e) {
                throw new IllegalStateException("cannot mint a test token", e);
            }
        }

        /** Adds a claim the Bot Framework does not send (to show what Kept makes of it). */
        public TokenBuilder extraClaim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        /** Signs with RS384 or RS512 instead of RS256 (the Bot Framework SDKs accept all three). */
        public TokenBuilder algorithm(JWSAlgorithm alg) {
            this.algorithm = alg;
            return this;
        }

        /** {@code "Bearer " + jwt()}. */
        public String authorization() {
            return "Bearer " + jwt();
        }

        private String sign(com.nimbusds.jwt.JWTClaimsSet set, RSAKey key, String kid, JWSAlgorithm alg)
                throws JOSEException, java.text.ParseException {
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header(alg, kid), set);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }

        private JWSHeader header(JWSAlgorithm alg, String kid) throws java.text.ParseException {
            return JWSHeader.parse(fill(tokenTemplate().get("header"), Map.of("alg", alg.getName(), "kid", kid)));
        }
    }

    // ---------------------------------------------------------------- inbound activities

    private ObjectNode baseActivity(String type, FakeUser from, Instant now) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", "f:" + now.toEpochMilli() + "-" + activitySeq.incrementAndGet());
        a.put("timestamp", now.toString());
        a.put("localTimestamp", now.atZone(ZoneId.of(from.timezone())).toOffsetDateTime().toString());
        a.put("localTimezone", from.timezone());
        a.put("serviceUrl", serviceUrl());
        a.put("channelId", CHANNEL);
        ObjectNode f = a.putObject("from");
        f.put("id", from.id());
        f.put("name", from.name());
        f.put("aadObjectId", from.aadObjectId());
        ObjectNode c = a.putObject("conversation");
        c.put("id", conversationIdFor(from.id()));
        c.put("conversationType", "personal");
        c.put("tenantId", TENANT_ID);
        ObjectNode r = a.putObject("recipient");
        r.put("id", "28:" + appId);
        r.put("name", BOT_NAME);
        ObjectNode e = a.putArray("entities").addObject();
        e.put("type", "clientInfo");
        e.put("locale", from.locale());
        e.put("country", from.locale().length() >= 5 ? from.locale().substring(3) : "GB");
        e.put("platform", "Web");
        e.put("timezone", from.timezone());
        a.put("locale", from.locale());
        a.putObject("channelData").putObject("tenant").put("id", TENANT_ID);
        return a;
    }

    /** A message {@code from} types in the personal chat with Kept. */
    public ObjectNode message(FakeUser from, String text, Instant now) {
        ObjectNode a = baseActivity("message", from, now);
        a.put("text", text);
        a.put("textFormat", "plain");
        return a;
    }

    /**
     * An {@code Action.Submit} of a card Kept sent: a message without text whose {@code value} is the action's data
     * merged with the card's inputs.
     *
     * @param replyToId the activity id of the card (may be null)
     */
    public ObjectNode submit(FakeUser from, ObjectNode value, String replyToId, Instant now) {
        ObjectNode a = baseActivity("message", from, now);
        a.set("value", value.deepCopy());
        if (replyToId != null) {
            a.put("replyToId", replyToId);
        }
        return a;
    }

    /** An {@code Action.Execute} (universal action) of a card Kept sent: an {@code adaptiveCard/action} invoke. */
    public ObjectNode execute(FakeUser from, String verb, ObjectNode data, String replyToId, Instant now) {
        ObjectNode a = baseActivity("invoke", from, now);
        a.put("name", "adaptiveCard/action");
        ObjectNode v = a.putObject("value");
        ObjectNode action = v.putObject("action");
        action.put("type", "Action.Execute");
        action.put("id", "act-" + activitySeq.incrementAndGet());
        action.put("verb", verb);
        action.set("data", data == null ? JSON.createObjectNode() : data.deepCopy());
        v.put("trigger", "manual");
        if (replyToId != null) {
            a.put("replyToId", replyToId);
        }
        return a;
    }

    /**
     * What Teams sends when {@code user} installs Kept in personal scope: a {@code conversationUpdate} whose
     * {@code membersAdded} holds the bot (no text).
     */
    public ObjectNode installed(FakeUser user, Instant now) {
        ObjectNode a = baseActivity("conversationUpdate", user, now);
        ObjectNode bot = a.putArray("membersAdded").addObject();
        bot.put("id", "28:" + appId);
        return a;
    }

    /** The {@code installationUpdate} activity Teams also sends; {@code action} is {@code add} or {@code remove}. */
    public ObjectNode installationUpdate(FakeUser user, String action, Instant now) {
        ObjectNode a = baseActivity("installationUpdate", user, now);
        a.put("action", action);
        return a;
    }

    /** POSTs an activity to Kept as the Bot Framework would, with a valid token as of {@code now}. */
    public HttpResponse<String> post(String keptUrl, ObjectNode activity, Instant now) {
        return post(keptUrl, activity, token(now).serviceUrl(activity.path("serviceUrl").asString()).authorization());
    }

    /** POSTs an activity to Kept with the given {@code Authorization} header (null: none). */
    public HttpResponse<String> post(String keptUrl, ObjectNode activity, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keptUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(activity), StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + keptUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private record Request(String method, String rawPath, Map<String, String> query, String body,
                           String authorization) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, JsonNode node) {
            return new Answer(status, Map.of(), JSON.writeValueAsString(node));
        }

        static Answer status(int status, String message) {
            ObjectNode o = JSON.createObjectNode();
            ObjectNode e = o.putObject("error");
            e.put("code", status == 401 ? "Unauthorized" : status == 404 ? "NotFound" : "Error" + status);
            e.put("message", message);
            return json(status, o);
        }
    }

    private interface Handler {
        Answer answer(Request r) throws IOException;
    }

    private void handle(HttpExchange ex, Handler h) throws IOException {
        try {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
            String rawQuery = ex.getRequestURI().getRawQuery();
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    rawQuery == null ? Map.of() : form(rawQuery), body, auth);
            Answer a;
            try {
                a = h.answer(r);
            } catch (RuntimeException e) {
                a = Answer.status(500, "fake Bot Framework failed: " + e);
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            ex.close();
        }
    }

    private Answer openId(Request r) {
        metadataFetches.incrementAndGet();
        ObjectNode o = JSON.createObjectNode();
        o.put("issuer", ISSUER);
        o.put("authorization_endpoint", baseUrl() + "/authorize");
        o.put("jwks_uri", jwksUrl());
        o.putArray("id_token_signing_alg_values_supported").add("RS256");
        o.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        return Answer.json(200, o);
    }

    private Answer keys(Request r) {
        keyFetches.incrementAndGet();
        ObjectNode o = JSON.createObjectNode();
        ArrayNode keys = o.putArray("keys");
        for (ServedKey k : servedKeys) {
            ObjectNode jwk = (ObjectNode) JSON.valueToTree(k.key().toPublicJWK().toJSONObject());
            jwk.put("use", "sig");
            ArrayNode e = jwk.putArray("endorsements");
            k.endorsements().forEach(e::add);
            keys.add(jwk);
        }
        return Answer.json(200, o);
    }

    private Answer tokenEndpoint(Request r) {
        tokenCalls.incrementAndGet();
        Map<String, String> f = form(r.body());
        Answer a;
        if (!"POST".equals(r.method())) {
            a = tokenError(405, "invalid_request");
        } else if (!"client_credentials".equals(f.get("grant_type"))) {
            a = tokenError(400, "unsupported_grant_type");
        } else if (!appId.equals(f.get("client_id")) || !appPassword.equals(f.get("client_secret"))) {
            a = tokenError(401, "invalid_client");
        } else if (!"https://api.botframework.com/.default".equals(f.get("scope"))) {
            a = tokenError(400, "invalid_scope");
        } else {
            String token = "fake-app-token-" + HexFormat.of().formatHex(randomBytes(12));
            issuedTokens.add(token);
            ObjectNode o = JSON.createObjectNode();
            o.put("token_type", "Bearer");
            o.put("expires_in", tokenLifetime.toSeconds());
            o.put("ext_expires_in", tokenLifetime.toSeconds());
            o.put("access_token", token);
            a = Answer.json(200, o);
        }
        calls.add(new Call(r.method(), r.rawPath(), a.status(), false, Instant.now()));
        return a;
    }

    private static Answer tokenError(int status, String error) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", error);
        o.put("error_description", "fake: " + error);
        return Answer.json(status, o);
    }

    private boolean authorized(Request r) {
        String a = r.authorization();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) && issuedTokens.contains(a.substring(7).strip());
    }

    private Answer connector(Request r) {
        boolean authorized = authorized(r);
        Answer a;
        Fault fault = takeFault();
        if (fault != null) {
            ObjectNode o = JSON.createObjectNode();
            o.putObject("error").put("code", "Fault" + fault.status()).put("message", "injected by the fake");
            a = new Answer(fault.status(), fault.headers(), JSON.writeValueAsString(o));
        } else if (!authorized) {
            a = Answer.status(401, "Authorization has been denied for this request.");
        } else {
            a = route(r);
        }
        calls.add(new Call(r.method(), r.rawPath(), a.status(), authorized, Instant.now()));
        return a;
    }

    /** {@code PUT /onedrive/{name}}: a file a bot uploads after the person accepted a file consent card. */
    private Answer upload(Request r) {
        if (!"PUT".equals(r.method())) {
            return Answer.status(405, "PUT only");
        }
        uploads.put(r.rawPath().substring("/onedrive/".length()), r.body());
        return Answer.json(201, JSON.createObjectNode().put("id", "drive-item"));
    }

    /** Where a person's OneDrive would take an uploaded file named {@code name} (see {@link #uploads()}). */
    public String uploadUrl(String name) {
        return baseUrl() + "/onedrive/" + name;
    }

    /** Files uploaded to {@link #uploadUrl}, by name. */
    public Map<String, String> uploads() {
        return Map.copyOf(uploads);
    }

    /** The person's answer to a file consent card Kept sent: accept (with an upload address) or decline. */
    public ObjectNode fileConsent(FakeUser from, JsonNode consentContext, boolean accept, String fileName, Instant now) {
        ObjectNode a = baseActivity("invoke", from, now);
        a.put("name", "fileConsent/invoke");
        ObjectNode v = a.putObject("value");
        v.put("type", "fileUpload");
        v.put("action", accept ? "accept" : "decline");
        v.set("context", consentContext.deepCopy());
        if (accept) {
            ObjectNode info = v.putObject("uploadInfo");
            info.put("name", fileName);
            info.put("uploadUrl", uploadUrl(fileName));
            info.put("contentUrl", "https://contoso-my.sharepoint.com/personal/" + fileName);
            info.put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C");
            info.put("fileType", "csv");
        }
        return a;
    }

    private Answer route(Request r) {
        // /v3/conversations[/{id}[/activities[/{activityId}] | /members[/{memberId}]]]
        String[] raw = r.rawPath().substring(1).split("/", -1);
        List<String> p = new ArrayList<>();
        for (String s : raw) {
            p.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        if (p.size() < 2 || !p.get(0).equals("v3") || !p.get(1).equals("conversations")) {
            return Answer.status(404, "no such resource");
        }
        JsonNode body = null;
        if (!r.body().isBlank()) {
            try {
                body = JSON.readTree(r.body());
            } catch (RuntimeException e) {
                return Answer.status(400, "body is not JSON");
            }
        }
        String m = r.method();
        if (p.size() == 2 && m.equals("POST")) {
            return createConversation(body);
        }
        if (p.size() < 4) {
            return Answer.status(404, "no such resource");
        }
        String conversationId = p.get(2);
        String what = p.get(3);
        if (what.equals("activities") && p.size() == 4 && m.equals("POST")) {
            return postActivity(conversationId, body, null);
        }
        if (what.equals("activities") && p.size() == 5 && m.equals("POST")) {
            return postActivity(conversationId, body, p.get(4));
        }
        if (what.equals("activities") && p.size() == 5 && m.equals("PUT")) {
            if (body == null || !body.isObject()) {
                return Answer.status(400, "no activity");
            }
            updates.add(new Update(conversationId, p.get(4), body, Instant.now()));
            print("update " + conversationId + " " + p.get(4), body);
            ObjectNode o = JSON.createObjectNode();
            o.put("id", p.get(4));
            return Answer.json(200, o);
        }
        if (what.equals("members") && p.size() == 4 && m.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            users().forEach(u -> list.add(memberJson(u)));
            return Answer.json(200, list);
        }
        if (what.equals("members") && p.size() == 5 && m.equals("GET")) {
            return user(p.get(4)).map(u -> Answer.json(200, memberJson(u)))
                    .orElseGet(() -> Answer.status(404, "member not found"));
        }
        return Answer.status(404, "no such resource");
    }

    private Answer createConversation(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Answer.status(400, "no conversation parameters");
        }
        JsonNode members = body.path("members");
        if (!members.isArray() || members.size() != 1 || !members.path(0).path("id").isString()) {
            return Answer.status(400, "a personal conversation needs exactly one member");
        }
        if (!("28:" + appId).equals(body.path("bot").path("id").asString(""))) {
            return Answer.status(400, "bot id is not 28:<app id>");
        }
        if (!TENANT_ID.equals(body.path("tenantId").asString(""))
                && !TENANT_ID.equals(body.path("channelData").path("tenant").path("id").asString(""))) {
            return Answer.status(400, "unknown tenant");
        }
        // One personal chat per person and bot, as in Teams: asked by Entra id or by Teams id, it is the same chat.
        String member = members.path(0).path("id").asString();
        if (user(member).isEmpty()) {
            // As Teams answers when the bot is not installed for that person (or there is no such person).
            return Answer.status(403, "The bot is not installed for this user");
        }
        String userId = user(member).orElseThrow().id();
        String id = conversationIdFor(userId);
        createdConversations.add(id);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        return Answer.json(201, o);
    }

    private Answer postActivity(String conversationId, JsonNode body, String replyToId) {
        if (body == null || !body.isObject()) {
            return Answer.status(400, "no activity");
        }
        String id = "1" + String.format(Locale.ROOT, "%012d", activitySeq.incrementAndGet());
        Sent s = new Sent(conversationId, id, body, replyToId, Instant.now());
        sent.add(s);
        print("to " + who(conversationId) + ", activity " + id, body);
        printClicks(conversationId, id, body);
        for (Consumer<Sent> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ignored) {
                // a listener must not break the fake
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        return Answer.json(201, o);
    }

    private static ObjectNode memberJson(FakeUser u) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", u.id());
        o.put("name", u.name());
        o.put("aadObjectId", u.aadObjectId());
        o.put("givenName", u.name().split(" ")[0]);
        o.put("userPrincipalName", u.name().split(" ")[0].toLowerCase(Locale.ROOT) + "@kept-test.invalid");
        o.put("tenantId", TENANT_ID);
        o.put("userRole", "user");
        return o;
    }

    private String who(String conversationId) {
        if (conversationId.startsWith("a:dm-")) {
            String userId = conversationId.substring(5);
            return user(userId).map(FakeUser::name).orElse(userId) + " (" + conversationId + ")";
        }
        return conversationId;
    }

    private static Map<String, String> form(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- readable text

    /**
     * The text a person would read in an activity: its {@code text}, then for each Adaptive Card attachment every
     * TextBlock / TextRun text, facts as "title: value", input labels and placeholders, and buttons as [title].
     */
    public static String readable(JsonNode activity) {
        List<String> out = new ArrayList<>();
        if (activity.path("text").isString() && !activity.path("text").asString().isEmpty()) {
            out.add(activity.path("text").asString());
        }
        for (JsonNode att : activity.path("attachments")) {
            collect(att.path("content"), out);
        }
        return String.join("\n", out);
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isArray()) {
            n.forEach(x -> collect(x, out));
            return;
        }
        if (!n.isObject()) {
            return;
        }
        String type = n.path("type").asString("");
        if (type.equals("RichTextBlock")) {
            StringBuilder line = new StringBuilder();
            n.path("inlines").forEach(run -> line.append(run.path("text").asString("")));
            out.add(line.toString());
            return;
        }
        if (type.startsWith("Action.")) {
            out.add("[" + n.path("title").asString("") + "]");
            return;
        }
        if (type.equals("Fact") || (n.has("title") && n.has("value") && n.path("value").isString())) {
            out.add(n.path("title").asString("") + ": " + n.path("value").asString(""));
            return;
        }
        if (n.path("text").isString()) {
            out.add(n.path("text").asString());
        }
        if (type.startsWith("Input.") && n.path("label").isString()) {
            out.add("<" + n.path("label").asString() + ">");
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getValue().isContainer() && !e.getKey().equals("data")) {
                collect(e.getValue(), out);
            }
        }
    }

    // ---------------------------------------------------------------- run by hand

    private volatile boolean printing;

    private void print(String header, JsonNode activity) {
        if (!printing) {
            return;
        }
        String text = readable(activity).replace("\n", "\n    ");
        System.out.println(LocalTime.now().withNano(0) + " " + header + "\n    " + text);
        System.out.flush();
    }

    /**
     * For a person trying Kept by hand: each button and form of a card Kept sent, as the {@code scripts/teams-say}
     * line that clicks or sends it (a form's inputs as {@code "id":"…"} to fill in).
     */
    private void printClicks(String conversationId, String activityId, JsonNode activity) {
        if (!printing || !conversationId.startsWith("a:dm-")) {
            return;
        }
        String as = user(conversationId.substring(5)).map(u -> u.name().split(" ")[0].toLowerCase(Locale.ROOT))
                .orElse(conversationId.substring(5));
        List<String> inputs = new ArrayList<>();
        collectInputs(activity.path("attachments"), inputs);
        List<JsonNode> actions = new ArrayList<>();
        collectActions(activity.path("attachments"), actions);
        for (JsonNode action : actions) {
            ObjectNode data = action.path("data").isObject() ? (ObjectNode) action.get("data").deepCopy()
                    : JSON.createObjectNode();
            if ("form".equals(data.path("kept").asString(""))) {
                inputs.forEach(i -> data.put(i, "…"));
            }
            System.out.println("    [" + action.path("title").asString("") + "] scripts/teams-say --as " + as
                    + " --reply-to " + activityId + " --execute " + action.path("verb").asString("")
                    + " '" + JSON.writeValueAsString(data).replace("'", "'\\''") + "'");
        }
        System.out.flush();
    }

    /**
     * Kept's answer to an activity: its status, and for a click the card that now stands in place of the
     * clicked one, as text with the {@code teams-say} lines of its buttons (as Teams would show it).
     */
    private void printAnswer(HttpResponse<String> res, String conversationId, String replyToId) {
        JsonNode answer = null;
        try {
            answer = res.body().isBlank() ? null : JSON.readTree(res.body());
        } catch (RuntimeException notJson) {
            // shown as it is below
        }
        if (answer != null && "application/vnd.microsoft.card.adaptive".equals(answer.path("type").asString(""))) {
            ObjectNode shown = JSON.createObjectNode();
            shown.putArray("attachments").addObject().set("content", answer.path("value"));
            print("Kept answered HTTP " + res.statusCode() + "; the card now reads", shown);
            printClicks(conversationId, replyToId == null ? "?" : replyToId, shown);
        } else {
            System.out.println("    Kept answered HTTP " + res.statusCode() + (res.body().isBlank() ? "" : ": " + res.body()));
        }
    }

    private static void collectInputs(JsonNode n, List<String> out) {
        if (n.isObject() && n.path("type").asString("").startsWith("Input.") && n.path("id").isString()) {
            out.add(n.path("id").asString());
        }
        if (n.isContainer()) {
            n.forEach(child -> collectInputs(child, out));
        }
    }

    private static void collectActions(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.path("type").asString("").equals("Action.Execute")) {
            out.add(n);
            return;
        }
        if (n.isContainer()) {
            n.forEach(child -> collectActions(child, out));
        }
    }

    /** {@code POST /_fake/say}: builds a signed activity from a user and posts it to Kept ({@link #main}). */
    private Answer say(Request r) {
        if (!"POST".equals(r.method())) {
            return Answer.status(405, "POST a JSON body");
        }
        String url = keptUrl;
        if (url == null) {
            return Answer.status(400, "no Kept URL: see forwardTo (main sets it)");
        }
        JsonNode in;
        try {
            in = JSON.readTree(r.body());
        } catch (RuntimeException e) {
            return Answer.status(400, "body is not JSON");
        }
        String as = in.path("as").asString("").strip();
        if (as.isEmpty()) {
            return Answer.status(400, "\"as\" (a user: alice, a Teams id or an AAD object id) is required");
        }
        FakeUser from = resolveUser(as, in.path("name").asString(""));
        Instant now = Instant.now();
        String replyToId = in.path("replyToId").isString() ? in.path("replyToId").asString() : null;
        ObjectNode activity;
        if (in.path("verb").isString()) {
            activity = execute(from, in.path("verb").asString(),
                    in.path("data").isObject() ? (ObjectNode) in.path("data") : null, replyToId, now);
        } else if (in.path("value").isObject()) {
            activity = submit(from, (ObjectNode) in.path("value"), replyToId, now);
        } else if (in.path("text").isString()) {
            activity = message(from, in.path("text").asString(), now);
        } else {
            return Answer.status(400, "give \"text\", \"value\" (a card submit) or \"verb\" and \"data\"");
        }
        System.out.println(LocalTime.now().withNano(0) + " from " + from.name() + " (" + from.id() + "): "
                + (activity.path("text").isString() ? activity.path("text").asString()
                : activity.path("value").toString()));
        ObjectNode o = JSON.createObjectNode();
        try {
            HttpResponse<String> res = post(url, activity, now);
            o.put("status", res.statusCode());
            o.put("body", res.body());
            printAnswer(res, conversationIdFor(from.id()), replyToId);
        } catch (RuntimeException e) {
            o.put("status", 0);
            o.put("error", "Kept unreachable at " + url + ": " + e.getMessage());
        }
        System.out.flush();
        return Answer.json(200, o);
    }

    private FakeUser resolveUser(String as, String name) {
        Optional<FakeUser> known = user(as);
        if (known.isEmpty()) {
            synchronized (users) {
                known = users.values().stream().filter(u -> u.name().split(" ")[0].equalsIgnoreCase(as)
                        || u.id().equalsIgnoreCase("29:1" + as)).findFirst();
            }
        }
        if (known.isPresent()) {
            return known.get();
        }
        boolean guid = as.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String id = as.startsWith("29:") ? as : "29:1" + as;
        String aad = guid ? as.toLowerCase(Locale.ROOT) : aadFor(id);
        return addUser(new FakeUser(id, name.isBlank() ? as : name, aad, "Europe/Berlin", "en-GB"));
    }

    /**
     * Runs the fake until killed: port from {@code args[0]}, else {@code FAKE_TEAMS_PORT}, else 9898; users alice,
     * bob and carol; prints what Kept sends.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9898;
        String envPort = System.getenv("FAKE_TEAMS_PORT");
        if (args.length > 0 && !args[0].isBlank()) {
            port = Integer.parseInt(args[0].strip());
        } else if (envPort != null && !envPort.isBlank()) {
            port = Integer.parseInt(envPort.strip());
        }
        String appId = envOr("TEAMS_APP_ID", DEFAULT_APP_ID);
        String password = envOr("TEAMS_APP_PASSWORD", DEFAULT_APP_PASSWORD);
        FakeBotFramework fake = start(port, appId, password).withDefaultUsers();
        fake.forwardTo(envOr("KEPT_TEAMS_URL", "http://localhost:8080/api/messages"));
        fake.printing = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-teams-shutdown"));
        System.out.println("Fake Bot Framework on " + fake.baseUrl() + ", posting to Kept at " + fake.keptUrl);
        System.out.println("Start Kept with:");
        System.out.println("  TEAMS_APP_ID=" + appId + " TEAMS_APP_PASSWORD=" + password
                + " TEAMS_TENANT_ID=" + TENANT_ID + " \\");
        System.out.println("  TEAMS_OPENID_METADATA_URL=" + fake.openIdMetadataUrl() + " TEAMS_TOKEN_URL="
                + fake.tokenUrl() + " TEAMS_ALLOW_LOOPBACK_HTTP=true");
        System.out.println("Users: " + String.join("; ", fake.users().stream()
                .map(u -> u.name() + " " + u.id() + " aad " + u.aadObjectId() + " (" + u.timezone() + ")").toList()));
        System.out.println("Talk as a user: scripts/teams-say --as alice \"help\"");
        System.out.flush();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
