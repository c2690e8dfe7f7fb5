package dev.kept.teams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Kept's own token for calling the Bot Connector: OAuth 2 client credentials (app id and password) against the
 * tenant's token endpoint, scope {@value #SCOPE}. The token is kept until {@value #MARGIN_MINUTES} minutes before
 * it expires (by the injected clock); one thread fetches at a time while the others wait for its result.
 * Neither the password nor the token is ever logged.
 */
public final class AppTokens {

    public static final String SCOPE = "https://api.botframework.com/.default";
    static final long MARGIN_MINUTES = 5;
    static final Duration MARGIN = Duration.ofMinutes(MARGIN_MINUTES);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(AppTokens.class);

    /** The token endpoint did not hand out a token. */
    public static class AppTokenException extends RuntimeException {
        private final boolean transientFailure;

        AppTokenException(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }

        /** True when trying again later may help (network, 429, 5xx); false for refused credentials. */
        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private record Cached(String token, Instant refreshAt) {
    }

    private final URI tokenUrl;
    private final String appId;
    private final String appPassword;
    private final HttpClient http;
    private final Clock clock;
    private volatile Cached cached;

    public AppTokens(String tokenUrl, String appId, String appPassword, HttpClient http, Clock clock) {
        if (appId == null || appId.isBlank() || appPassword == null || appPassword.isBlank()) {
            throw new IllegalArgumentException("the Teams app id and password are required for app tokens");
        }
        this.tokenUrl = URI.create(tokenUrl);
        this.appId = appId.strip();
        this.appPassword = appPassword;
        this.http = http;
        this.clock = clock;
    }

    public AppTokens(TeamsSettings settings, HttpClient http, Clock clock) {
        this(settings.tokenUrl(), settings.appId(), settings.appPassword(), http, clock);
    }

    /**
     * A valid app token, fetched when there is none or the one held expires within five minutes.
     *
     * @throws AppTokenException when the token endpoint does not give one
     */
    public String token() {
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.refreshAt())) {
            return c.token();
        }
        synchronized (this) {
            c = cached;
            if (c != null && clock.instant().isBefore(c.refreshAt())) {
                return c.token();
            }
            cached = fetch();
            return cached.token();
        }
    }

    /** Forgets the token held, e.g. after the Bot Connector refused it; the next {@link #token()} fetches one. */
    public void invalidate() {
        cached = null;
    }

    private Cached fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + enc(appId)
                + "&client_secret=" + enc(appPassword)
                + "&scope=" + enc(SCOPE);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AppTokenException("token endpoint unreachable: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppTokenException("interrupted while fetching an app token", true, e);
        }
        int status = response.statusCode();
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (status != 200) {
            String error = body != null && body.path("error").isString() ? body.path("error").asString() : "";
            boolean again = status == 429 || status >= 500;
            throw new AppTokenException("token endpoint answered HTTP " + status
                    + (error.isEmpty() ? "" : " (" + safe(error) + ")"), again, null);
        }
        JsonNode token = body == null ? null : body.get("access_token");
        if (token == null || !token.isString() || token.asString().isBlank()) {
            throw new AppTokenException("token endpoint answered without an access_token", true, null);
        }
        long expiresIn = body.path("expires_in").isNumber() ? body.path("expires_in").asLong()
                : body.path("expires_in").isString() ? parseLong(body.path("expires_in").asString()) : 0;
        if (expiresIn <= 0) {
            expiresIn = 300; // nothing said: keep it briefly rather than fetch on every call
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? MARGIN : lifetime.dividedBy(2);
        log.debug("app token fetched, valid for {} s", expiresIn);
        return new Cached(token.asString(), asked.plus(lifetime).minus(margin));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String safe(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9._-]", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40);
    }
}
