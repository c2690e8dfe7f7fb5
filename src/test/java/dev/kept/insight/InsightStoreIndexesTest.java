package dev.kept.insight;

import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStatus;
import dev.kept.store.redis.KeptRedisProperties;
import dev.kept.store.redis.RedisPromiseStore;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The two store indexes insight reads: promises by due time per workspace, and the list of workspaces. */
class InsightStoreIndexesTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Workspace OTHER = new Workspace("teams", "T2");
    static final String PREFIX = "kept-insight-test:";

    final StringRedisTemplate redis = TestRedis.template();
    final RedisPromiseStore store = new RedisPromiseStore(redis, KeptRedisProperties.defaults().withKeyPrefix(PREFIX));
    final Instant now = Instant.parse("2026-11-23T09:00:00Z");

    @BeforeEach
    void clean() {
        TestRedis.flushAll();
    }

    Promise make(Workspace ws, String what, Instant due) {
        return store.create(new PromiseDraft(ws, "U111", "U222", what, "", due, now),
                new HistoryEntry(now, "U111", HistoryEntry.Event.CREATED, ""), p -> FollowUps.Plan.none());
    }

    Instant days(double d) {
        return now.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    @Test
    void promisesAreFoundByTheirCurrentDueTimeInWhateverStateTheyAre() {
        Promise early = make(WS, "early", days(1));
        Promise moved = make(WS, "moved", days(2));
        Promise late = make(WS, "late", days(3));
        make(OTHER, "elsewhere", days(2));

        assertThat(store.dueBetween(WS, days(1), days(3))).extracting(Promise::what).containsExactly("early", "moved");

        assertThat(store.apply(moved.changeDue("U111", days(5), "", now), FollowUps.Plan.none())).isTrue();
        assertThat(store.apply(early.deliver("U111", now), FollowUps.Plan.none())).isTrue();

        assertThat(store.dueBetween(WS, days(1), days(3))).extracting(Promise::what).containsExactly("early");
        assertThat(store.dueBetween(WS, days(1), days(3)).get(0).status()).isEqualTo(PromiseStatus.DELIVERED);
        assertThat(store.dueBetween(WS, days(3), days(6))).extracting(Promise::what).containsExactly("late", "moved");
        assertThat(store.dueBetween(WS, days(3.5), days(6))).extracting(Promise::id).containsExactly(moved.id());
        assertThat(store.dueBetween(WS, days(0), days(1))).isEmpty();   // the end is excluded
        assertThat(late.due()).isEqualTo(days(3));
    }

    @Test
    void everyWorkspaceWithAPromiseIsListedOnce() {
        assertThat(store.workspaces()).isEmpty();
        make(WS, "one", days(1));
        make(WS, "two", days(1));
        make(OTHER, "three", days(1));
        redis.opsForSet().add(PREFIX + "workspaces", "not a workspace");

        assertThat(store.workspaces()).containsExactly(WS, OTHER);
    }
}
