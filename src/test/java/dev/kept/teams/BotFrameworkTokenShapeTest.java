package dev.kept.teams;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.kept.testing.MutableClock;
import dev.kept.testing.teams.FakeBotFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 20: the fake Bot Framework and Kept's validator must both agree with the token Microsoft really issues, as
 * written down in {@code teams/real/connector-token.json} (claim names from Microsoft's SDKs, shape from its docs),
 * not merely with each other.
 */
class BotFrameworkTokenShapeTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    static FakeBotFramework fake;
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
        validator = new BotTokenValidator(fake.settings(), BotTokenValidator.defaultHttpClient(), new MutableClock(T0));
    }

    private static JsonNode example() {
        return FakeBotFramework.tokenShape().get("example");
    }

    private static Set<String> names(JsonNode object) {
        return new LinkedHashSet<>(object.propertyNames());
    }

    @Test
    void theDocumentedTokenCarriesTheClaimsMicrosoftsSdksRead() {
        // The names Microsoft's SDKs use (botbuilder-js AuthenticationConstants), typed here from that source.
        assertThat(names(example().get("payload"))).containsExactlyInAnyOrder("serviceurl", "nbf", "exp", "iss", "aud");
        assertThat(example().get("payload").get("iss").asString()).isEqualTo("https://api.botframework.com");
        assertThat(names(example().get("header"))).contains("alg", "kid");
        // The template the fake fills in has exactly the documented names.
        JsonNode template = FakeBotFramework.tokenShape().get("template");
        assertThat(names(template.get("payload"))).isEqualTo(names(example().get("payload")));
        assertThat(names(template.get("header"))).isEqualTo(names(example().get("header")));
    }

    @Test
    void kepsValidatorReadsTheClaimNamesOfTheDocumentedToken() {
        assertThat(names(example().get("payload"))).contains(BotTokenValidator.SERVICE_URL_CLAIM);
        assertThat(BotTokenValidator.ISSUER).isEqualTo(example().get("payload").get("iss").asString());
        assertThat(BotTokenValidator.ALGORITHMS).contains(JWSAlgorithm.parse(example().get("header").get("alg").asString()));
    }

    @Test
    void theFakeMintsExactlyTheDocumentedClaimsAndHeader() throws Exception {
        SignedJWT jwt = SignedJWT.parse(fake.token(T0).jwt());

        assertThat(jwt.getJWTClaimsSet().getClaims().keySet()).isEqualTo(names(example().get("payload")));
        assertThat(jwt.getHeader().toJSONObject().keySet()).isEqualTo(names(example().get("header")));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("serviceurl")).isEqualTo(fake.serviceUrl());
    }

    @Test
    void aTokenAsTheBotFrameworkMintsItIsAccepted() {
        BotTokenValidator.Verified v = validator.validate(fake.authorization(T0), "msteams", fake.serviceUrl());

        assertThat(v.serviceUrl()).isEqualTo(fake.serviceUrl());
    }

    @Test
    void rs384AndRs512AreAcceptedAsMicrosoftsSdksAcceptThem() {
        for (JWSAlgorithm alg : Set.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512)) {
            assertThat(validator.validate(fake.token(T0).algorithm(alg).authorization(), "msteams", fake.serviceUrl())
                    .serviceUrl()).as(alg.getName()).isEqualTo(fake.serviceUrl());
        }
    }

    @Test
    void aServiceUrlClaimSpelledInCamelCaseIsNotTheBotFrameworksClaim() {
        // What the fake used to mint: a token without "serviceurl" but with "serviceUrl". The SDKs refuse it too.
        String authorization = fake.token(T0).serviceUrl(null).extraClaim("serviceUrl", fake.serviceUrl()).authorization();

        assertThatThrownBy(() -> validator.validate(authorization, "msteams", fake.serviceUrl()))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aWrongServiceurlIsRefused() {
        assertThatThrownBy(() -> validator.validate(fake.token(T0).otherServiceUrl().authorization(), "msteams",
                fake.serviceUrl()))
                .isInstanceOfSatisfying(TeamsAuthException.class, e -> assertThat(e.reason()).contains("serviceurl"));
    }

    @Test
    void keptAsksForItsOwnTokenAsMicrosoftsSdksDo() {
        // botbuilder-js AuthenticationConstants: ToChannelFromBotLoginUrlPrefix, ToChannelFromBotTokenEndpointPath,
        // ToChannelFromBotOAuthScope (+ "/.default" for the v2 endpoint), DefaultChannelAuthTenant for multi-tenant.
        assertThat(AppTokens.SCOPE).isEqualTo("https://api.botframework.com" + "/.default");
        assertThat(TeamsSettings.TOKEN_URL_TEMPLATE)
                .isEqualTo("https://login.microsoftonline.com/" + "{tenantId}" + "/oauth2/v2.0/token");
        assertThat(TeamsSettings.of("app", "secret", "botframework.com").tokenUrl())
                .isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
    }
}
