package dev.kept.slack;

import dev.kept.KeptApplication;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With Redis unreachable, Kept still acks and tells the person plainly that nothing was saved. */
class SlackRedisDownTest {

    static final FakeSlackApi slack = FakeSlackApi.start();

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void anUnreachableStoreGetsAClearAnswer() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (ConfigurableApplicationContext kept = new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0", "--kept.slack.bot-token=xoxb-down", "--kept.slack.app-token=",
                "--kept.slack.signing-secret=s", "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=redis://127.0.0.1:" + deadPort, "--kept.redis.timeout=500ms")) {
            int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
            String body = SlackRequests.slashCommandBody("T123", "U111", "alice", "/promise",
                    "<@U222|bob> the deck by friday", slack.responseUrl("down"), "t", "C0GENERAL");
            var response = SlackRequests.post(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/slack/events"), "s", SlackRequests.nowSeconds(),
                    SlackRequests.FORM, body);
            assertThat(response.statusCode()).isEqualTo(200);
            var answer = await().atMost(Duration.ofSeconds(15))
                    .until(() -> slack.last(FakeSlackApi.RESPONSE_URL).orElse(null), c -> c != null);
            assertThat(answer.mentions("can't reach my storage")).isTrue();
            assertThat(answer.mentions("nothing was saved")).isTrue();
            assertThat(slack.calls("chat.postMessage")).isEmpty();
        }
    }
}
