package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.Side;
import dev.kept.testing.redis.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import static dev.kept.testing.PromiseBuilder.aPromise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisPromiseStoreTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Workspace OTHER_WS = new Workspace("slack", "T2");
    static final String PREFIX = "kept-test:";
    static final String ALICE = "U111";
    static final String BOB = "U222";
    static final String CAROL = "U333";

    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix(PREFIX);
    final StringRedisTemplate redis = sharedRedis();
    final Instant now = Instant.parse("2026-03-02T09:00:00.123Z");
    RedisPromiseStore store;

    /** Always picks the first letter of the alphabet, so every id of one length is the same. */
    static final RandomGenerator ALWAYS_SAME = () -> 0L;

    /** The Redis these tests run on; a subclass on the local Cluster overrides these two. */
    StringRedisTemplate sharedRedis() {
        return TestRedis.template();
    }

    void flushRedis() {
        TestRedis.flushAll();
    }

    @BeforeEach
    void clean() {
        flushRedis();
        store = new RedisPromiseStore(redis, properties);
    }

    @Test
    void createdPromiseReadsBackWithEveryField() {
        Instant due = Instant.parse("2026-03-06T17:00:00.456789Z");
        PromiseDraft draft = new PromiseDraft(WS, ALICE, BOB, "the Q3 deck | with ünïcode ✓ and\nnewline",
                "the revenue slide", due, now);

        Promise created = store.create(draft, created(ALICE), p -> FollowUps.Plan.none());

        assertThat(created.id().value()).hasSize(4).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(created.due()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
        assertThat(created.created()).isEqualTo(now);
        assertThat(created.whatMatters()).isEqualTo("the revenue slide");
        assertThat(store.find(WS, created.id())).contains(created);

        // the remaining fields (renegotiations, rating, closing note) through changes
        Promise moved = applied(created.changeDue(ALICE, created.due().plus(Duration.ofDays(1)), "", now));
        Promise delivered = applied(moved.deliver(ALICE, now));
        Promise rated = applied(delivered.rate(BOB, 4, now));
        assertThat(rated.renegotiations()).isEqualTo(1);
        assertThat(rated.rating()).isEqualTo(4);
        assertThat(store.find(WS, created.id())).contains(rated);

        Promise other = store.create(new PromiseDraft(WS, ALICE, BOB, "x", null, due, now), created(ALICE), p -> FollowUps.Plan.none());
        Promise released = applied(other.cancel(ALICE, "out sick | back monday", now));
        assertThat(released.closingNote()).isEqualTo("out sick | back monday");
        assertThat(store.find(WS, other.id())).contains(released);
        assertThat(store.find(WS, new PromiseId("ZZZZ"))).isEmpty();
    }

    @Test
    void idsStayUniqueWhenTheyCollideAndGrowLongerAfterAFewCollisions() {
        RedisPromiseStore unlucky = new RedisPromiseStore(redis, properties, ALWAYS_SAME);

        Promise first = unlucky.create(draft(ALICE, BOB, "one", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise second = unlucky.create(draft(ALICE, BOB, "two", days(2)), created(ALICE), p -> FollowUps.Plan.none());
        Promise third = unlucky.create(draft(ALICE, BOB, "three", days(3)), created(ALICE), p -> FollowUps.Plan.none());

        assertThat(List.of(first.id().value(), second.id().value(), third.id().value()))
                .containsExactly("2222", "22222", "222222");
        assertThat(store.find(WS, first.id()).orElseThrow().what()).isEqualTo("one");
        assertThat(store.find(WS, second.id()).orElseThrow().what()).isEqualTo("two");
        assertThat(store.find(WS, third.id()).orElseThrow().what()).isEqualTo("three");
        assertThat(store.history(WS, first.id())).hasSize(1);

        Map<String, String> before = snapshot();
        assertThatThrownBy(() -> unlucky.create(draft(ALICE, BOB, "four", days(4)), created(ALICE), p -> FollowUps.Plan.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("free promise id");
        assertThat(snapshot()).isEqualTo(before);

        // two stores drawing the same ids: the second one's first id is taken, it finds another
        Promise a = new RedisPromiseStore(redis, properties, new Random(7))
                .create(draft(CAROL, BOB, "a", days(1)), created(CAROL), p -> FollowUps.Plan.none());
        Promise b = new RedisPromiseStore(redis, properties, new Random(7))
                .create(draft(CAROL, BOB, "b", days(1)), created(CAROL), p -> FollowUps.Plan.none());
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.id().value()).hasSize(4);
        assertThat(store.find(WS, a.id()).orElseThrow().what()).isEqualTo("a");
    }

    @Test
    void deliveringMovesThePromiseFromOpenToClosedForBothParties() {
        Promise promise = store.create(draft(ALICE, BOB, "deck", days(3)), created(ALICE), p -> FollowUps.Plan.none());
        assertThat(ids(store.open(person(ALICE), Side.MADE, 10))).containsExactly(promise.id());
        assertThat(ids(store.open(person(BOB), Side.RECEIVED, 10))).containsExactly(promise.id());
        assertThat(store.open(person(ALICE), Side.RECEIVED, 10)).isEmpty();
        assertThat(store.countOpen(person(ALICE), Side.MADE)).isEqualTo(1);

        assertThat(store.apply(promise.deliver(ALICE, now), FollowUps.Plan.none())).isTrue();

        assertThat(store.open(person(ALICE), Side.MADE, 10)).isEmpty();
        assertThat(store.open(person(BOB), Side.RECEIVED, 10)).isEmpty();
        assertThat(store.countOpen(person(ALICE), Side.MADE)).isZero();
        assertThat(store.countOpen(person(BOB), Side.RECEIVED)).isZero();
        assertThat(store.closed(person(ALICE), Side.MADE, 10)).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PromiseStatus.DELIVERED));
        assertThat(ids(store.closed(person(BOB), Side.RECEIVED, 10))).containsExactly(promise.id());
        assertThat(redis.hasKey(PREFIX + "{slack:T1}:made:open:" + ALICE)).isFalse();
    }

    @Test
    void changingTheDueDateRescoresTheOpenIndexes() {
        Promise early = store.create(draft(ALICE, BOB, "early", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise late = store.create(draft(ALICE, BOB, "late", days(2)), created(ALICE), p -> FollowUps.Plan.none());
        assertThat(ids(store.open(person(ALICE), Side.MADE, 10))).containsExactly(early.id(), late.id());

        Instant newDue = days(5);
        assertThat(store.apply(early.changeDue(ALICE, newDue, "", now), FollowUps.Plan.none())).isTrue();

        assertThat(ids(store.open(person(ALICE), Side.MADE, 10))).containsExactly(late.id(), early.id());
        assertThat(ids(store.open(person(BOB), Side.RECEIVED, 10))).containsExactly(late.id(), early.id());
        assertThat(redis.opsForZSet().score(PREFIX + "{slack:T1}:made:open:" + ALICE, early.id().value()))
                .isEqualTo((double) newDue.toEpochMilli());
        assertThat(redis.opsForZSet().score(PREFIX + "{slack:T1}:received:open:" + BOB, early.id().value()))
                .isEqualTo((double) newDue.toEpochMilli());
    }

    @Test
    void aStaleChangeIsRefusedAndWritesNothing() {
        Promise promise = store.create(draft(ALICE, BOB, "deck", days(3)), created(ALICE), p -> FollowUps.Plan.none());
        Promise.Change delivered = promise.deliver(ALICE, now);
        Promise.Change cancelled = promise.cancel(BOB, "not needed", now);   // made from the same version
        assertThat(store.apply(delivered, FollowUps.Plan.none())).isTrue();
        Map<String, String> before = snapshot();

        assertThat(store.apply(cancelled, FollowUps.Plan.none())).isFalse();
        assertThat(store.apply(promise.changeDue(ALICE, days(9), "", now), FollowUps.Plan.none())).isFalse();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(store.find(WS, promise.id()).orElseThrow().status()).isEqualTo(PromiseStatus.DELIVERED);
        assertThat(store.history(WS, promise.id())).extracting(HistoryEntry::event)
                .containsExactly(Event.CREATED, Event.DELIVERED);
    }

    @Test
    void aChangeToAMissingPromiseIsRefusedAndWritesNothing() {
        Promise ghost = aPromise().id("GH35").in(WS).from(ALICE).to(BOB).what("ghost")
                .due(days(1)).created(now).build();

        assertThat(store.apply(ghost.deliver(ALICE, now), FollowUps.Plan.none())).isFalse();
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void historyKeepsEveryChangeInOrder() {
        Promise promise = store.create(draft(ALICE, BOB, "deck", days(3)), created(ALICE), p -> FollowUps.Plan.none());
        List<HistoryEntry> expected = new ArrayList<>();
        expected.add(created(ALICE));
        Promise.Change[] changes = new Promise.Change[4];
        changes[0] = promise.acknowledge(BOB, now.plusSeconds(1));
        changes[1] = changes[0].after().changeDue(ALICE, days(4), "more data | later", now.plusSeconds(2));
        changes[2] = changes[1].after().deliver(ALICE, now.plusSeconds(3));
        changes[3] = changes[2].after().rate(BOB, 5, now.plusSeconds(4));
        for (Promise.Change change : changes) {
            assertThat(store.apply(change, FollowUps.Plan.none())).isTrue();
            expected.add(change.entry());
        }

        assertThat(store.history(WS, promise.id())).containsExactlyElementsOf(expected);
        assertThat(store.history(WS, new PromiseId("ZZZZ"))).isEmpty();
    }

    @Test
    void aProposedDateIsStoredInItsOwnPlaceAndReadBack() {
        Promise request = store.create(new PromiseDraft(WS, BOB, ALICE, "deck", "", days(3), now, PromiseStatus.REQUESTED),
                created(ALICE), p -> FollowUps.Plan.none());
        Instant proposed = days(5);
        Promise.Change change = request.proposeDate(BOB, proposed, "proposed due 2031-01-01T00:00:00Z is a joke", now);
        assertThat(store.apply(change, FollowUps.Plan.none())).isTrue();

        String stored = redis.opsForList().index(PREFIX + "{slack:T1}:history:" + request.id(), -1);
        assertThat(stored).startsWith(now.toEpochMilli() + "|" + BOB + "|p@" + proposed.toEpochMilli() + "|proposed due ");
        HistoryEntry read = store.history(WS, request.id()).get(1);
        assertThat(read).isEqualTo(change.entry());
        assertThat(read.proposedDue()).contains(proposed);
    }

    @Test
    void aDateProposedBeforeItHadItsOwnPlaceIsReadFromItsDetail() {
        Promise request = store.create(new PromiseDraft(WS, BOB, ALICE, "deck", "", days(3), now, PromiseStatus.REQUESTED),
                created(ALICE), p -> FollowUps.Plan.none());
        String key = PREFIX + "{slack:T1}:history:" + request.id();
        redis.opsForList().rightPush(key, now.toEpochMilli() + "|" + BOB + "|p|proposed due 2026-03-09T17:00:00Z; note: monday");
        redis.opsForList().rightPush(key, now.toEpochMilli() + "|" + BOB + "|p|proposed due 2026-03-10T17:00:00Z");
        redis.opsForList().rightPush(key, now.toEpochMilli() + "|" + BOB + "|p|something else");

        List<HistoryEntry> history = store.history(WS, request.id());
        assertThat(history).extracting(HistoryEntry::proposedDue).containsExactly(java.util.Optional.empty(),
                java.util.Optional.of(Instant.parse("2026-03-09T17:00:00Z")),
                java.util.Optional.of(Instant.parse("2026-03-10T17:00:00Z")), java.util.Optional.empty());
        assertThat(history.get(1).detail()).isEqualTo("proposed due 2026-03-09T17:00:00Z; note: monday");
    }

    @Test
    void openListsSoonestDueFirstAndClosedListsMostRecentlyDueFirst() {
        Promise in3 = store.create(draft(ALICE, BOB, "3", days(3)), created(ALICE), p -> FollowUps.Plan.none());
        Promise in1 = store.create(draft(ALICE, BOB, "1", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise in2 = store.create(draft(ALICE, CAROL, "2", days(2)), created(ALICE), p -> FollowUps.Plan.none());
        Promise in4 = store.create(draft(ALICE, BOB, "4", days(4)), created(ALICE), p -> FollowUps.Plan.none());

        assertThat(ids(store.open(person(ALICE), Side.MADE, 10))).containsExactly(in1.id(), in2.id(), in3.id(), in4.id());
        assertThat(ids(store.open(person(ALICE), Side.MADE, 2))).containsExactly(in1.id(), in2.id());
        assertThat(store.open(person(ALICE), Side.MADE, 0)).isEmpty();
        assertThat(ids(store.open(person(BOB), Side.RECEIVED, 10))).containsExactly(in1.id(), in3.id(), in4.id());
        assertThat(store.countOpen(person(ALICE), Side.MADE)).isEqualTo(4);
        assertThat(store.countOpen(person(BOB), Side.RECEIVED)).isEqualTo(3);

        store.apply(in1.deliver(ALICE, now), FollowUps.Plan.none());
        store.apply(in3.cancel(BOB, "", now), FollowUps.Plan.none());
        store.apply(in2.cancel(ALICE, "can't", now), FollowUps.Plan.none());

        assertThat(ids(store.closed(person(ALICE), Side.MADE, 10))).containsExactly(in3.id(), in2.id(), in1.id());
        assertThat(ids(store.closed(person(ALICE), Side.MADE, 1))).containsExactly(in3.id());
        assertThat(ids(store.closed(person(BOB), Side.RECEIVED, 10))).containsExactly(in3.id(), in1.id());
        assertThat(ids(store.open(person(ALICE), Side.MADE, 10))).containsExactly(in4.id());
    }

    @Test
    void workspacesDoNotMix() {
        RedisPromiseStore sameIds = new RedisPromiseStore(redis, properties, ALWAYS_SAME);
        Promise here = sameIds.create(draft(ALICE, BOB, "here", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise there = sameIds.create(new PromiseDraft(OTHER_WS, ALICE, BOB, "there", "", days(2), now),
                created(ALICE), p -> FollowUps.Plan.none());

        assertThat(there.id()).isEqualTo(here.id());   // same id, different workspace: no collision
        assertThat(store.find(WS, here.id()).orElseThrow().what()).isEqualTo("here");
        assertThat(store.find(OTHER_WS, here.id()).orElseThrow().what()).isEqualTo("there");
        assertThat(store.open(person(ALICE), Side.MADE, 10)).extracting(Promise::what).containsExactly("here");
        assertThat(store.open(OTHER_WS.person(ALICE), Side.MADE, 10)).extracting(Promise::what)
                .containsExactly("there");

        assertThat(store.apply(here.deliver(ALICE, now), FollowUps.Plan.none())).isTrue();
        assertThat(store.countOpen(OTHER_WS.person(ALICE), Side.MADE)).isEqualTo(1);
        assertThat(store.find(OTHER_WS, there.id()).orElseThrow().status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(store.history(OTHER_WS, there.id())).hasSize(1);
    }

    @Test
    void keysCarryThePrefixAndTheWorkspaceHashTag() {
        Promise open = store.create(draft(ALICE, BOB, "open", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise done = store.create(draft(ALICE, BOB, "done", days(2)), created(ALICE), p -> FollowUps.Plan.none());
        store.apply(done.deliver(ALICE, now), FollowUps.Plan.none());

        String ws = PREFIX + "{slack:T1}:";
        assertThat(snapshot().keySet()).containsExactlyInAnyOrder(
                ws + "promise:" + open.id(), ws + "history:" + open.id(),
                ws + "promise:" + done.id(), ws + "history:" + done.id(),
                ws + "made:open:" + ALICE, ws + "received:open:" + BOB,
                ws + "made:closed:" + ALICE, ws + "received:closed:" + BOB, ws + "touched", ws + "due",
                PREFIX + "workspaces");
        Set<Integer> slots = new TreeSet<>();
        for (String key : snapshot().keySet()) {
            if (!key.equals(PREFIX + "workspaces")) {   // the list of workspaces is read alone
                slots.add(SlotHash.getSlot(key));
            }
        }
        assertThat(slots).hasSize(1).containsExactly(SlotHash.getSlot("slack:T1"));
        assertThat(redis.type(ws + "promise:" + open.id())).isEqualTo(DataType.HASH);
        assertThat(redis.type(ws + "history:" + open.id())).isEqualTo(DataType.LIST);
        assertThat(redis.type(ws + "made:open:" + ALICE)).isEqualTo(DataType.ZSET);
    }

    @Test
    void aStoreThatCannotReachRedisSaysSoWithinTheTimeout() {
        Duration timeout = Duration.ofMillis(500);
        KeptRedisProperties nowhere = properties.withUrl("redis://127.0.0.1:" + TestRedis.freePort())
                .withTimeout(timeout);
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(nowhere, EmbeddedRedis.none(), null);
        factory.afterPropertiesSet();
        try {
            RedisPromiseStore unreachable = new RedisPromiseStore(TestRedis.template(factory), nowhere);
            Promise promise = aPromise().id("K7Q2").in(WS).from(ALICE).to(BOB).what("x")
                    .due(days(1)).created(now).build();

            long start = System.nanoTime();
            assertThatThrownBy(() -> unreachable.find(WS, promise.id()))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Redis")
                    .hasMessageContaining("K7Q2");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusSeconds(2));

            assertThatThrownBy(() -> unreachable.create(draft(ALICE, BOB, "x", days(1)), created(ALICE), p -> FollowUps.Plan.none()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.apply(promise.deliver(ALICE, now), FollowUps.Plan.none()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.open(person(ALICE), Side.MADE, 5))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.closed(person(ALICE), Side.MADE, 5))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.countOpen(person(ALICE), Side.MADE))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.history(WS, promise.id()))
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            factory.destroy();
        }
    }

    @Test
    void aRedisThatGoesAwayFailsFastInsteadOfQueueing() throws Exception {
        RedisServer server = TestRedis.startPrivateServer();
        Duration timeout = Duration.ofMillis(500);
        KeptRedisProperties own = properties.withUrl("redis://127.0.0.1:" + TestRedis.port(server))
                .withTimeout(timeout);
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(own, EmbeddedRedis.none(), null);
        factory.afterPropertiesSet();
        try {
            RedisPromiseStore store = new RedisPromiseStore(TestRedis.template(factory), own);
            Promise promise = store.create(draft(ALICE, BOB, "x", days(1)), created(ALICE), p -> FollowUps.Plan.none());
            assertThat(store.find(WS, promise.id())).isPresent();

            server.stop();

            long start = System.nanoTime();
            assertThatThrownBy(() -> store.find(WS, promise.id())).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> store.apply(promise.deliver(ALICE, now), FollowUps.Plan.none()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.multipliedBy(2).plusSeconds(2));
        } finally {
            factory.destroy();
            server.stop();
        }
    }

    @Test
    void aChangeCannotMoveAPromiseToAnotherIdOrWorkspace() {
        Promise promise = store.create(draft(ALICE, BOB, "x", days(1)), created(ALICE), p -> FollowUps.Plan.none());
        Promise.Change delivered = promise.deliver(ALICE, now);
        Promise elsewhere = aPromise().id(delivered.after().id()).in(OTHER_WS).from(ALICE).to(BOB).what("x")
                .due(days(1)).created(now).status(PromiseStatus.DELIVERED).version(2).build();

        assertThatThrownBy(() -> store.apply(new Promise.Change(promise, elsewhere, delivered.entry()), FollowUps.Plan.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.apply(new Promise.Change(promise, promise, delivered.entry()), FollowUps.Plan.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Promise applied(Promise.Change change) {
        assertThat(store.apply(change, FollowUps.Plan.none())).isTrue();
        return change.after();
    }

    private PromiseDraft draft(String provider, String receiver, String what, Instant due) {
        return new PromiseDraft(WS, provider, receiver, what, "", due, now);
    }

    private HistoryEntry created(String actor) {
        return new HistoryEntry(now, actor, Event.CREATED, "");
    }

    private Instant days(int days) {
        return now.plus(Duration.ofDays(days));
    }

    private static Person person(String userId) {
        return WS.person(userId);
    }

    private static List<PromiseId> ids(List<Promise> promises) {
        return promises.stream().map(Promise::id).toList();
    }

    private Map<String, String> snapshot() {
        return TestRedis.snapshot(redis);
    }
}
