package dev.kept.slack;

import dev.kept.KeptApplication;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.PromiseService;
import dev.kept.store.redis.EmbeddedRedis;
import dev.kept.testing.MutableClock;
import dev.kept.testing.TestClockConfiguration;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault test (issue 6): Kept's Redis goes away under traffic and comes back on the same data
 * directory and port. While it is away, slash commands are still acked at once and answered with
 * "can't reach my storage", and health is DOWN; when it is back, the nudges that fell due meanwhile
 * go out, none lost and none twice, and commands work again (no thread pool was used up).
 */
@Tag("faults")
class RedisOutageFaultIT {

    static final String SECRET = "outage-secret";
    static final String TEAM = "T123";
    static final Workspace WS = new Workspace("slack", TEAM);
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant DUE = MONDAY_MORNING.plus(Duration.ofHours(2));
    static final Instant REMINDERS_DUE = MONDAY_MORNING.plus(Duration.ofHours(1));
    static final int PROMISES = 300;
    static final int COMMANDS_WHILE_DOWN = 40;
    /** Slack's limit for an ack. */
    static final Duration ACK_LIMIT = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    final FakeSlackApi slack = FakeSlackApi.start();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    EmbeddedRedis redis;
    ConfigurableApplicationContext kept;

    @AfterEach
    void stop() {
        if (kept != null) {
            kept.close();
        }
        if (redis != null) {
            redis.close();
        }
        slack.close();
    }

    @Test
    void commandsAreAnsweredWhileRedisIsAwayAndNoNudgeIsLostOrDoubled() throws Exception {
        int redisPort = TestRedis.freePort();
        redis = EmbeddedRedis.start(dataDir, redisPort);
        kept = new SpringApplicationBuilder(KeptApplication.class, TestClockConfiguration.class).run(
                "--server.port=0", "--kept.slack.bot-token=xoxb-outage", "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + SECRET, "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=redis://127.0.0.1:" + redisPort, "--kept.redis.timeout=500ms",
                "--kept.nudges.working-hours.enabled=false", "--kept.nudges.daily-cap=100000",
                "--management.endpoint.health.show-details=always");
        int port = ((WebServerApplicationContext) kept).getWebServer().getPort();
        MutableClock clock = kept.getBean(MutableClock.class);
        PromiseService promises = kept.getBean(PromiseService.class);
        NudgeDispatcher dispatcher = kept.getBean(NudgeDispatcher.class);
        URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        assertThat(clock.instant()).isEqualTo(MONDAY_MORNING);
        assertThat(get(health).statusCode()).isEqualTo(200);

        for (int i = 0; i < PROMISES; i++) {
            promises.make(WS.person(i % 2 == 0 ? "U111" : "U333"), "U222", "task " + i, "", DUE);
        }
        slack.reset();

        // Redis goes away; meanwhile the reminders fall due.
        redis.close();
        redis = null;
        clock.set(REMINDERS_DUE);
        dispatcher.wake();

        await().atMost(Duration.ofSeconds(30)).until(() -> get(health).statusCode() == 503);
        assertThat(get(health).body()).contains("\"status\":\"DOWN\"");

        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Long> ackMillis;
        try {
            List<CompletableFuture<long[]>> acks = new ArrayList<>();
            for (int i = 0; i < COMMANDS_WHILE_DOWN; i++) {
                String id = "down-" + i;
                acks.add(CompletableFuture.supplyAsync(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = slash(events, clock, "U111", "<@U222|bob> the deck by friday", id);
                    return new long[]{r.statusCode(), (System.nanoTime() - t0) / 1_000_000};
                }, senders));
            }
            ackMillis = new ArrayList<>();
            for (CompletableFuture<long[]> f : acks) {
                long[] r = f.get();
                assertThat(r[0]).as("HTTP status of the ack").isEqualTo(200);
                ackMillis.add(r[1]);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(ackMillis).allMatch(ms -> ms < ACK_LIMIT.toMillis());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.count(FakeSlackApi.RESPONSE_URL) >= COMMANDS_WHILE_DOWN);
        List<Call> answers = slack.calls(FakeSlackApi.RESPONSE_URL);
        assertThat(answers).hasSize(COMMANDS_WHILE_DOWN);
        assertThat(answers).allMatch(c -> c.mentions("can't reach my storage"), "says it can't reach its storage");
        assertThat(reminders()).as("nothing is sent while Redis is away").isEmpty();
        assertThat(get(health).statusCode()).isEqualTo(503);

        // Redis comes back, on the same data directory and port.
        redis = EmbeddedRedis.start(dataDir, redisPort);
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(health).statusCode() == 200);
        int[] sentBefore = {-1};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            // A nudge claimed just as Redis went away is leased: let its lease run out, a little at a
            // time, but only while nothing is going out. Moving the clock while sends are under way
            // could, on a slow machine, run out the lease of a send still in flight and send it twice.
            int sent = reminders().size();
            if (sent == sentBefore[0] && clock.instant().isBefore(DUE.minus(Duration.ofMinutes(30)))) {
                clock.advance(Duration.ofSeconds(1));
            }
            sentBefore[0] = sent;
            dispatcher.wake();
            return sent >= PROMISES;
        });
        // Enough clock time for every lease (30 s) to run out once more: still nothing sent twice.
        Instant settleUntil = clock.instant().plus(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            dispatcher.dispatchDue();
            return !clock.instant().isBefore(settleUntil);
        });
        System.out.printf("RedisOutageFaultIT: %d reminders out %.1f s after Redis came back; acks while down: "
                        + "max %d ms%n", PROMISES, (System.nanoTime() - back) / 1e9,
                ackMillis.stream().mapToLong(Long::longValue).max().orElse(0));

        Map<String, Long> perNudge = reminders().stream()
                .collect(Collectors.groupingBy(c -> c.param("metadata"), Collectors.counting()));
        assertThat(perNudge).as("distinct reminders sent").hasSize(PROMISES);
        assertThat(perNudge.entrySet()).as("reminders sent twice").filteredOn(e -> e.getValue() > 1).isEmpty();

        // Commands work again.
        slack.reset();
        assertThat(slash(events, clock, "U111", "<@U222|bob> the slides by friday", "after").statusCode())
                .isEqualTo(200);
        Call answer = await().atMost(Duration.ofSeconds(15))
                .until(() -> slack.last(FakeSlackApi.RESPONSE_URL).orElse(null), c -> c != null);
        assertThat(answer.mentions("You promised")).as(answer.body()).isTrue();
    }

    List<Call> reminders() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.status() == 200 && c.param("metadata") != null && c.param("metadata").contains(".reminder."))
                .toList();
    }

    HttpResponse<String> slash(URI events, MutableClock clock, String userId, String text, String id) {
        String body = SlackRequests.slashCommandBody(TEAM, userId, userId.toLowerCase(), "/promise", text,
                slack.responseUrl(id), "trigger-" + id, "C0GENERAL");
        return SlackRequests.post(http, events, SECRET, clock.instant().getEpochSecond(), SlackRequests.FORM, body);
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
