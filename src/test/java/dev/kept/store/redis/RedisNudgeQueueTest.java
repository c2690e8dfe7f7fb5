package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue.Claim;
import dev.kept.nudge.NudgeQueue.Held;
import dev.kept.promise.FollowUp;
import dev.kept.testing.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisNudgeQueueTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Workspace OTHER_WS = new Workspace("slack", "T2");
    static final String PREFIX = "kept-test:";
    static final String BASE = PREFIX + "{slack:T1}:nudge:";
    static final Person BOB = WS.person("U222");
    static final Duration LEASE = Duration.ofSeconds(30);

    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix(PREFIX);
    final StringRedisTemplate redis = sharedRedis();
    final Instant now = Instant.parse("2026-03-02T09:00:00.123Z");
    RedisNudgeQueue queue;

    /** The Redis these tests run on; a subclass on the local Cluster overrides these two. */
    StringRedisTemplate sharedRedis() {
        return TestRedis.template();
    }

    void flushRedis() {
        TestRedis.flushAll();
    }

    /** A connection factory of its own on the same Redis, as another Kept process would have; destroy it after. */
    LettuceConnectionFactory ownFactory(Duration timeout) {
        return TestRedis.connectionFactory(TestRedis.url(), timeout);
    }

    @BeforeEach
    void clean() {
        flushRedis();
        queue = new RedisNudgeQueue(redis, properties);
    }

    @Test
    void aJobIsClaimedOnlyOnceItIsDue() {
        Instant due = now.plus(Duration.ofHours(1));
        queue.schedule(WS, List.of(job("K7Q2.due", due, "kind", "due", "promise", "K7Q2")));

        assertThat(queue.nextDue()).contains(due);
        assertThat(queue.claim(now, LEASE, 10)).isEmpty();
        assertThat(queue.claim(due.minusMillis(1), LEASE, 10)).isEmpty();

        List<Claim> claims = queue.claim(due, LEASE, 10);

        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.workspace()).isEqualTo(WS);
            assertThat(c.id()).isEqualTo("K7Q2.due");
            assertThat(c.data()).isEqualTo(Map.of("kind", "due", "promise", "K7Q2"));
            assertThat(c.dueAt()).isEqualTo(due);
            assertThat(c.claims()).isEqualTo(1);
            assertThat(c.attempts()).isZero();
            assertThat(c.token()).isNotBlank();
        });
        assertThat(redis.opsForZSet().score(BASE + "leased", "K7Q2.due"))
                .isEqualTo((double) due.plus(LEASE).toEpochMilli());
        assertThat(redis.hasKey(BASE + "due")).isFalse();
        assertThat(redis.opsForSet().members(PREFIX + "nudge:workspaces")).containsExactly("slack:T1");
        assertThat(queue.claim(now, LEASE, 0)).isEmpty();
    }

    @Test
    void claimTakesTheEarliestAcrossWorkspacesUpToMax() {
        queue.schedule(WS, List.of(job("a1", at(1)), job("a3", at(3)), job("a5", at(5)), job("later", at(100))));
        queue.schedule(OTHER_WS, List.of(job("b4", at(4)), job("b2", at(2))));

        List<Claim> first = queue.claim(at(10), LEASE, 3);
        assertThat(first).extracting(Claim::id).containsExactly("a1", "b2", "a3");
        assertThat(first).extracting(Claim::workspace).containsExactly(WS, OTHER_WS, WS);

        List<Claim> second = queue.claim(at(10), LEASE, 10);
        assertThat(second).extracting(Claim::id).containsExactly("b4", "a5");
        assertThat(queue.claim(at(10), LEASE, 10)).isEmpty();
        assertThat(queue.nextDue()).contains(at(10).plus(LEASE));   // the leases end before "later" is due
    }

    @Test
    void aClaimedJobIsNotClaimedAgainUntilItsLeaseExpires() {
        queue.schedule(WS, List.of(job("j", at(0))));
        Claim first = queue.claim(now, LEASE, 10).get(0);

        assertThat(queue.claim(now.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        List<Claim> again = queue.claim(now.plus(LEASE), LEASE, 10);

        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("j");
            assertThat(c.claims()).isEqualTo(2);
            assertThat(c.token()).isNotEqualTo(first.token());
            assertThat(c.dueAt()).isEqualTo(first.dueAt());
        });
        assertThat(queue.sent(first, List.of())).isFalse();
        assertThat(queue.wasSent(WS, "j")).isFalse();
        assertThat(queue.sent(again.get(0), List.of())).isTrue();
        assertThat(queue.wasSent(WS, "j")).isTrue();
    }

    @Test
    void theHolderOfAnExpiredLeaseNobodyTookCanStillFinish() {
        queue.schedule(WS, List.of(job("j", at(0))));
        Claim claim = queue.claim(now, LEASE, 10).get(0);

        assertThat(queue.sent(claim, List.of())).isTrue();   // late, but nobody else claimed it meanwhile
        assertThat(queue.claim(now.plus(Duration.ofHours(1)), LEASE, 10)).isEmpty();
    }

    @Test
    void aStaleTokenCannotFinishTheJob() {
        queue.schedule(WS, List.of(job("j", at(0)), job("held", at(0))));
        Claim stale = queue.claim(now, LEASE, 10).stream().filter(c -> c.id().equals("j")).findFirst().orElseThrow();
        Claim current = queue.claim(now.plus(LEASE), LEASE, 10).stream()
                .filter(c -> c.id().equals("j")).findFirst().orElseThrow();
        Map<String, String> before = snapshot();

        assertThat(queue.sent(stale, List.of(job("follow", at(9))))).isFalse();
        assertThat(queue.drop(stale)).isFalse();
        assertThat(queue.fail(stale, "gone")).isFalse();
        assertThat(queue.retryAt(stale, at(50), 3)).isFalse();
        assertThat(queue.hold(stale, BOB, job("digest", at(60)))).isFalse();
        assertThat(queue.sentHeld(stale, BOB, List.of("held"), List.of(), List.of(job("follow", at(9))))).isFalse();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(queue.failed(WS)).isEmpty();
        assertThat(queue.wasSent(WS, "j")).isFalse();
        assertThat(queue.drop(current)).isTrue();
        assertThat(queue.drop(current)).isFalse();   // finished: the token is gone with the job
    }

    @Test
    void aSentJobIsRememberedAndNeverQueuedAgain() {
        queue.schedule(WS, List.of(job("j", at(0), "v", "1")));
        Claim claim = queue.claim(now, LEASE, 10).get(0);

        assertThat(queue.sent(claim, List.of())).isTrue();

        assertThat(queue.wasSent(WS, "j")).isTrue();
        assertThat(queue.wasSent(OTHER_WS, "j")).isFalse();
        assertThat(redis.getExpire(BASE + "sent:j", TimeUnit.SECONDS))
                .isBetween(Duration.ofDays(30).toSeconds() - 60, Duration.ofDays(30).toSeconds());
        assertThat(redis.hasKey(BASE + "job:j")).isFalse();
        assertThat(redis.hasKey(BASE + "leased")).isFalse();

        queue.schedule(WS, List.of(job("j", at(1), "v", "2")));
        assertThat(queue.claim(at(10), LEASE, 10)).isEmpty();
        assertThat(queue.nextDue()).isEmpty();
    }

    @Test
    void followUpsOfASentJobAreQueuedUnlessQueuedOrSentAlready() {
        queue.schedule(WS, List.of(job("first", at(0)), job("queued", at(30), "v", "old")));
        Claim claim = queue.claim(now, LEASE, 1).get(0);

        assertThat(queue.sent(claim, List.of(job("second", at(20), "step", "2"), job("queued", at(25), "v", "new"),
                job("first", at(5))))).isTrue();

        List<Claim> next = queue.claim(at(40), LEASE, 10);
        assertThat(next).extracting(Claim::id).containsExactly("second", "queued");
        assertThat(next.get(0).data()).isEqualTo(Map.of("step", "2"));
        assertThat(next.get(1).data()).isEqualTo(Map.of("v", "old"));
        assertThat(next.get(1).dueAt()).isEqualTo(at(30));
    }

    @Test
    void retryAtMovesTheDueTimeAndKeepsTheAttempts() {
        queue.schedule(WS, List.of(job("j", at(0), "v", "1")));
        Claim claim = queue.claim(now, LEASE, 10).get(0);

        assertThat(queue.retryAt(claim, at(300), 2)).isTrue();

        assertThat(queue.nextDue()).contains(at(300));
        assertThat(queue.claim(at(299), LEASE, 10)).isEmpty();
        assertThat(queue.sent(claim, List.of())).isFalse();   // back in the queue: the old lease is over
        Claim retried = queue.claim(at(300), LEASE, 10).get(0);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.claims()).isEqualTo(2);
        assertThat(retried.dueAt()).isEqualTo(at(300));
        assertThat(retried.data()).isEqualTo(Map.of("v", "1"));

        assertThat(queue.retryAt(retried, at(600), 3)).isTrue();
        assertThat(queue.claim(at(600), LEASE, 10).get(0).attempts()).isEqualTo(3);
    }

    @Test
    void failedJobsAreListedNewestFirstAndDroppedOnesAreNot() {
        queue.schedule(WS, List.of(job("one", at(0)), job("two", at(1)), job("three", at(2))));
        List<Claim> claims = queue.claim(at(5), LEASE, 10);

        assertThat(queue.fail(claims.get(0), "user not found")).isTrue();
        assertThat(queue.drop(claims.get(1))).isTrue();
        assertThat(queue.fail(claims.get(2), "channel archived")).isTrue();

        assertThat(queue.failed(WS)).containsExactly(Map.entry("three", "channel archived"),
                Map.entry("one", "user not found"));
        assertThat(queue.failed(OTHER_WS)).isEmpty();
        assertThat(queue.wasSent(WS, "one")).isFalse();
        assertThat(queue.nextDue()).isEmpty();
        assertThat(queue.claim(at(1000), LEASE, 10)).isEmpty();
    }

    @Test
    void heldJobsGoOutInOneDigestQueuedOnce() {
        queue.schedule(WS, List.of(job("a", at(1), "what", "deck"), job("b", at(2), "what", "memo"),
                job("c", at(3), "what", "notes")));
        List<Claim> claims = queue.claim(at(5), Duration.ofHours(1), 10);
        assertThat(claims).extracting(Claim::id).containsExactly("a", "b", "c");

        assertThat(queue.hold(claims.get(1), BOB, job("digest", at(60), "v", "first"))).isTrue();
        assertThat(queue.hold(claims.get(0), BOB, job("digest", at(61), "v", "second"))).isTrue();

        assertThat(queue.held(BOB)).extracting(Held::id).containsExactly("a", "b");   // oldest first
        assertThat(queue.held(BOB)).extracting(Held::data)
                .containsExactly(Map.of("what", "deck"), Map.of("what", "memo"));
        assertThat(queue.held(WS.person("U999"))).isEmpty();
        assertThat(redis.opsForZSet().range(BASE + "due", 0, -1)).containsExactly("digest");
        assertThat(queue.sent(claims.get(0), List.of())).isFalse();   // held: no longer leased
        assertThat(queue.claim(at(59), LEASE, 10)).isEmpty();   // held jobs are out of the queue

        Claim digest = queue.claim(at(61), LEASE, 10).get(0);
        assertThat(digest.id()).isEqualTo("digest");
        assertThat(digest.data()).isEqualTo(Map.of("v", "first"));

        assertThat(queue.sentHeld(digest, BOB, List.of("a"), List.of("b"), List.of(job("after", at(90)))))
                .isTrue();

        assertThat(queue.held(BOB)).isEmpty();
        assertThat(queue.wasSent(WS, "a")).isTrue();
        assertThat(queue.wasSent(WS, "b")).isFalse();
        assertThat(queue.wasSent(WS, "digest")).isTrue();
        assertThat(redis.hasKey(BASE + "job:a")).isFalse();
        assertThat(redis.hasKey(BASE + "job:b")).isFalse();
        assertThat(redis.hasKey(BASE + "job:digest")).isFalse();
        assertThat(redis.hasKey(BASE + "held:" + BOB.userId())).isFalse();
        assertThat(queue.sentHeld(digest, BOB, List.of("a"), List.of(), List.of())).isFalse();
        assertThat(queue.claim(at(90), LEASE, 10)).extracting(Claim::id).containsExactly("after");
        assertThat(queue.drop(claims.get(2))).isTrue();   // c was leased all along, untouched
    }

    @Test
    void aDigestAlreadySentIsNotQueuedAgain() {
        queue.schedule(WS, List.of(job("a", at(1)), job("digest", at(2))));
        List<Claim> claims = queue.claim(at(5), LEASE, 10);
        assertThat(queue.sent(claims.get(1), List.of())).isTrue();

        assertThat(queue.hold(claims.get(0), BOB, job("digest", at(60)))).isTrue();

        assertThat(queue.held(BOB)).extracting(Held::id).containsExactly("a");
        assertThat(queue.nextDue()).isEmpty();
    }

    @Test
    void aJobCannotBeHeldForSomeoneOfAnotherWorkspace() {
        queue.schedule(WS, List.of(job("a", at(1))));
        Claim claim = queue.claim(at(5), LEASE, 10).get(0);

        assertThatThrownBy(() -> queue.hold(claim, OTHER_WS.person("U222"), job("digest", at(60))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.sentHeld(claim, OTHER_WS.person("U222"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.drop(claim)).isTrue();
    }

    @Test
    void reserveCountsPerPersonPerDayAndReleaseNeverGoesBelowZero() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Person carol = WS.person("U333");

        assertThat(queue.reserve(BOB, day)).isEqualTo(1);
        assertThat(queue.reserve(BOB, day)).isEqualTo(2);
        assertThat(queue.reserve(BOB, day.plusDays(1))).isEqualTo(1);
        assertThat(queue.reserve(carol, day)).isEqualTo(1);
        assertThat(queue.reserve(OTHER_WS.person("U222"), day)).isEqualTo(1);

        String key = BASE + "count:U222:2026-03-02";
        assertThat(redis.opsForValue().get(key)).isEqualTo("2");
        assertThat(redis.getExpire(key, TimeUnit.SECONDS))
                .isBetween(Duration.ofDays(3).toSeconds() - 60, Duration.ofDays(3).toSeconds());

        queue.release(BOB, day);
        assertThat(queue.reserve(BOB, day)).isEqualTo(2);
        queue.release(BOB, day);
        queue.release(BOB, day);
        queue.release(BOB, day);
        assertThat(redis.opsForValue().get(key)).isEqualTo("0");
        assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isPositive();
        assertThat(queue.reserve(BOB, day)).isEqualTo(1);

        queue.release(BOB, day.plusDays(7));
        assertThat(redis.hasKey(BASE + "count:U222:2026-03-09")).isFalse();
    }

    @Test
    void nextDueIsTheEarliestOfDueTimesAndLeaseExpiries() {
        assertThat(queue.nextDue()).isEmpty();
        queue.schedule(WS, List.of(job("leased", at(0))));
        queue.schedule(OTHER_WS, List.of(job("due", at(10))));
        assertThat(queue.nextDue()).contains(at(0));

        queue.claim(at(0), Duration.ofSeconds(5), 10);
        assertThat(queue.nextDue()).contains(at(5));

        queue.claim(at(5), Duration.ofSeconds(20), 10);
        assertThat(queue.nextDue()).contains(at(10));
    }

    @Test
    void aJobWhoseDataVanishedIsSkippedAndCleanedUp() {
        queue.schedule(WS, List.of(job("gone", at(0)), job("kept", at(1))));
        redis.delete(BASE + "job:gone");

        assertThat(queue.claim(at(5), LEASE, 1)).extracting(Claim::id).containsExactly("kept");
        assertThat(redis.hasKey(BASE + "due")).isFalse();
    }

    @Test
    void theQueuesOwnFieldNamesCannotBeUsedAsData() {
        assertThatThrownBy(() -> queue.schedule(WS, List.of(job("j", at(0), "token", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token");
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void fourDispatchersClaimEveryJobExactlyOnce() throws Exception {
        int jobs = 2000;
        List<FollowUp> here = new ArrayList<>();
        List<FollowUp> there = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            (i % 2 == 0 ? here : there).add(job("n" + i, now.minusMillis(i % 97), "i", Integer.toString(i)));
        }
        queue.schedule(WS, here);
        queue.schedule(OTHER_WS, there);

        Callable<List<String>> dispatcher = () -> {
            LettuceConnectionFactory factory = ownFactory(Duration.ofSeconds(10));
            try {
                RedisNudgeQueue own = new RedisNudgeQueue(TestRedis.template(factory), properties);
                List<String> mine = new ArrayList<>();
                while (true) {
                    List<Claim> batch = own.claim(now, Duration.ofMinutes(5), 50);
                    if (batch.isEmpty()) {
                        Optional<Instant> next = own.nextDue();
                        if (next.isEmpty() || next.get().isAfter(now)) {
                            return mine;   // nothing will ever be claimable again at this (fixed) time
                        }
                        continue;
                    }
                    assertThat(batch.size()).isLessThanOrEqualTo(50);
                    for (Claim claim : batch) {
                        assertThat(claim.claims()).isEqualTo(1);
                        assertThat(claim.data()).containsEntry("i", claim.id().substring(1));
                        assertThat(own.sent(claim, List.of())).isTrue();
                        mine.add(claim.workspace().key() + "/" + claim.id());
                    }
                }
            } finally {
                factory.destroy();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> all = new ArrayList<>();
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(dispatcher));
            }
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));   // a guard against hanging, not a timing check
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(all).hasSize(jobs).doesNotHaveDuplicates();
        for (int i = 0; i < jobs; i++) {
            Workspace ws = i % 2 == 0 ? WS : OTHER_WS;
            assertThat(all).contains(ws.key() + "/n" + i);
            assertThat(queue.wasSent(ws, "n" + i)).isTrue();
        }
        assertThat(queue.nextDue()).isEmpty();
        assertThat(snapshot().keySet()).allMatch(k -> k.contains(":nudge:sent:") || k.endsWith("nudge:workspaces"));
    }

    @Test
    void jobsOfADispatcherThatDiedAreClaimedAgainByAnotherAfterTheLease() {
        List<FollowUp> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(job("n" + i, now.plusMillis(i)));
        }
        queue.schedule(WS, ten);
        List<Claim> lost = queue.claim(at(1), LEASE, 50);
        assertThat(lost).hasSize(10);
        // ... and the dispatcher dies here, never finishing them. A job queued meanwhile:
        queue.schedule(WS, List.of(job("fresh", at(2))));

        LettuceConnectionFactory factory = ownFactory(Duration.ofSeconds(5));
        try {
            RedisNudgeQueue survivor = new RedisNudgeQueue(TestRedis.template(factory), properties);
            assertThat(survivor.claim(at(1).plus(LEASE).minusMillis(1), LEASE, 10)).extracting(Claim::id)
                    .containsExactly("fresh");
            assertThat(survivor.nextDue()).contains(at(1).plus(LEASE));

            List<Claim> again = survivor.claim(at(1).plus(LEASE), LEASE, 50);

            assertThat(again).extracting(Claim::id)
                    .containsExactlyInAnyOrderElementsOf(lost.stream().map(Claim::id).toList());
            assertThat(again).allSatisfy(c -> assertThat(c.claims()).isEqualTo(2));
            Set<String> oldTokens = new HashSet<>(lost.stream().map(Claim::token).toList());
            assertThat(again).noneMatch(c -> oldTokens.contains(c.token()));
            for (Claim c : lost) {
                assertThat(queue.sent(c, List.of())).isFalse();
            }
            for (Claim c : again) {
                assertThat(survivor.sent(c, List.of())).isTrue();
            }
        } finally {
            factory.destroy();
        }
    }

    @Test
    void expiredLeasesAreClaimedBeforeDueJobs() {
        queue.schedule(WS, List.of(job("old", at(0))));
        queue.claim(at(0), LEASE, 10);
        queue.schedule(OTHER_WS, List.of(job("due", at(1))));

        assertThat(queue.claim(at(0).plus(LEASE), LEASE, 1)).extracting(Claim::id).containsExactly("old");
        assertThat(queue.claim(at(0).plus(LEASE), LEASE, 1)).extracting(Claim::id).containsExactly("due");
    }

    @Test
    void everyScriptTouchesTheKeysOfOneWorkspaceOnly() {
        RecordingTemplate recording = new RecordingTemplate(redis.getConnectionFactory());
        RedisNudgeQueue watched = new RedisNudgeQueue(recording, properties);
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (Workspace ws : List.of(WS, OTHER_WS)) {
            Person bob = ws.person("U222");
            watched.schedule(ws, List.of(job("a", at(0)), job("b", at(1)), job("c", at(2)), job("d", at(3)),
                    job("e", at(4))));
            List<Claim> claims = watched.claim(at(10), LEASE, 10).stream()
                    .filter(c -> c.workspace().equals(ws)).toList();
            assertThat(claims).hasSize(5);
            watched.sent(claims.get(0), List.of(job("f", at(20))));
            watched.drop(claims.get(1));
            watched.fail(claims.get(2), "nope");
            watched.retryAt(claims.get(3), at(30), 1);
            watched.hold(claims.get(4), bob, job("digest", at(5)));
            Claim digest = watched.claim(at(10), LEASE, 10).stream()
                    .filter(c -> c.workspace().equals(ws)).findFirst().orElseThrow();
            watched.held(bob);
            watched.sentHeld(digest, bob, List.of("e"), List.of(), List.of(job("g", at(40))));
            watched.reserve(bob, day);
            watched.release(bob, day);
            watched.failed(ws);
            watched.wasSent(ws, "a");
        }

        assertThat(recording.calls).hasSizeGreaterThan(20);
        for (List<String> call : recording.calls) {
            assertThat(call).as("a script declares at least one key, so Cluster routes it").isNotEmpty();
            Set<Integer> slots = new HashSet<>();
            for (String key : call) {
                slots.add(SlotHash.getSlot(key));
            }
            assertThat(slots).as("keys and key prefixes of one script: %s", call).hasSize(1);
        }
        Map<String, String> stored = snapshot();
        assertThat(stored).containsKey(PREFIX + "nudge:workspaces");
        for (String key : stored.keySet()) {
            if (key.equals(PREFIX + "nudge:workspaces")) {
                continue;
            }
            assertThat(key).matches(java.util.regex.Pattern.quote(PREFIX) + "\\{slack:T[12]}:nudge:.+");
            String tag = key.substring(key.indexOf('{') + 1, key.indexOf('}'));
            assertThat(SlotHash.getSlot(key)).isEqualTo(SlotHash.getSlot(tag));
        }
        assertThat(stored.keySet()).anyMatch(k -> k.startsWith(PREFIX + "{slack:T1}:"))
                .anyMatch(k -> k.startsWith(PREFIX + "{slack:T2}:"));
    }

    @Test
    void aQueueThatCannotReachRedisSaysSo() {
        LettuceConnectionFactory factory = TestRedis.connectionFactory(
                "redis://127.0.0.1:" + TestRedis.freePort(), Duration.ofMillis(500));
        try {
            RedisNudgeQueue unreachable = new RedisNudgeQueue(TestRedis.template(factory), properties);
            Claim claim = new Claim(WS, "j", Map.of(), now, 1, 0, "token");

            assertThatThrownBy(() -> unreachable.claim(now, LEASE, 10))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("Redis");
            assertThatThrownBy(unreachable::nextDue).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.schedule(WS, List.of(job("j", now))))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.sent(claim, List.of())).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.drop(claim)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.fail(claim, "x")).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.retryAt(claim, now, 1)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.wasSent(WS, "j")).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.hold(claim, BOB, job("d", now)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.held(BOB)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.sentHeld(claim, BOB, List.of(), List.of(), List.of()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.reserve(BOB, LocalDate.of(2026, 3, 2)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.release(BOB, LocalDate.of(2026, 3, 2)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.failed(WS)).isInstanceOf(StoreUnavailableException.class);
        } finally {
            factory.destroy();
        }
    }

    /** Records, for every script run, its KEYS and every argument that is a key or key prefix of Kept. */
    static final class RecordingTemplate extends StringRedisTemplate {

        final List<List<String>> calls = new CopyOnWriteArrayList<>();

        RecordingTemplate(RedisConnectionFactory factory) {
            super(factory);
        }

        @Override
        public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
            List<String> touched = new ArrayList<>(keys);
            for (Object arg : args) {
                if (arg instanceof String s && s.startsWith(PREFIX)) {
                    touched.add(s);
                }
            }
            calls.add(touched);
            return super.execute(script, keys, args);
        }
    }

    private Instant at(int seconds) {
        return now.plusSeconds(seconds);
    }

    private static FollowUp job(String id, Instant at, String... fields) {
        Map<String, String> data = new TreeMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            data.put(fields[i], fields[i + 1]);
        }
        return new FollowUp(id, at, data);
    }

    private Map<String, String> snapshot() {
        return TestRedis.snapshot(redis);
    }
}
