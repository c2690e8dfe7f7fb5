package dev.kept.teams;

import dev.kept.KeptApplication;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.SlackRequests;
import dev.kept.testing.teams.FakeBotFramework;
import dev.kept.testing.teams.FakeBotFramework.FakeUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Teams runs when it is configured, beside Slack if Slack is too; a half-given Teams says what to set. */
class TeamsModesTest {

    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotFramework teams = FakeBotFramework.start().withDefaultUsers();

    @AfterAll
    static void stop() {
        slack.close();
        teams.close();
    }

    @Test
    void aHalfConfiguredTeamsStopsKeptAndSaysWhatToSet() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.teams.app-id=" + teams.appId(),
                "--kept.redis.url=" + TestRedis.url()))
                .hasRootCauseInstanceOf(TeamsConfiguration.TeamsSettingsMissingException.class)
                .rootCause().hasMessageContaining("TEAMS_APP_PASSWORD is not set")
                .hasMessageContaining("TEAMS_TENANT_ID is not set")
                .hasMessageNotContaining("TEAMS_APP_ID is not set");
    }

    @Test
    void slackAndTeamsRunTogetherAndTheirPeopleNeverMix() {
        TestRedis.flushAll();
        slack.reset();
        slack.withDefaultUsers();
        teams.reset();
        try (ConfigurableApplicationContext kept = new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.slack.bot-token=xoxb-both",
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=both-secret",
                "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.teams.app-id=" + teams.appId(),
                "--kept.teams.app-password=" + teams.appPassword(),
                "--kept.teams.tenant-id=" + teams.tenantId(),
                "--kept.teams.open-id-metadata-url=" + teams.openIdMetadataUrl(),
                "--kept.teams.token-url=" + teams.tokenUrl(),
                "--kept.teams.allow-loopback-http=true",
                "--kept.redis.url=" + TestRedis.url())) {
            assertThat(kept.containsBean("boltApp")).isTrue();
            assertThat(kept.getBeansOfType(TeamsController.class)).hasSize(1);
            int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
            Instant now = Instant.now();

            FakeUser alice = teams.user("29:1alice").orElseThrow();
            FakeUser carol = teams.user("29:1carol").orElseThrow();
            String api = "http://127.0.0.1:" + port + "/api/messages";
            teams.post(api, teams.message(carol, "hi", now), now);
            teams.post(api, teams.message(alice, "promise @carol the budget by friday 3pm", now), now);
            await().atMost(Duration.ofSeconds(15)).until(() -> teams.sent(FakeBotFramework.conversationIdFor(carol.id()))
                    .stream().anyMatch(s -> s.mentions("promised you")));

            String body = SlackRequests.slashCommandBody("T123", "U111", "alice", "/promise",
                    "<@U222|bob> the board pack by friday 3pm", slack.responseUrl("both"), "trigger-both", "C0GENERAL");
            assertThat(SlackRequests.post(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/slack/events"),
                    "both-secret", now.getEpochSecond(), SlackRequests.FORM, body).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> slack.calls("chat.postMessage").stream()
                    .anyMatch(c -> "U222".equals(c.param("channel")) && c.mentions("promised you")));

            // Each platform heard only of its own people.
            assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.mentions("the budget"));
            assertThat(teams.sent()).noneMatch(s -> s.mentions("the board pack"));
            assertThat(TestRedis.snapshot(TestRedis.template()).keySet())
                    .anyMatch(k -> k.contains("{teams:" + teams.tenantId() + "}:promise:"))
                    .anyMatch(k -> k.contains("{slack:T123}:promise:"));
        }
    }
}
