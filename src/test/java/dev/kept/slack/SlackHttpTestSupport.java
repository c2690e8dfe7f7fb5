package dev.kept.slack;

import dev.kept.KeptApplication;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue;
import dev.kept.testing.MutableClock;
import dev.kept.testing.TestClockConfiguration;
import dev.kept.testing.redis.TestRedis;
import org.springframework.data.redis.core.StringRedisTemplate;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackAwait;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Kept started whole in HTTP mode: real HTTP to /slack/events with requests signed as Slack signs
 * them, a real Redis, and the fake Slack Web API recording what Kept sends.
 */
@SpringBootTest(classes = {KeptApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SlackHttpTestSupport {

    static final String SECRET = "test-signing-secret";
    static final String TEAM = "T123";
    /** The workspace every request here comes from. */
    static final Workspace WS = new Workspace("slack", TEAM);
    /** Monday 23 November 2026, 09:00 UTC: where the test clock starts. */
    static final Instant MONDAY_MORNING = TestClockConfiguration.MONDAY_MORNING;

    static final FakeSlackApi slack = FakeSlackApi.start();
    /** Set (to "" or another URL) by a subclass whose Kept runs on another Redis than {@link TestRedis}. */
    static final String REDIS_URL_OVERRIDE = "kept.test.redis-url";
    private static final AtomicInteger triggers = new AtomicInteger();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    NudgeQueue queue;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kept.slack.bot-token", () -> "xoxb-test-token");
        registry.add("kept.slack.app-token", () -> "");
        registry.add("kept.slack.signing-secret", () -> SECRET);
        registry.add("kept.slack.api-url", slack::baseUrl);
        // a subclass on another Redis sets kept.test.redis-url to "" (its own @DynamicPropertySource runs first,
        // so it cannot simply overwrite kept.redis.url)
        registry.add("kept.redis.url", () -> "${" + REDIS_URL_OVERRIDE + ":" + TestRedis.url() + "}");
    }

    /** The Redis this Kept runs on, as a test sees it; a subclass on another Redis overrides it. */
    StringRedisTemplate redis() {
        return TestRedis.template();
    }

    /** Empties the Redis this Kept runs on before each test. */
    void flushRedis() {
        TestRedis.flushAll();
    }

    @AfterAll
    static void quiet() {
        slack.reset();
        org.slf4j.LoggerFactory.getLogger(SlackHttpTestSupport.class).info("Block Kit judge: {}",
                dev.kept.testing.slack.BlockKitLimits.summary());
    }

    /** Every message and view Kept sent in the test is judged by Slack's Block Kit limits. */
    @org.junit.jupiter.api.AfterEach
    void withinSlacksLimits() {
        org.assertj.core.api.Assertions.assertThat(slack.takeLimitViolations())
                .as("payloads real Slack would refuse").isEmpty();
    }

    @BeforeEach
    void cleanSlate() {
        slack.takeLimitViolations();
        flushRedis();
        slack.reset();
        slack.withDefaultUsers();
        clock.set(MONDAY_MORNING);
    }

    /** Who acted in the interaction a response_url answer belongs to (the ids {@link #slash} and {@link #click} make). */
    static String personAnswered(dev.kept.testing.slack.FakeSlackApi.Call responseUrlCall) {
        String id = responseUrlCall.param("response_url_id");
        String[] parts = id == null ? new String[0] : id.split("-");
        return parts.length == 3 ? parts[1] : "";
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    HttpResponse<String> slash(String userId, String text) {
        String body = SlackRequests.slashCommandBody(TEAM, userId, userId.toLowerCase(), "/promise", text,
                slack.responseUrl("cmd-" + userId + "-" + triggers.incrementAndGet()), "trigger-" + triggers.get(), "C0GENERAL");
        return signedPost(SlackRequests.FORM, body);
    }

    HttpResponse<String> click(String userId, String actionId, String value) {
        String payload = SlackRequests.blockActionPayload(TEAM, userId, actionId, value, "D" + userId,
                "1763800000.000100", "trigger-" + triggers.incrementAndGet(), slack.responseUrl("click-" + userId + "-" + triggers.get()));
        return signedPost(SlackRequests.FORM, SlackRequests.interactionBody(payload));
    }

    HttpResponse<String> directMessage(String userId, String text) {
        return signedPost(SlackRequests.JSON, directMessageBody(userId, text));
    }

    /** A DM event; each gets its own event_ts, and so its own event_id. */
    String directMessageBody(String userId, String text) {
        String eventTs = "1763800000." + String.format("%06d", triggers.incrementAndGet());
        return SlackRequests.messageImEventBody(TEAM, userId, "D" + userId, text, eventTs);
    }

    /** A modal submitted: {@code inputs} maps each input block's id to its value (its action id is the same). */
    HttpResponse<String> submit(String user, String formId, String context,
                                java.util.Map<String, java.util.Map<String, Object>> inputs) {
        java.util.Map<String, java.util.Map<String, Object>> state = new java.util.LinkedHashMap<>();
        inputs.forEach((input, value) -> state.put(input, java.util.Map.of(input, value)));
        return signedPost(SlackRequests.FORM, SlackRequests.interactionBody(
                SlackRequests.viewSubmissionPayload(TEAM, user, formId, context, state)));
    }

    /** A plain-text input's value, as a view submission carries it. */
    static java.util.Map<String, Object> text(String s) {
        return SlackRequests.plainText(s);
    }

    HttpResponse<String> signedPost(String contentType, String body) {
        return SlackRequests.post(http, events(), SECRET, clock.instant().getEpochSecond(), contentType, body);
    }

    /** The first call of {@code method} that matches, once it has come (work follows the answer). */
    static Call awaitCall(String method, Predicate<Call> matching) {
        return SlackAwait.call(slack, method, matching);
    }

    /** A DM Kept opened to {@code user} that matches. */
    static Call awaitDm(String user, Predicate<Call> matching) {
        return SlackAwait.dm(slack, user, matching);
    }

    /** Kept's answer in the DM a person wrote in. */
    static Call awaitAnswerIn(String user, Predicate<Call> matching) {
        return SlackAwait.answerIn(slack, user, matching);
    }

    /** A response_url answer that replaced the message it answered. */
    static Call awaitReplaced(Predicate<Call> matching) {
        return SlackAwait.replaced(slack, matching);
    }

    /** The App Home page published for {@code userId}. */
    static Call awaitHome(String userId) {
        return SlackAwait.home(slack, userId);
    }

    /** Every message Kept has sent so far to {@code user}'s own id (a DM it opened). */
    List<Call> dmsTo(String user) {
        return slack.calls("chat.postMessage").stream().filter(c -> user.equals(c.param("channel"))).toList();
    }

    /** Waits until the next nudge in the queue is due at {@code expected}. */
    void awaitNextDue(Instant expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> org.assertj.core.api.Assertions.assertThat(queue.nextDue()).contains(expected));
    }
}
