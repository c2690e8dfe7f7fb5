package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeIds;
import dev.kept.nudge.NudgeKind;
import dev.kept.privacy.FormerColleague;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStatus;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forget-me finds every kind of nudge: a {@link NudgeKind} added later is covered by the same id rule
 * ({@link NudgeIds}) the planner uses, or this test fails until forget-me is taught about it.
 */
class ForgetMeNudgeKindsTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Person ALICE = WS.person("U111");
    static final Person BOB = WS.person("U222");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix("kept-test:");
    final RedisPromiseStore store = new RedisPromiseStore(TestRedis.template(), properties);
    final RedisNudgeQueue queue = new RedisNudgeQueue(TestRedis.template(), properties);
    final RedisForgetting forgetting = new RedisForgetting(TestRedis.template(), properties);
    final NudgeKeys nudges = new Keys("kept-test:").nudges(WS);
    Promise promise;

    @BeforeEach
    void aPromiseFromAliceToBob() {
        TestRedis.flushAll();
        promise = store.create(new PromiseDraft(WS, ALICE.userId(), BOB.userId(), "the deck", "",
                        NOW.plus(Duration.ofDays(2)), NOW, PromiseStatus.OPEN),
                new HistoryEntry(NOW, ALICE.userId(), Event.CREATED, ""), p -> FollowUps.Plan.none());
    }

    @Test
    void everyKindIsAPromiseKindOrThePersonsDigest() {
        EnumSet<NudgeKind> notAboutAPromise = EnumSet.allOf(NudgeKind.class);
        notAboutAPromise.removeAll(NudgeIds.promiseKinds());
        assertThat(notAboutAPromise)
                .as("kinds that are not about a promise: forget-me finds only the digest among them (by "
                        + "NudgeIds.digestsOf); teach RedisForgetting.erase about any other")
                .containsExactly(NudgeKind.DIGEST);
        assertThat(RedisForgetting.nudgeIds(promise)).as("what anonymising drops")
                .containsExactlyElementsOf(NudgeIds.promiseKinds().stream()
                        .map(k -> NudgeIds.of(promise.id(), k, promise.due())).toList());
    }

    /** Every kind that is about a promise: all but the person's digest (the test above keeps it so). */
    static java.util.stream.Stream<NudgeKind> promiseKinds() {
        return NudgeIds.promiseKinds().stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("promiseKinds")
    void anonymisingDropsThePromisesNudgeOfEveryKind(NudgeKind kind) {
        String id = NudgeIds.of(promise.id(), kind, promise.due());
        queue.schedule(WS, List.of(new FollowUp(id, NOW, Map.of("kind", kind.name()))));

        List<HistoryEntry> history = store.history(WS, promise.id());
        Promise after = new Promise(promise.id(), WS, ALICE.userId(), FormerColleague.ID, promise.what(),
                promise.whatMatters(), promise.due(), promise.created(), promise.status(), 0, 0, "",
                promise.version() + 1);
        assertThat(forgetting.anonymise(promise, history.size(), after, history)).isTrue();

        assertGone(id);
    }

    @ParameterizedTest
    @EnumSource(NudgeKind.class)
    void erasingDropsEveryKindOfNudgeAboutThePerson(NudgeKind kind) {
        String id = kind == NudgeKind.DIGEST ? NudgeIds.digest(BOB, LocalDate.of(2026, 3, 3))
                // planned for an earlier due time and snoozed: only the prefix of the promise finds it
                : NudgeIds.again(NudgeIds.of(promise.id(), kind, NOW.minus(Duration.ofDays(1))), NOW);
        queue.schedule(WS, List.of(new FollowUp(id, NOW, Map.of("kind", kind.name()))));

        forgetting.erase(BOB, List.of(promise.id()), NOW);

        assertGone(id);
    }

    private void assertGone(String id) {
        assertThat(TestRedis.template().opsForZSet().score(nudges.due(), id)).as("%s still queued", id).isNull();
        assertThat(TestRedis.template().hasKey(nudges.job(id))).as("%s still has its job", id).isFalse();
    }
}
