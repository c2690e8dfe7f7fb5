package dev.kept.playground;

import dev.kept.KeptApplication;
import dev.kept.slack.SlackSettingsMissingException;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;

import static dev.kept.playground.PlaygroundBrowser.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which adapters run follows from the settings: Slack, the playground, or both. */
class KeptModesTest {

    static final FakeSlackApi slack = FakeSlackApi.start();

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void aHalfConfiguredSlackStillStopsKeptAndSaysWhatToSet() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.slack.bot-token=xoxb-half",
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=",
                "--kept.redis.url=" + TestRedis.url()))
                .hasRootCauseInstanceOf(SlackSettingsMissingException.class)
                .rootCause().hasMessageContaining("Neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set");
    }

    @Test
    void besideSlackThePlaygroundRunsOnRealTimeAndKeepsItsPeopleToItself() {
        TestRedis.flushAll();
        slack.reset();
        slack.withDefaultUsers();
        try (ConfigurableApplicationContext kept = new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.slack.bot-token=xoxb-both",
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=both-secret",
                "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.playground.enabled=true",
                "--kept.redis.url=" + TestRedis.url())) {
            assertThat(kept.containsBean("boltApp")).isTrue();
            assertThat(kept.getBean(Clock.class)).isNotInstanceOf(PlaygroundClock.class);
            int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
            PlaygroundBrowser alice = new PlaygroundBrowser(port, "alice");

            assertThat(alice.get("/").status()).isEqualTo(404);
            PlaygroundBrowser.Page page = alice.page();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("Local playground.", "beside Slack", "it can't be moved here")
                    .doesNotContain("Jump to the next nudge");

            PlaygroundBrowser.Page refused = alice.clock("day");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(unescape(refused.html())).contains(PlaygroundController.CLOCK_IS_REAL);

            alice.say("/promise @bob the Q3 deck in 3 hours");
            assertThat(alice.as("bob").page().buttons()).anyMatch(b -> b.label().equals("Sounds good"));
            assertThat(slack.calls("chat.postMessage")).as("playground people never reach Slack").isEmpty();
        }
    }
}
