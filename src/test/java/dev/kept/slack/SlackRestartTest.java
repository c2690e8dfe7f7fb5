package dev.kept.slack;

import dev.kept.KeptApplication;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept is stopped and started again on the same Redis: what was promised is still there. Runs on
 * the real clock, like a real deployment.
 */
class SlackRestartTest {

    static final String SECRET = "restart-secret";
    static final FakeSlackApi slack = FakeSlackApi.start();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        slack.close();
    }

    ConfigurableApplicationContext startKept() {
        return new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.slack.bot-token=xoxb-restart",
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + SECRET,
                "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=" + TestRedis.url());
    }

    void slash(ConfigurableApplicationContext kept, String user, String text) {
        int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
        String body = SlackRequests.slashCommandBody("T123", user, user, "/promise", text, slack.responseUrl("r"), "t", "C0GENERAL");
        var response = SlackRequests.post(http, URI.create("http://127.0.0.1:" + port + "/slack/events"), SECRET,
                SlackRequests.nowSeconds(), SlackRequests.FORM, body);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    Call awaitResponse() {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.last(FakeSlackApi.RESPONSE_URL).orElse(null), c -> c != null);
    }

    @Test
    void promisesSurviveARestart() {
        TestRedis.flushAll();
        String id;
        try (ConfigurableApplicationContext first = startKept()) {
            slash(first, "U111", "<@U222|bob> send the Q3 deck by friday 3pm");
            Matcher m = Pattern.compile("\\(promise \\*([A-Z0-9]{4,})\\*\\)").matcher(awaitResponse().body());
            assertThat(m.find()).as("the confirmation names the promise id").isTrue();
            id = m.group(1);
        }
        slack.reset();
        try (ConfigurableApplicationContext second = startKept()) {
            slash(second, "U111", "list");
            Call list = awaitResponse();
            assertThat(list.mentions(id)).isTrue();
            assertThat(list.mentions("send the Q3 deck")).isTrue();
        }
    }
}
