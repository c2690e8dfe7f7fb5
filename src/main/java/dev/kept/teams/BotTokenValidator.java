package dev.kept.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the bearer token the Bot Framework puts on every activity it sends to Kept ("connector to bot"
 * authentication), before anything in the activity is believed.
 *
 * <p>Rules (Microsoft's "Authenticate requests from the Bot Connector service to your bot", checked against
 * botbuilder-js {@code ChannelValidation} / {@code JwtTokenExtractor}; docs/teams.md lists them one by one): an
 * {@code Authorization: Bearer <JWT>} header; the JWT signed with RS256, RS384 or RS512 by a key of the JWKS that the
 * OpenID metadata ({@link TeamsSettings#openIdMetadataUrl()}) names in {@code jwks_uri}; issuer exactly
 * {@value #ISSUER}; audience Kept's app id; {@code exp} and {@code nbf} hold with at most {@value #SKEW_MINUTES}
 * minutes of clock skew. Failing any of these answers 401. Then the signing key's {@code endorsements} must name
 * the activity's channel ({@code msteams}) and the token's {@value #SERVICE_URL_CLAIM} claim must be the activity's
 * serviceUrl (one trailing slash aside); failing these answers 403.
 *
 * <p>Keys are cached; they are fetched again every 24 hours, and when a token names a key id the cache does not
 * know (Microsoft rotates keys), but at most once a minute, so a flood of made-up key ids cannot make Kept hammer
 * Microsoft. Thread-safe.
 */
public final class BotTokenValidator {

    public static final String ISSUER = "https://api.botframework.com";
    /**
     * The claim that carries the serviceUrl the token vouches for, spelled as the Bot Framework issues it and as
     * Microsoft's SDKs read it ({@code AuthenticationConstants.ServiceUrlClaim = "serviceurl"} in botbuilder-js,
     * -java and -dotnet). JWT claim names are case-sensitive: a check that reads {@code serviceUrl}, as the
     * activity's field is spelled, finds nothing in a real token and refuses every activity.
     */
    public static final String SERVICE_URL_CLAIM = "serviceurl";
    /** The signing algorithms Microsoft's SDKs accept ({@code AllowedSigningAlgorithms}). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    static final long SKEW_MINUTES = 5;
    static final Duration SKEW = Duration.ofMinutes(SKEW_MINUTES);
    static final Duration KEYS_MAX_AGE = Duration.ofHours(24);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_HEADER_LENGTH = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BotTokenValidator.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What a valid token says.
     *
     * @param appId      the audience: Kept's app id
     * @param serviceUrl the serviceUrl the Bot Framework vouches for (as in the token)
     * @param channelId  the channel the signing key is endorsed for, the activity's
     * @param keyId      the id of the key that signed it
     * @param expiresAt  the token's {@code exp}
     */
    public record Verified(String appId, String serviceUrl, String channelId, String keyId, Instant expiresAt) {

        /** The token's audience: Kept's app id. */
        public String audience() {
            return appId;
        }
    }

    private record Key(RSAKey key, Set<String> endorsements) {
    }

    private record Keys(Map<String, Key> byKid, Instant fetchedAt) {
        static final Keys NONE = new Keys(Map.of(), Instant.MIN);
    }

    private final String appId;
    private final URI openIdMetadataUrl;
    private final HttpClient http;
    private final Clock clock;
    private volatile Keys keys = Keys.NONE;
    /** When keys were last fetched, or tried to be (guarded by {@code this}). */
    private Instant lastFetchAttempt = Instant.MIN;

    public BotTokenValidator(String appId, String openIdMetadataUrl, HttpClient http, Clock clock) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("the Teams app id is required to check tokens");
        }
        this.appId = appId.strip();
        this.openIdMetadataUrl = URI.create(openIdMetadataUrl);
        this.http = http;
        this.clock = clock;
    }

    public BotTokenValidator(TeamsSettings settings, HttpClient http, Clock clock) {
        this(settings.appId(), settings.openIdMetadataUrl(), http, clock);
    }

    /** An HTTP client fit for the Bot Framework's endpoints: connect timeout, no redirects. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Checks the {@code Authorization} header of a request carrying an activity.
     *
     * @param authorizationHeader the header as received ({@code null} when absent)
     * @param channelId           the activity's {@code channelId} ({@code msteams})
     * @param activityServiceUrl  the activity's {@code serviceUrl}
     * @return what the token vouches for
     * @throws TeamsAuthException 401 or 403, with a short reason
     */
    public Verified validate(String authorizationHeader, String channelId, String activityServiceUrl) {
        SignedJWT jwt = parse(authorizationHeader);
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw TeamsAuthException.unauthorized("token algorithm is not RS256, RS384 or RS512");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw TeamsAuthException.unauthorized("token names no key id");
        }
        Key key = key(kid);
        try {
            if (!jwt.verify(new RSASSAVerifier(key.key()))) {
                throw TeamsAuthException.unauthorized("token signature does not verify");
            }
        } catch (JOSEException e) {
            throw TeamsAuthException.unauthorized("token signature cannot be verified");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw TeamsAuthException.unauthorized("token claims are malformed");
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            throw TeamsAuthException.unauthorized("token issuer is not the Bot Framework");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(appId)) {
            throw TeamsAuthException.unauthorized("token is not addressed to this app");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw TeamsAuthException.unauthorized("token has no expiry");
        }
        if (now.isAfter(exp.toInstant().plus(SKEW))) {
            throw TeamsAuthException.unauthorized("token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(SKEW))) {
            throw TeamsAuthException.unauthorized("token is not valid yet");
        }
        if (channelId == null || channelId.isBlank() || !key.endorsements().contains(channelId)) {
            throw TeamsAuthException.forbidden("signing key is not endorsed for channel " + excerpt(channelId));
        }
        String tokenServiceUrl;
        try {
            tokenServiceUrl = claims.getStringClaim(SERVICE_URL_CLAIM);
        } catch (ParseException e) {
            throw TeamsAuthException.forbidden("token serviceurl claim is not a string");
        }
        if (tokenServiceUrl == null || activityServiceUrl == null
                || !withoutTrailingSlash(tokenServiceUrl).equals(withoutTrailingSlash(activityServiceUrl))) {
            throw TeamsAuthException.forbidden("token serviceurl does not match the activity's serviceUrl");
        }
        return new Verified(appId, tokenServiceUrl, channelId, kid, exp.toInstant());
    }

    private static SignedJWT parse(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw TeamsAuthException.unauthorized("no Authorization header");
        }
        if (authorizationHeader.length() > MAX_HEADER_LENGTH) {
            throw TeamsAuthException.unauthorized("Authorization header too long");
        }
        String h = authorizationHeader.strip();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw TeamsAuthException.unauthorized("Authorization is not a Bearer token");
        }
        String token = h.substring(7).strip();
        if (token.isEmpty()) {
            throw TeamsAuthException.unauthorized("empty Bearer token");
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw TeamsAuthException.unauthorized("Bearer token is not a signed JWT");
        }
    }

    // ---------------------------------------------------------------- keys

    private Key key(String kid) {
        Keys current = keys;
        Instant now = clock.instant();
        if (current.byKid().isEmpty() || !now.isBefore(current.fetchedAt().plus(KEYS_MAX_AGE))) {
            current = refresh(current, now);
        }
        Key key = current.byKid().get(kid);
        if (key == null) {
            key = refresh(current, now).byKid().get(kid);
        }
        if (key == null) {
            throw TeamsAuthException.unauthorized("token signed with an unknown key");
        }
        return key;
    }

    /** Fetches the keys again unless someone did since {@code seen}, or a fetch was tried less than a minute ago. */
    private synchronized Keys refresh(Keys seen, Instant now) {
        if (keys != seen) {
            return keys; // another thread refreshed meanwhile
        }
        if (lastFetchAttempt.isAfter(now.minus(MIN_REFRESH_INTERVAL))) {
            return keys;
        }
        lastFetchAttempt = now;
        try {
            keys = new Keys(fetchKeys(), now);
            log.info("Bot Framework signing keys fetched: {} key(s)", keys.byKid().size());
        } catch (IOException | RuntimeException e) {
            log.warn("Bot Framework signing keys could not be fetched from {}: {}", openIdMetadataUrl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return keys;
    }

    private Map<String, Key> fetchKeys() throws IOException, InterruptedException {
        JsonNode metadata = getJson(openIdMetadataUrl);
        JsonNode jwksUri = metadata.get("jwks_uri");
        if (jwksUri == null || !jwksUri.isString() || jwksUri.asString().isBlank()) {
            throw new IOException("OpenID metadata has no jwks_uri");
        }
        URI uri = URI.create(jwksUri.asString());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean metadataHttps = "https".equalsIgnoreCase(openIdMetadataUrl.getScheme());
        if (!(scheme.equals("https") || (!metadataHttps && scheme.equals("http"))) || uri.getHost() == null) {
            throw new IOException("jwks_uri must be an https URL (http only when the metadata itself is http)");
        }
        JsonNode jwks = getJson(uri);
        JsonNode list = jwks.get("keys");
        if (list == null || !list.isArray()) {
            throw new IOException("JWKS has no keys array");
        }
        Map<String, Key> out = new HashMap<>();
        for (JsonNode k : list) {
            try {
                JWK jwk = JWK.parse(JSON.writeValueAsString(k));
                if (!(jwk instanceof RSAKey rsa) || jwk.getKeyID() == null || jwk.isPrivate()) {
                    continue;
                }
                Set<String> endorsements = new HashSet<>();
                JsonNode e = k.get("endorsements");
                if (e != null && e.isArray()) {
                    for (JsonNode x : e) {
                        if (x.isString()) {
                            endorsements.add(x.asString());
                        }
                    }
                }
                out.put(jwk.getKeyID(), new Key(rsa, Set.copyOf(endorsements)));
            } catch (ParseException | RuntimeException skipped) {
                // a key Kept cannot use is no reason to refuse the others
            }
        }
        if (out.isEmpty()) {
            throw new IOException("JWKS has no usable RSA key");
        }
        return Map.copyOf(out);
    }

    private JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("GET " + uri + " did not answer a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IOException("GET " + uri + " did not answer JSON", e);
        }
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String excerpt(String s) {
        if (s == null) {
            return "(none)";
        }
        String clean = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return clean.length() <= 32 ? clean : clean.substring(0, 32) + "…";
    }
}
