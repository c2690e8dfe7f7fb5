package dev.kept.slack;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.PromiseService;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.RandomSlackFaults;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault test (issue 6): Slack answers about 10 % of {@code chat.postMessage} calls with 429
 * ({@code Retry-After: 1}) or 500 during a run of 10,000 nudges. Every nudge is eventually sent,
 * and none twice. The clock is moved forward by hand, a little at a time (well under the lease),
 * so that rate-limited and backed-off nudges fall due again.
 */
@Tag("faults")
@TestPropertySource(properties = {"kept.nudges.working-hours.enabled=false", "kept.nudges.daily-cap=100000",
        // The test moves the clock by up to 2 s every 100 ms while nothing is due. With the default
        // 30 s lease, a send stalled for 1.5 s of wall time (a loaded CI machine) would see its lease
        // run out and its nudge claimed and sent a second time. Nothing here dies mid-send, so no
        // lease needs to run out: a long one keeps the clock-moving from causing what it checks for.
        "kept.nudges.lease=30m"})
class SlackRateLimitFaultIT extends SlackHttpTestSupport {

    static final int NUDGES = 10_000;
    static final int PROVIDERS = 500;
    static final Instant DUE = MONDAY_MORNING.plus(Duration.ofHours(2));
    /** The reminders fall due half-way: in one hour. */
    static final Instant REMINDERS_DUE = MONDAY_MORNING.plus(Duration.ofHours(1));
    /** Never reach the due time: from then on a reminder would be dropped as out of date. */
    static final Instant LAST_CLOCK = DUE.minus(Duration.ofMinutes(5));
    static final Duration STEP = Duration.ofSeconds(2);

    @Autowired
    PromiseService promises;
    @Autowired
    NudgeDispatcher dispatcher;

    List<Call> reminders() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.status() == 200 && c.param("metadata") != null && c.param("metadata").contains(".reminder."))
                .toList();
    }

    @Test
    void tenThousandNudgesThroughTenPercentFaultsAreEachSentExactlyOnce() throws Exception {
        for (int i = 0; i < PROVIDERS; i++) {
            slack.addUser(FakeSlackApi.FakeUser.person("UP" + i, "p" + i, "P " + i, "UTC"));
        }
        ExecutorService makers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (int i = 0; i < NUDGES; i++) {
                String provider = "UP" + (i % PROVIDERS);
                String what = "task " + i;
                made.add(makers.submit(() -> promises.make(WS.person(provider), "U222", what, "", DUE)));
            }
            for (Future<?> f : made) {
                f.get();
            }
        } finally {
            makers.shutdownNow();
        }
        slack.reset();

        RandomSlackFaults faults = RandomSlackFaults.install(slack, "chat.postMessage", 0.10, 1, 20261123L).on();
        long started = System.nanoTime();
        try {
            clock.set(REMINDERS_DUE);
            dispatcher.wake();
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.dispatchDue();
                Instant now = clock.instant();
                Instant next = queue.nextDue().orElse(DUE);
                if (next.isBefore(DUE) && next.isAfter(now)) {
                    // what is left waits for Retry-After or a backoff: let time pass, a little at a time
                    Instant to = next.isBefore(now.plus(STEP)) ? next : now.plus(STEP);
                    clock.set(to.isAfter(LAST_CLOCK) ? LAST_CLOCK : to);
                    dispatcher.wake();
                }
                return !next.isBefore(DUE) && reminders().size() >= NUDGES;
            });
        } finally {
            faults.off();
        }
        System.out.printf("SlackRateLimitFaultIT: %d nudges in %.1f s of wall time, clock moved %s; "
                        + "%d calls answered 429 and %d answered 500 (%d chat.postMessage calls)%n",
                NUDGES, (System.nanoTime() - started) / 1e9, Duration.between(REMINDERS_DUE, clock.instant()),
                slack.calls("chat.postMessage").stream().filter(c -> c.status() == 429).count(),
                slack.calls("chat.postMessage").stream().filter(c -> c.status() == 500).count(),
                slack.count("chat.postMessage"));

        List<Call> posts = slack.calls("chat.postMessage");
        long rateLimited = posts.stream().filter(c -> c.status() == 429).count();
        long serverErrors = posts.stream().filter(c -> c.status() == 500).count();
        assertThat(rateLimited).as("429s actually answered").isGreaterThan(NUDGES / 40);
        assertThat(serverErrors).as("500s actually answered").isGreaterThan(NUDGES / 40);

        Map<String, Long> perNudge = reminders().stream()
                .collect(Collectors.groupingBy(c -> c.param("metadata"), Collectors.counting()));
        assertThat(perNudge).as("distinct nudges sent").hasSize(NUDGES);
        assertThat(perNudge.entrySet()).as("nudges sent twice").filteredOn(e -> e.getValue() > 1).isEmpty();
        assertThat(queue.failed(WS)).as("nudges given up on").isEmpty();
    }
}
