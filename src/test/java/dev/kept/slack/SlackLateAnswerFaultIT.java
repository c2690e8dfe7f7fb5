package dev.kept.slack;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault test (issue 21): Slack carries out about 10 % of {@code chat.postMessage} calls and of response_url
 * answers at once but answers them only after Kept's client has given up (Slack's API has such latency spikes).
 * 300 promises go through every step: made (the receiver's DM, the provider's confirmation), agreed, reminded,
 * delivered, the rating question, rated (the provider told), feedback (both told), thanked (the receiver told).
 * Every one of those messages reaches its person exactly once: none lost, none twice. The client's limit is
 * one second here, and the late answers come after two. For a quicker look:
 * {@code ./mvnw -q -o -Pfaults test -Dtest=SlackLateAnswerFaultIT -Dkept.late.promises=60}.
 */
@Tag("faults")
@TestPropertySource(properties = {"kept.slack.call-timeout=1s", "kept.nudges.working-hours.enabled=false",
        "kept.nudges.daily-cap=1000", "kept.nudges.lease=30m"})
class SlackLateAnswerFaultIT extends SlackHttpTestSupport {

    static final int PROMISES = Integer.getInteger("kept.late.promises", 300);
    static final Duration LATE = Duration.ofSeconds(2);
    /** Thursday 26 Nov, 16:00 UTC: past every reminder (due Friday 15:00, a working day before). */
    static final Instant REMINDERS_SENT = Instant.parse("2026-11-26T16:00:00Z");
    /** Past the rating delay after delivery (2 h). */
    static final Instant RATING_ASKED = REMINDERS_SENT.plus(Duration.ofHours(3));
    static final Pattern TASK = Pattern.compile("task-(\\d{3})");

    @Autowired
    PromiseStore store;
    @Autowired
    NudgeDispatcher dispatcher;

    /** What one person saw: a DM, an answer in a DM, or an answer at an interaction's response_url. */
    record Seen(String to, boolean dm, String text) {
    }

    /** The message kinds every promise brings, each to be seen once: by whom, and words (or a button id) it carries. */
    enum Kind {
        MADE_DM("receiver", Via.DM, ActionIds.ACKNOWLEDGE),
        MADE_CONFIRMATION("provider", Via.ANY, "You promised"),
        AGREED_TOLD("provider", Via.DM, "said sounds good to your promise"),
        AGREED_SHOWN("receiver", Via.ANY, "You said sounds good"),
        REMINDER("provider", Via.DM, "Reminder: you promised"),
        DELIVERED_DM("receiver", Via.DM, "has delivered"),
        DELIVERED_CONFIRMATION("provider", Via.ANY, ") delivered. "),
        RATING_QUESTION("receiver", Via.DM, "How satisfied are you"),
        RATED_SHOWN("receiver", Via.ANY, "You rated"),
        RATED_TOLD("provider", Via.DM, "> rated *task-"),
        FEEDBACK_TOLD("provider", Via.DM, "shared feedback"),
        FEEDBACK_SHOWN("receiver", Via.ANY, "has your feedback"),
        THANKED_SHOWN("provider", Via.ANY, "You thanked"),
        THANKED_TOLD("receiver", Via.DM, "thanked you for your feedback");

        final String who;
        final Via via;
        final String words;

        Kind(String who, Via via, String words) {
            this.who = who;
            this.via = via;
            this.words = words;
        }
    }

    /** How a kind reaches its person: as a message of its own, or either that or an interaction's answer. */
    enum Via {
        DM, ANY
    }

    static String provider(int i) {
        return "UP" + i;
    }

    static String receiver(int i) {
        return "UR" + i;
    }

    static String what(int i) {
        return String.format("task-%03d", i);
    }

    final Map<Integer, String> ids = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void threeHundredPromisesThroughLateAnswersReachEveryoneExactlyOnce() throws Exception {
        for (int i = 0; i < PROMISES; i++) {
            slack.addUser(FakeSlackApi.FakeUser.person(provider(i), "p" + i, "Provider " + i, "UTC"));
            slack.addUser(FakeSlackApi.FakeUser.person(receiver(i), "r" + i, "Receiver " + i, "UTC"));
        }
        slack.answerLateShare("chat.postMessage", 0.10, LATE, 20261203L);
        slack.answerLateShare(FakeSlackApi.RESPONSE_URL, 0.10, LATE, 20261204L);
        long started = System.nanoTime();

        everyone(i -> slash(provider(i), "<@" + receiver(i) + "|r" + i + "> " + what(i) + " by friday 3pm"));
        awaitSeen(Kind.MADE_DM, Kind.MADE_CONFIRMATION);
        for (int i = 0; i < PROMISES; i++) {
            List<Promise> made = store.open(WS.person(provider(i)), Side.MADE, 2);
            assertThat(made).as("promises made by " + provider(i)).hasSize(1);
            ids.put(i, made.get(0).id().value());
        }

        everyone(i -> click(receiver(i), ActionIds.ACKNOWLEDGE, ids.get(i)));
        awaitSeen(Kind.AGREED_TOLD, Kind.AGREED_SHOWN);

        clock.set(REMINDERS_SENT);
        awaitSeen(Kind.REMINDER);

        everyone(i -> click(provider(i), ActionIds.DELIVER, ids.get(i)));
        awaitSeen(Kind.DELIVERED_DM, Kind.DELIVERED_CONFIRMATION);

        clock.set(RATING_ASKED);
        awaitSeen(Kind.RATING_QUESTION);

        everyone(i -> click(receiver(i), ActionIds.RATE, ids.get(i) + ":4"));
        awaitSeen(Kind.RATED_SHOWN, Kind.RATED_TOLD);

        everyone(i -> submit(receiver(i), ActionIds.FEEDBACK_FORM, ids.get(i),
                Map.of(ActionIds.INPUT_BETTER, text("an earlier draft of " + what(i)))));
        awaitSeen(Kind.FEEDBACK_TOLD, Kind.FEEDBACK_SHOWN);

        everyone(i -> click(provider(i), ActionIds.FEEDBACK_THANK, ids.get(i)));
        awaitSeen(Kind.THANKED_SHOWN, Kind.THANKED_TOLD);

        // Long enough for any attempt still waiting on a late answer to have given up, looked, and (wrongly) sent again.
        Duration settle = LATE.plus(Duration.ofSeconds(3));
        await().pollDelay(settle).atMost(settle.plus(Duration.ofSeconds(5))).until(() -> true);
        slack.stopAnsweringLate();

        Map<Kind, Map<Integer, Long>> counts = counts();
        int lost = 0;
        int twice = 0;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < PROMISES; i++) {
                long n = counts.get(kind).getOrDefault(i, 0L);
                lost += n == 0 ? 1 : 0;
                twice += n > 1 ? 1 : 0;
            }
        }
        Map<Seen, Long> sameTwice = seen().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        sameTwice.values().removeIf(n -> n < 2);
        System.out.printf("SlackLateAnswerFaultIT: %d promises, %d message kinds, %d messages seen in %.1f s; "
                        + "%d chat.postMessage and %d response_url answers came late (of %d and %d); "
                        + "%d lost, %d twice, %d identical messages seen twice%n",
                PROMISES, Kind.values().length, seen().size(), (System.nanoTime() - started) / 1e9,
                slack.answeredLate("chat.postMessage"), slack.answeredLate(FakeSlackApi.RESPONSE_URL),
                slack.count("chat.postMessage"), slack.count(FakeSlackApi.RESPONSE_URL), lost, twice, sameTwice.size());

        assertThat(slack.answeredLate("chat.postMessage")).as("posts answered late").isGreaterThan(PROMISES / 2);
        assertThat(slack.answeredLate(FakeSlackApi.RESPONSE_URL)).as("response_url answers late").isGreaterThan(PROMISES / 4);
        for (Kind kind : Kind.values()) {
            Map<Integer, Long> perPromise = counts.get(kind);
            assertThat(perPromise).as(kind + ": promises whose message was seen").hasSize(PROMISES);
            assertThat(perPromise.entrySet()).as(kind + ": seen more than once").filteredOn(e -> e.getValue() > 1).isEmpty();
        }
        assertThat(sameTwice).as("the same message seen twice by one person").isEmpty();
    }

    /** Does {@code step} for each of the promises, from a few threads, each request acked with 200. */
    void everyone(IntFunction<HttpResponse<String>> step) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < PROMISES; i++) {
                int n = i;
                answers.add(clients.submit(() -> step.apply(n)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).as("refused for load").doesNotContainIgnoringCase("busy");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until each of the kinds has been seen for every promise, running the nudge dispatcher meanwhile. */
    void awaitSeen(Kind... kinds) {
        try {
            await().atMost(Duration.ofSeconds(Integer.getInteger("kept.late.wait", 180))).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        dispatcher.wake();
                        dispatcher.dispatchDue();
                        Map<Kind, Map<Integer, Long>> counts = counts();
                        return java.util.Arrays.stream(kinds).allMatch(k -> counts.get(k).size() == PROMISES);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<Kind, Map<Integer, Long>> counts = counts();
            throw new AssertionError(java.util.Arrays.stream(kinds).map(k -> k + " seen for " + counts.get(k).size()
                    + " promises; not for " + IntStream.range(0, PROMISES).filter(i -> !counts.get(k).containsKey(i))
                    .limit(5).mapToObj(i -> i + " (" + ids.get(i) + ", what it saw: " + seen().stream()
                            .filter(s -> s.text().contains(what(i))).toList() + ")").toList())
                    .collect(Collectors.joining("; ")), e);
        }
    }

    /** Per kind, per promise (its number), how many times its person saw it. */
    Map<Kind, Map<Integer, Long>> counts() {
        Map<Kind, Map<Integer, Long>> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, new LinkedHashMap<>());
        }
        for (Seen s : seen()) {
            Matcher m = TASK.matcher(s.text());
            if (!m.find()) {
                continue;
            }
            int i = Integer.parseInt(m.group(1));
            for (Kind kind : Kind.values()) {
                String person = kind.who.equals("provider") ? provider(i) : receiver(i);
                boolean theirs = (s.to().equals(person) || s.to().equals("D" + person)) && (s.dm() || kind.via == Via.ANY);
                if (theirs && s.text().contains(kind.words)) {
                    counts.get(kind).merge(i, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Every message a person saw: posts Slack took (status 200, whether or not Kept heard back in time) and
     * answers at the response_urls of their own interactions.
     */
    List<Seen> seen() {
        List<Seen> seen = new ArrayList<>();
        for (Call c : slack.calls("chat.postMessage")) {
            if (c.status() == 200) {
                seen.add(new Seen(c.param("channel"), true, c.text() + "\n" + c.blocks()));
            }
        }
        for (Call c : slack.calls(FakeSlackApi.RESPONSE_URL)) {
            if (c.status() == 200) {
                seen.add(new Seen(personAnswered(c), false, c.text() + "\n" + c.blocks()));
            }
        }
        return seen;
    }
}
