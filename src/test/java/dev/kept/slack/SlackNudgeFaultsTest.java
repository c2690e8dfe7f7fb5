package dev.kept.slack;

import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.nudge.NudgePlanner;
import dev.kept.nudge.NudgeProperties;
import dev.kept.nudge.NudgeQueue;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nudges under trouble: Slack's rate limits and errors, a dispatcher that dies mid-send, two
 * dispatchers on one Redis, and people's daily cap. Promises are made through the core (quicker
 * than over HTTP for thousands); every nudge goes out through the real Slack adapter to the fake.
 */
@TestPropertySource(properties = {"kept.nudges.working-hours.enabled=false", "kept.nudges.daily-cap=3"})
class SlackNudgeFaultsTest extends SlackHttpTestSupport {

    static final Instant IN_ONE_HOUR = MONDAY_MORNING.plus(Duration.ofHours(1));

    @Autowired
    PromiseService promises;
    @Autowired
    PromiseStore store;
    @Autowired
    NudgeDispatcher dispatcher;
    @Autowired
    Messenger messenger;
    @Autowired
    NudgePlanner planner;
    @Autowired
    NudgeProperties settings;

    /** Alice promises Bob something due in two hours; its reminder is due in one. */
    Promise promise(String what) {
        return promises.make(WS.person("U111"), "U222", what, "", MONDAY_MORNING.plus(Duration.ofHours(2))).promise();
    }

    String reminderId(Promise p) {
        return p.id().value() + ".reminder." + p.due().getEpochSecond();
    }

    List<Call> reminders() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.status() == 200 && c.param("metadata") != null && c.param("metadata").contains(".reminder."))
                .toList();
    }

    void runUntilQuiet() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatcher.dispatchDue();
            return queue.nextDue().map(next -> next.isAfter(clock.instant())).orElse(true);
        });
    }

    @Test
    void rateLimitedNudgesWaitForRetryAfterAndGoOutOnce() {
        Promise p = promise("the deck");
        slack.reset();
        slack.rateLimitNext("chat.postMessage", 1, 30);
        clock.set(IN_ONE_HOUR);
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).extracting(Call::status).containsExactly(429);
        assertThat(queue.nextDue()).contains(IN_ONE_HOUR.plusSeconds(30));

        clock.set(IN_ONE_HOUR.plusSeconds(29));
        dispatcher.dispatchDue();
        assertThat(reminders()).isEmpty();
        clock.set(IN_ONE_HOUR.plusSeconds(30));
        runUntilQuiet();
        assertThat(reminders()).hasSize(1);
        assertThat(queue.wasSent(WS, reminderId(p))).isTrue();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenSent() {
        Promise p = promise("the deck");
        slack.reset();
        slack.serverErrorNext("chat.postMessage", 2);
        clock.set(IN_ONE_HOUR);
        dispatcher.dispatchDue();
        Instant firstRetry = queue.nextDue().orElseThrow();
        assertThat(Duration.between(IN_ONE_HOUR, firstRetry)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        clock.set(firstRetry);
        dispatcher.dispatchDue();
        Instant secondRetry = queue.nextDue().orElseThrow();
        assertThat(Duration.between(firstRetry, secondRetry)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        clock.set(secondRetry);
        runUntilQuiet();
        assertThat(slack.calls("chat.postMessage")).extracting(Call::status).containsExactly(500, 500, 200);
        assertThat(queue.wasSent(WS, reminderId(p))).isTrue();
    }

    @Test
    void permanentErrorsAreRecordedAndNotRetried() {
        Promise p = promise("the deck");
        slack.reset();
        slack.errorNext("chat.postMessage", "account_inactive");
        clock.set(IN_ONE_HOUR);
        dispatcher.dispatchDue();
        clock.set(IN_ONE_HOUR.plus(Duration.ofMinutes(30)));
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(queue.failed(WS)).containsEntry(reminderId(p), "account_inactive");
    }

    @Test
    void aDispatcherThatDiesAfterClaimingLeavesTheNudgeToAnotherOnce() {
        Promise p = promise("the deck");
        slack.reset();
        clock.set(IN_ONE_HOUR);
        List<NudgeQueue.Claim> taken = queue.claim(clock.instant(), settings.lease(), 10);   // ...and never finished
        assertThat(taken).extracting(NudgeQueue.Claim::id).containsExactly(reminderId(p));
        assertThat(dispatcher.dispatchDue()).isZero();   // leased: nobody else takes it yet

        clock.set(IN_ONE_HOUR.plus(settings.lease()).plusSeconds(1));
        runUntilQuiet();
        assertThat(reminders()).hasSize(1);
    }

    @Test
    void aDispatcherThatDiesAfterSendingDoesNotCauseASecondMessage() {
        Promise p = promise("the deck");
        slack.reset();
        clock.set(IN_ONE_HOUR);
        List<NudgeQueue.Claim> taken = queue.claim(clock.instant(), settings.lease(), 10);
        // The dead instance got as far as posting, not as far as recording it.
        messenger.deliver(WS.person("U111"), Message.of("Reminder: the deck"), taken.get(0).id());
        assertThat(reminders()).hasSize(1);

        clock.set(IN_ONE_HOUR.plus(settings.lease()).plusSeconds(1));
        runUntilQuiet();
        assertThat(reminders()).hasSize(1);
        assertThat(slack.calls("conversations.history")).isNotEmpty();
        assertThat(queue.wasSent(WS, reminderId(p))).isTrue();
    }

    @Test
    void twoDispatchersOnOneRedisSendEveryNudgeExactlyOnce() throws Exception {
        int n = 2000;
        for (int i = 0; i < n; i++) {
            // spread over many providers, so the daily cap is not what this test is about
            String provider = "UP" + (i % 1000);
            slack.addUser(dev.kept.testing.slack.FakeSlackApi.FakeUser.person(provider, "p" + i, "P " + i, "UTC"));
            promises.make(WS.person(provider), "U222", "task " + i, "", MONDAY_MORNING.plus(Duration.ofHours(2)));
        }
        slack.reset();
        NudgeDispatcher other = new NudgeDispatcher(queue, store, promises, messenger, planner, settings, clock);
        clock.set(IN_ONE_HOUR);
        other.start();
        try {
            dispatcher.wake();
            other.wake();
            await().atMost(Duration.ofSeconds(90)).until(() -> reminders().size() >= n
                    && queue.nextDue().map(t -> t.isAfter(clock.instant())).orElse(true));
        } finally {
            other.stop();
        }
        Map<String, Long> perNudge = reminders().stream().collect(Collectors.groupingBy(
                c -> c.param("metadata"), Collectors.counting()));
        assertThat(perNudge).hasSize(n);
        assertThat(perNudge.values()).allMatch(count -> count == 1);
    }

    @Test
    void overTheDailyCapNudgesWaitAndComeTogetherNextMorning() {
        // Five promises due Thursday 09:00Z: more than two days out, so each is reminded a day before.
        List<Promise> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(promises.make(WS.person("U111"), "U222", "task " + i, "",
                    Instant.parse("2026-11-26T09:00:00Z")).promise());
        }
        slack.reset();
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        runUntilQuiet();
        assertThat(reminders()).hasSize(3);   // the cap
        assertThat(queue.held(WS.person("U111"))).hasSize(2);

        // Alice's next morning: Thursday 09:00 in Berlin (08:00Z), before the due time.
        slack.reset();
        clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        runUntilQuiet();
        List<Call> toAlice = slack.calls("chat.postMessage").stream()
                .filter(c -> "U111".equals(c.param("channel"))).toList();
        assertThat(toAlice).hasSize(1);
        Call digest = toAlice.get(0);
        assertThat(digest.mentions("These 2 waited for your working hours")).isTrue();
        assertThat(made.stream().filter(p -> digest.blocks().contains(p.id().value())).count()).isEqualTo(2);
        assertThat(queue.held(WS.person("U111"))).isEmpty();
    }
}
