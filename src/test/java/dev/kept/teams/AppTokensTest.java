package dev.kept.teams;

import dev.kept.testing.MutableClock;
import dev.kept.testing.teams.FakeBotFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client credentials against the fake token endpoint, over HTTP, with a clock the test moves. */
class AppTokensTest {

    static FakeBotFramework fake;
    MutableClock clock;
    AppTokens tokens;

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
        fake.tokenLifetime(Duration.ofHours(1));
        clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        tokens = new AppTokens(fake.settings(), BotTokenValidator.defaultHttpClient(), clock);
    }

    @Test
    void theTokenIsFetchedOnceAndKept() {
        String first = tokens.token();
        String again = tokens.token();

        assertThat(first).startsWith("fake-app-token-");
        assertThat(again).isEqualTo(first);
        assertThat(fake.tokenCalls()).isEqualTo(1);
    }

    @Test
    void theTokenIsRenewedFiveMinutesBeforeItExpires() {
        String first = tokens.token();

        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(tokens.token()).isEqualTo(first);
        assertThat(fake.tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        String renewed = tokens.token();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(fake.tokenCalls()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.token()).isEqualTo(renewed);
        assertThat(fake.tokenCalls()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsKeptForHalfItsLife() {
        fake.tokenLifetime(Duration.ofMinutes(4));
        String first = tokens.token();
        clock.advance(Duration.ofMinutes(1).plusSeconds(59));
        assertThat(tokens.token()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(fake.tokenCalls()).isEqualTo(2);
    }

    @Test
    void invalidateFetchesAFreshToken() {
        String first = tokens.token();
        tokens.invalidate();
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(fake.tokenCalls()).isEqualTo(2);
    }

    @Test
    void manyThreadsAtOnceCauseOneFetch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(tokens::token);
            }
            Set<String> seen = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                seen.add(f.get());
            }
            assertThat(seen).hasSize(1);
            assertThat(fake.tokenCalls()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordIsAPermanentFailureThatNamesNoSecret() {
        AppTokens wrong = new AppTokens(fake.tokenUrl(), fake.appId(), "not-the-password",
                BotTokenValidator.defaultHttpClient(), clock);

        assertThatThrownBy(wrong::token)
                .isInstanceOfSatisfying(AppTokens.AppTokenException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).contains("401").contains("invalid_client")
                            .doesNotContain("not-the-password");
                });
    }

    @Test
    void anUnreachableEndpointIsATransientFailure() {
        String url = "http://127.0.0.1:" + BotConnectorTest.closedPort() + "/token";
        AppTokens t = new AppTokens(url, fake.appId(), fake.appPassword(), BotTokenValidator.defaultHttpClient(),
                clock);

        assertThatThrownBy(t::token)
                .isInstanceOfSatisfying(AppTokens.AppTokenException.class,
                        e -> assertThat(e.transientFailure()).isTrue());
    }
}
