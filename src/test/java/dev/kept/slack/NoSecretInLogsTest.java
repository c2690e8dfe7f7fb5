package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.KeptApplication;
import dev.kept.testing.MutableClock;
import dev.kept.testing.TestClockConfiguration;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.SlackRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Kept's logs never carry its secrets. Kept is started whole in HTTP mode with known fake secrets (bot
 * token, signing secret, and a Redis URL whose password the Redis really requires), is driven through
 * commands, a button, a DM, a form, a badly signed request, a request with a stale timestamp, and a Redis
 * outage; everything it writes to the console (its log, Spring's, Lettuce's and the Slack SDK's, at their
 * default levels, and again with those at DEBUG) is captured, and none of the secrets appears in it, raw, URL-encoded or in Base64.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretInLogsTest {

    static final String BOT_TOKEN = "xoxb-1111-2222-LeakCanaryBotToken";
    static final String SIGNING_SECRET = "LeakCanarySigningSecret8f3a1c";
    /** Characters that URL encoding changes, so the encoded form is checked as well. */
    static final String REDIS_PASSWORD = "LeakCanary+Redis/pw=1";
    static final String TEAM = "T123";

    final FakeSlackApi slack = FakeSlackApi.start();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    RedisServer redis;
    ConfigurableApplicationContext kept;

    @AfterEach
    void stop() throws IOException {
        if (kept != null) {
            kept.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
        slack.close();
    }

    /** The loggers the DEBUG run turns up: the Slack SDK (it logs requests), Lettuce and Redis (connections), Kept. */
    static final List<String> DEBUG_LOGGERS = List.of("com.slack.api", "io.lettuce", "org.springframework.data.redis",
            "dev.kept");

    @AfterEach
    void defaultLevels() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        DEBUG_LOGGERS.forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void noSecretAppearsInAnyLogLine(CapturedOutput output) throws Exception {
        run(output);
    }

    /**
     * The same at DEBUG. The Slack SDK then logs the first 16 characters of the bot token ("token:
     * xoxb-1111-2222-L..."), by its own design: in a real token that is the public team and bot numbers,
     * before the random part. Nothing of the random part ({@code LeakCanaryBotToken} here) may appear.
     */
    @Test
    void noSecretAppearsInAnyLogLineAtDebugLevel(CapturedOutput output) throws Exception {
        List<String> args = new java.util.ArrayList<>();
        DEBUG_LOGGERS.forEach(name -> args.add("--logging.level." + name + "=DEBUG"));
        run(output, args.toArray(String[]::new));
        assertThat(output.getAll()).as("the DEBUG run logged at DEBUG").contains("DEBUG")
                .doesNotContain("eakCanaryBot");
    }

    void run(CapturedOutput output, String... extraArgs) throws Exception {
        int redisPort = TestRedis.freePort();
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"").setting("appendonly no").setting("requirepass " + REDIS_PASSWORD).build();
        redis.start();
        String redisUrl = "redis://:" + URLEncoder.encode(REDIS_PASSWORD, StandardCharsets.UTF_8) + "@127.0.0.1:" + redisPort;

        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--kept.slack.bot-token=" + BOT_TOKEN, "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + SIGNING_SECRET, "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=" + redisUrl, "--kept.redis.timeout=500ms",
                "--management.endpoint.health.show-details=always"));
        args.addAll(List.of(extraArgs));
        kept = new SpringApplicationBuilder(KeptApplication.class, TestClockConfiguration.class)
                .run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
        MutableClock clock = kept.getBean(MutableClock.class);
        URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        long now = clock.instant().getEpochSecond();

        // Commands that work: the password really opened Redis, and the token reached Slack.
        post(events, now, SIGNING_SECRET, slashBody("<@U222|bob> the Q3 deck by friday 3pm", "made"));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls(FakeSlackApi.RESPONSE_URL).stream()
                .anyMatch(c -> c.mentions("You promised")));
        assertThat(slack.calls("chat.postMessage")).anyMatch(c -> c.authorization().contains(BOT_TOKEN));
        post(events, now, SIGNING_SECRET, slashBody("list", "list"));
        post(events, now, SIGNING_SECRET, slashBody("done NOPE", "done"));
        post(events, now, SIGNING_SECRET, SlackRequests.messageImEventBody(TEAM, "U222", "DU222", "help", "1763800000.000001"));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.count(FakeSlackApi.RESPONSE_URL) >= 3);

        // Requests that are refused: a wrong signature, a stale timestamp.
        assertThat(post(events, now, "not-the-secret", slashBody("list", "forged")).statusCode()).isEqualTo(401);
        assertThat(post(events, now - 3600, SIGNING_SECRET, slashBody("list", "stale")).statusCode()).isEqualTo(401);

        // Redis goes away: commands are still answered, and Lettuce tries to reconnect.
        redis.stop();
        post(events, now, SIGNING_SECRET, slashBody("<@U222|bob> the budget by friday", "down"));
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls(FakeSlackApi.RESPONSE_URL).stream()
                .anyMatch(c -> c.mentions("can't reach my storage")));
        assertThat(get(URI.create("http://127.0.0.1:" + port + "/actuator/health")).statusCode()).isEqualTo(503);
        kept.close();
        kept = null;

        String logs = output.getAll();
        assertThat(logs).as("the capture saw Kept's log").contains("Slack: HTTP mode")
                .as("and the refused requests").contains("wrong or stale Slack signature")
                .as("and Lettuce losing the Redis whose URL carries the password").contains(":" + redisPort);
        for (String secret : List.of(BOT_TOKEN, SIGNING_SECRET, REDIS_PASSWORD)) {
            for (String form : forms(secret)) {
                assertThat(logs).as("a form of a secret in the logs").doesNotContain(form);
            }
        }
    }

    /** The secret as it could be written: raw, URL-encoded, Base64, and its distinctive middle part. */
    static List<String> forms(String secret) {
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                secret.substring(secret.length() / 3, secret.length() / 3 + 8));
    }

    String slashBody(String text, String id) {
        return SlackRequests.slashCommandBody(TEAM, "U111", "u111", "/promise", text, slack.responseUrl(id),
                "trigger-" + id, "C0GENERAL");
    }

    HttpResponse<String> post(URI events, long timestamp, String secret, String body) {
        String type = body.startsWith("{") ? SlackRequests.JSON : SlackRequests.FORM;
        return SlackRequests.post(http, events, secret, timestamp, type, body);
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
