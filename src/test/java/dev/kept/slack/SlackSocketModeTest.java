package dev.kept.slack;

import dev.kept.KeptApplication;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.FakeSocketModeServer;
import dev.kept.testing.slack.FakeSocketModeServer.Received;
import dev.kept.testing.slack.SlackAwait;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept started whole in Socket Mode: it asks the fake Web API for a WebSocket URL with its app token, dials the
 * fake Socket Mode server, takes a slash command and a DM event as envelopes, acks them over the socket and
 * answers through the Web API; POST /slack/events is closed; stopping Kept closes the socket.
 */
class SlackSocketModeTest {

    static final String APP_TOKEN = "xapp-1-test";
    static final String TEAM = "T123";
    static final Duration WAIT = Duration.ofSeconds(15);

    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeSocketModeServer socket = FakeSocketModeServer.start();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void pointSlackAtTheSocket() {
        slack.socketModeUrl(socket.url());
    }

    @AfterAll
    static void stopFakes() {
        socket.close();
        slack.close();
    }

    static ConfigurableApplicationContext startKept() {
        return new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--kept.slack.bot-token=xoxb-socket-test",
                "--kept.slack.app-token=" + APP_TOKEN,
                "--kept.slack.signing-secret=",
                "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=" + TestRedis.url());
    }

    @Test
    void keptTakesCommandsAndEventsOverTheSocketAndHangsUpWhenStopped() {
        TestRedis.flushAll();
        List<Call> opens;
        try (ConfigurableApplicationContext kept = startKept()) {
            await("the Socket Mode connection").atMost(WAIT).until(socket::isConnected);
            // The SDK asks for a URL twice on start (client constructor, then connectToNewEndpoint), both with
            // the app token; only the last URL is dialled.
            opens = slack.calls(FakeSlackApi.APPS_CONNECTIONS_OPEN);
            assertThat(opens).isNotEmpty().allSatisfy(c -> assertThat(c.authorization())
                    .as("apps.connections.open is called with the app token").isEqualTo("Bearer " + APP_TOKEN));
            assertThat(socket.connectionPaths()).singleElement().asString().startsWith("/link/");

            // A slash command arrives as an envelope: acked over the socket, answered through the Web API.
            String responseUrl = slack.responseUrl("socket-promise");
            String command = socket.sendSlashCommand(TEAM, "U111", "alice", "/promise",
                    "<@U222|bob> send the Q3 deck by friday 3pm", responseUrl, "trigger-socket-1", "C0GENERAL");
            Received ack = await("the ack of the slash command").atMost(WAIT)
                    .until(() -> socket.ack(command).orElse(null), a -> a != null);
            assertThat(ack.json().get("envelope_id").getAsString()).isEqualTo(command);
            assertThat(ack.payload()).as("a bare ack: the answer goes to the response_url").isEmpty();
            Call toBob = SlackAwait.call(slack, "chat.postMessage", c -> "U222".equals(c.param("channel")), WAIT);
            assertThat(toBob.mentions("Q3 deck")).isTrue();
            assertThat(toBob.authorization()).isEqualTo("Bearer xoxb-socket-test");
            Call confirmation = SlackAwait.call(slack, FakeSlackApi.RESPONSE_URL,
                    c -> "socket-promise".equals(c.param("response_url_id")), WAIT);
            assertThat(confirmation.mentions("You promised")).isTrue();
            assertThat(socket.ackCount(command)).isEqualTo(1);

            // A DM to Kept arrives as an events_api envelope; the answer is posted in the DM.
            String event = socket.sendEvent(SlackRequests.messageImEventBody(TEAM, "U111", "DU111", "list",
                    "1763800000.000200"));
            await("the ack of the DM event").atMost(WAIT).until(() -> socket.ack(event).isPresent());
            Call list = SlackAwait.call(slack, "chat.postMessage", c -> "DU111".equals(c.param("channel")), WAIT);
            assertThat(list.mentions("Your open promises")).isTrue();
            assertThat(list.mentions("send the Q3 deck")).isTrue();
            assertThat(socket.ackCount(event)).isEqualTo(1);

            // In Socket Mode nothing is taken over HTTP.
            int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
            String body = SlackRequests.slashCommandBody(TEAM, "U111", "alice", "/promise", "list",
                    slack.responseUrl("http-refused"), "trigger-http", "C0GENERAL");
            HttpResponse<String> http404 = SlackRequests.postWithSignature(http,
                    URI.create("http://127.0.0.1:" + port + "/slack/events"), null, SlackRequests.nowSeconds(),
                    SlackRequests.FORM, body);
            assertThat(http404.statusCode()).isEqualTo(404);
            assertThat(http404.body()).contains("Socket Mode");
            assertThat(slack.calls(FakeSlackApi.RESPONSE_URL))
                    .noneMatch(c -> "http-refused".equals(c.param("response_url_id")));

            assertThat(socket.errors()).isEmpty();
        }

        // Stopping Kept hangs up, does not dial again, and leaves no WebSocket client thread behind.
        await("the socket closed by Kept").atMost(WAIT).until(() -> socket.openConnections() == 0);
        assertThat(socket.connectionsOpened()).isEqualTo(1);
        assertThat(slack.count(FakeSlackApi.APPS_CONNECTIONS_OPEN)).isEqualTo(opens.size());
        await("the WebSocket client threads to end").atMost(WAIT).until(() -> webSocketClientThreads().isEmpty());
    }

    /** Java-WebSocket's client threads (WebSocketConnectReadThread-N, WebSocketWriteThread-N) still alive. */
    static List<String> webSocketClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("WebSocketConnectReadThread") || n.startsWith("WebSocketWriteThread"))
                .toList();
    }
}
