package dev.kept.teams;

import dev.kept.testing.MutableClock;
import dev.kept.testing.teams.FakeBotFramework;
import dev.kept.testing.teams.FakeBotFramework.TokenBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real validation code against the fake Bot Framework's OpenID metadata and JWKS, over HTTP. */
class BotTokenValidatorTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    static FakeBotFramework fake;
    MutableClock clock;
    BotTokenValidator validator;

    @BeforeAll
    static void startFake() {
        fake = FakeBotFramework.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        clock = new MutableClock(T0);
        validator = new BotTokenValidator(fake.settings(), BotTokenValidator.defaultHttpClient(), clock);
    }

    @Test
    void aCorrectlySignedTokenIsAccepted() {
        BotTokenValidator.Verified v = validator.validate(fake.authorization(T0), "msteams", fake.serviceUrl());

        assertThat(v.appId()).isEqualTo(fake.appId());
        assertThat(v.audience()).isEqualTo(fake.appId());
        assertThat(v.serviceUrl()).isEqualTo(fake.serviceUrl());
        assertThat(v.channelId()).isEqualTo("msteams");
        assertThat(v.keyId()).isEqualTo(fake.signingKeyId());
        assertThat(v.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(fake.metadataFetches()).isEqualTo(1);
        assertThat(fake.keyFetches()).isEqualTo(1);
    }

    @Test
    void theServiceUrlMayDifferByOneTrailingSlash() {
        String withSlash = fake.serviceUrl();
        String without = withSlash.substring(0, withSlash.length() - 1);

        validator.validate(fake.token(T0).serviceUrl(without).authorization(), "msteams", withSlash);
        validator.validate(fake.token(T0).serviceUrl(withSlash).authorization(), "msteams", without);
    }

    @Test
    void keysAreFetchedOnceForManyTokens() {
        for (int i = 0; i < 20; i++) {
            validator.validate(fake.authorization(T0), "msteams", fake.serviceUrl());
        }
        assertThat(fake.keyFetches()).isEqualTo(1);
    }

    @Test
    void upToFiveMinutesOfClockSkewIsForgiven() {
        String expiredFourMinutesAgo = fake.token(T0).notBefore(T0.minus(Duration.ofHours(1)))
                .expires(T0.minus(Duration.ofMinutes(4))).authorization();
        String validFromInFourMinutes = fake.token(T0).notBefore(T0.plus(Duration.ofMinutes(4)))
                .expires(T0.plus(Duration.ofHours(1))).authorization();

        validator.validate(expiredFourMinutesAgo, "msteams", fake.serviceUrl());
        validator.validate(validFromInFourMinutes, "msteams", fake.serviceUrl());
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("no header", f -> null, 401, "no Authorization"),
                refused("blank header", f -> "  ", 401, "no Authorization"),
                refused("Basic scheme", f -> "Basic " + Base64.getEncoder().encodeToString(
                        (f.appId() + ":" + f.appPassword()).getBytes(StandardCharsets.UTF_8)), 401, "not a Bearer"),
                refused("Bearer without token", f -> "Bearer ", 401, "Bearer"),
                refused("not a JWT", f -> "Bearer not.a.jwt", 401, "not a signed JWT"),
                refused("raw token without scheme", f -> f.token(T0).jwt(), 401, "not a Bearer"),
                refused("expired", f -> f.token(T0).expired().authorization(), 401, "expired"),
                refused("not yet valid", f -> f.token(T0).notYetValid().authorization(), 401, "not valid yet"),
                refused("wrong audience", f -> f.token(T0).wrongAudience().authorization(), 401, "not addressed"),
                refused("wrong issuer", f -> f.token(T0).wrongIssuer().authorization(), 401, "issuer"),
                refused("issuer with trailing slash", f -> f.token(T0).issuer("https://api.botframework.com/")
                        .authorization(), 401, "issuer"),
                refused("unknown key id", f -> f.token(T0).unknownKey().authorization(), 401, "unknown key"),
                refused("bad signature", f -> f.token(T0).badSignature().authorization(), 401, "signature"),
                refused("tampered payload", f -> tamper(f.token(T0).jwt()), 401, "signature"),
                refused("HS256", f -> f.token(T0).hs256().authorization(), 401, "RS256"),
                refused("alg none", f -> f.token(T0).algNone().authorization(), 401, "not a signed JWT"),
                refused("key not endorsed for msteams", f -> f.token(T0).webchatOnlyKey().authorization(), 403, "endorsed"),
                refused("serviceUrl of another region", f -> f.token(T0).otherServiceUrl().authorization(), 403, "serviceUrl"));
    }

    private static Arguments refused(String name, Function<FakeBotFramework, String> header, int status,
                                     String reason) {
        return Arguments.of(name, header, status, reason);
    }

    /** Swaps the payload for one with another audience, keeping header and signature. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"exp\":", "\"x\":1,\"exp\":");
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusedTokens")
    void invalidTokensAreRefused(String name, Function<FakeBotFramework, String> header, int status, String reason) {
        String authorization = header.apply(fake);

        TeamsAuthException e = catchThrowableOfType(TeamsAuthException.class,
                () -> validator.validate(authorization, "msteams", fake.serviceUrl()));

        assertThat(e).as(name).isNotNull();
        assertThat(e.status()).as(name + ": " + e.reason()).isEqualTo(status);
        assertThat(e.reason()).as(name).contains(reason);
        if (authorization != null && authorization.length() > 20) {
            String token = authorization.replaceFirst("^\\S+\\s+", "");
            assertThat(e.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[0]);
        }
    }

    @Test
    void aValidTokenForAnotherChannelIsForbidden() {
        assertThatThrownBy(() -> validator.validate(fake.authorization(T0), "webchat", fake.serviceUrl()))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> validator.validate(fake.authorization(T0), null, fake.serviceUrl()))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void anActivityWithoutServiceUrlIsForbidden() {
        assertThatThrownBy(() -> validator.validate(fake.authorization(T0), "msteams", null))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aTokenWithoutServiceUrlClaimIsForbidden() {
        assertThatThrownBy(() -> validator.validate(fake.token(T0).serviceUrl(null).authorization(), "msteams",
                fake.serviceUrl()))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aRotatedKeyIsPickedUpByARefresh() {
        try (FakeBotFramework own = FakeBotFramework.start()) {
            BotTokenValidator v = new BotTokenValidator(own.settings(), BotTokenValidator.defaultHttpClient(), clock);
            v.validate(own.authorization(T0), "msteams", own.serviceUrl());
            assertThat(own.keyFetches()).isEqualTo(1);

            String newKid = own.rotateKey(true);
            clock.advance(Duration.ofMinutes(2));
            BotTokenValidator.Verified verified = v.validate(own.authorization(clock.instant()), "msteams",
                    own.serviceUrl());

            assertThat(verified.keyId()).isEqualTo(newKid);
            assertThat(own.keyFetches()).isEqualTo(2);
        }
    }

    @Test
    void aKeyRotatedWithinTheMinuteOfTheLastFetchWaitsForTheMinute() {
        try (FakeBotFramework own = FakeBotFramework.start()) {
            BotTokenValidator v = new BotTokenValidator(own.settings(), BotTokenValidator.defaultHttpClient(), clock);
            v.validate(own.authorization(T0), "msteams", own.serviceUrl());
            own.rotateKey(false);

            assertThatThrownBy(() -> v.validate(own.authorization(T0), "msteams", own.serviceUrl()))
                    .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(401));
            clock.advance(Duration.ofSeconds(59));
            assertThatThrownBy(() -> v.validate(own.authorization(clock.instant()), "msteams", own.serviceUrl()))
                    .isInstanceOf(TeamsAuthException.class);
            assertThat(own.keyFetches()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            v.validate(own.authorization(clock.instant()), "msteams", own.serviceUrl());
            assertThat(own.keyFetches()).isEqualTo(2);
        }
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesAtMostOnceAMinute() {
        validator.validate(fake.authorization(T0), "msteams", fake.serviceUrl());
        assertThat(fake.keyFetches()).isEqualTo(1);

        for (int i = 0; i < 50; i++) {
            String bad = fake.token(clock.instant()).unknownKey().authorization();
            assertThatThrownBy(() -> validator.validate(bad, "msteams", fake.serviceUrl()))
                    .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(401));
            clock.advance(Duration.ofMillis(500)); // 25 s in all
        }
        assertThat(fake.keyFetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(36));
        for (int i = 0; i < 50; i++) {
            String bad = fake.token(clock.instant()).unknownKey().authorization();
            assertThatThrownBy(() -> validator.validate(bad, "msteams", fake.serviceUrl()))
                    .isInstanceOf(TeamsAuthException.class);
        }
        assertThat(fake.keyFetches()).isEqualTo(2);
        // the known key still works throughout
        validator.validate(fake.authorization(clock.instant()), "msteams", fake.serviceUrl());
        assertThat(fake.keyFetches()).isEqualTo(2);
    }

    @Test
    void keysAreFetchedAgainAfterADay() {
        validator.validate(fake.authorization(T0), "msteams", fake.serviceUrl());
        clock.advance(Duration.ofHours(23));
        validator.validate(fake.authorization(clock.instant()), "msteams", fake.serviceUrl());
        assertThat(fake.keyFetches()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        validator.validate(fake.authorization(clock.instant()), "msteams", fake.serviceUrl());
        assertThat(fake.keyFetches()).isEqualTo(2);
    }

    @Test
    void unreachableMetadataRefusesEveryToken() {
        String metadata = "http://127.0.0.1:" + BotConnectorTest.closedPort() + "/openid";
        String authorization = fake.authorization(T0);
        String serviceUrl = fake.serviceUrl();
        BotTokenValidator v = new BotTokenValidator(fake.appId(), metadata, BotTokenValidator.defaultHttpClient(),
                clock);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> v.validate(authorization, "msteams", serviceUrl))
                    .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }
}
