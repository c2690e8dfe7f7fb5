package dev.kept.insight;

import dev.kept.testing.core.RecordingMessenger;
import dev.kept.testing.core.RecordingMessenger.Posted;
import dev.kept.chat.Once;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseServiceBuilder;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.store.redis.KeptRedisProperties;
import dev.kept.store.redis.RedisOnce;
import dev.kept.store.redis.RedisPromiseStore;
import dev.kept.testing.MutableClock;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The weekly digest's poller against a real Redis: it posts once a week per workspace however many
 * instances look, waits out an unreachable store without dying, and stays quiet outside its time.
 */
class WeeklyDigestTest {

    static final Workspace SLACK = new Workspace("slack", "T123");
    static final Workspace TEAMS = new Workspace("teams", "T9");
    static final Instant SEND = Instant.parse("2026-11-30T09:00:00Z");
    static final KeptRedisProperties REDIS = KeptRedisProperties.defaults().withKeyPrefix("kept-digest-test:");

    final FlakyStore store = new FlakyStore(new RedisPromiseStore(TestRedis.template(), REDIS));
    final Once once = new RedisOnce(TestRedis.template(), REDIS);
    final RecordingMessenger messenger = new RecordingMessenger().acceptingChannelPosts().refusingFiles();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final InsightService insight = new InsightService(store,
            PromiseServiceBuilder.with(store, person -> Optional.empty(), messenger, clock).build(), messenger, clock);
    WeeklyDigest running;

    static DigestProperties every(Duration poll) {
        return new DigestProperties(java.util.Map.of("slack", "C0DIGEST"), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC, poll);
    }

    WeeklyDigest digest(DigestProperties settings) {
        return new WeeklyDigest(store, insight, messenger, once, settings, clock);
    }

    @BeforeEach
    void aWeekWithOnePromiseKept() {
        TestRedis.flushAll();
        for (Workspace ws : List.of(SLACK, TEAMS)) {
            Promise p = store.create(new PromiseDraft(ws, "U111", "U222", "the Q3 deck", "",
                            Instant.parse("2026-11-26T15:00:00Z"), clock.instant()),
                    new HistoryEntry(clock.instant(), "U111", HistoryEntry.Event.CREATED, ""), x -> FollowUps.Plan.none());
            assertThat(store.apply(p.deliver("U111", Instant.parse("2026-11-25T10:00:00Z")), FollowUps.Plan.none())).isTrue();
        }
        clock.set(SEND.plusSeconds(30));
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void postsTheWeekOnceToTheChannelOfSlackWorkspacesOnly() {
        WeeklyDigest one = digest(every(Duration.ofHours(1)));
        WeeklyDigest another = digest(every(Duration.ofHours(1)));   // a second Kept instance

        assertThat(one.runNow()).isEqualTo(1);
        assertThat(another.runNow()).isZero();
        assertThat(one.runNow()).isZero();

        assertThat(messenger.posts).hasSize(1);
        Posted posted = messenger.posts.get(0);
        assertThat(posted.workspace()).isEqualTo(SLACK);
        assertThat(posted.channel()).isEqualTo("C0DIGEST");
        assertThat(Texts.of(posted.message())).contains("Promises made: 1\nPromises delivered: 1");
    }

    @Test
    void aMissedDigestGoesOutUpToADayLateAndNeverBeforeItsTime() {
        WeeklyDigest digest = digest(every(Duration.ofHours(1)));

        clock.set(SEND.minusSeconds(1));
        assertThat(digest.runNow()).isZero();       // last Monday's time is long past: nothing
        clock.set(SEND.plus(Duration.ofDays(1)));
        assertThat(digest.runNow()).isZero();       // more than a day late: skipped
        clock.set(SEND.plus(Duration.ofHours(23)));
        assertThat(digest.runNow()).isEqualTo(1);   // Kept was down at nine: still posted the same day
        assertThat(messenger.posts).hasSize(1);
    }

    @Test
    void aQuietWeekIsNotPosted() {
        clock.set(SEND.plus(Duration.ofDays(7)));
        assertThat(digest(every(Duration.ofHours(1))).runNow()).isZero();
        assertThat(messenger.posts).isEmpty();
    }

    @Test
    void withoutAChannelThereIsNoDigestAndNoPoller() {
        WeeklyDigest off = digest(new DigestProperties(java.util.Map.of("slack", "  "), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC,
                Duration.ofMillis(10)));
        off.start();
        assertThat(off.isRunning()).isFalse();
        assertThat(off.runNow()).isZero();
        assertThat(messenger.posts).isEmpty();
    }

    @Test
    void anUnreachableStoreMakesThePollerWaitAndTryAgainNotDie() {
        store.down = true;
        running = digest(every(Duration.ofMillis(20)));
        running.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> store.refused.get() >= 3);
        assertThat(running.isRunning()).isTrue();
        assertThat(messenger.posts).isEmpty();

        store.down = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> messenger.posts.size() == 1);
        running.stop();
        assertThat(digest(every(Duration.ofHours(1))).runNow()).isZero();
        assertThat(messenger.posts).hasSize(1);
    }

    @Test
    void aChannelThatRefusesThePostIsLoggedNotThrown() {
        messenger.channelFailing = true;
        assertThat(digest(every(Duration.ofHours(1))).runNow()).isZero();
    }

    @Test
    void theHomePageSaysSoWhenTheStoreIsDown() {
        store.down = true;
        insight.showHome(SLACK.person("U111"));

        assertThat(messenger.homes).hasSize(1);
        assertThat(Texts.of(messenger.homes.get(0))).contains("I can't reach my storage right now");
    }

    // ---------------------------------------------------------------- fakes

    /** The real store, which can be made unreachable. */
    static final class FlakyStore implements PromiseStore {
        private final PromiseStore real;
        volatile boolean down;
        final AtomicInteger refused = new AtomicInteger();

        FlakyStore(PromiseStore real) {
            this.real = real;
        }

        private PromiseStore up() {
            if (down) {
                refused.incrementAndGet();
                throw new StoreUnavailableException("connection refused", null);
            }
            return real;
        }

        @Override
        public Promise create(PromiseDraft draft, HistoryEntry created, Function<Promise, FollowUps.Plan> plan) {
            return up().create(draft, created, plan);
        }

        @Override
        public Optional<Promise> find(Workspace workspace, PromiseId id) {
            return up().find(workspace, id);
        }

        @Override
        public boolean apply(Promise.Change change, FollowUps.Plan plan) {
            return up().apply(change, plan);
        }

        @Override
        public List<Promise> open(Person person, Side side, int limit) {
            return up().open(person, side, limit);
        }

        @Override
        public long countOpen(Person person, Side side) {
            return up().countOpen(person, side);
        }

        @Override
        public List<Promise> closed(Person person, Side side, int limit) {
            return up().closed(person, side, limit);
        }

        @Override
        public List<HistoryEntry> history(Workspace workspace, PromiseId id) {
            return up().history(workspace, id);
        }

        @Override
        public List<Promise> all(Person person, Side side) {
            return up().all(person, side);
        }

        @Override
        public List<Promise> changedBetween(Workspace workspace, Instant from, Instant to) {
            return up().changedBetween(workspace, from, to);
        }

        @Override
        public Map<PromiseId, List<HistoryEntry>> histories(Workspace workspace, Collection<PromiseId> ids) {
            return up().histories(workspace, ids);
        }

        @Override
        public List<Promise> dueBetween(Workspace workspace, Instant from, Instant to) {
            return up().dueBetween(workspace, from, to);
        }

        @Override
        public Set<Workspace> workspaces() {
            return up().workspaces();
        }
    }
}
