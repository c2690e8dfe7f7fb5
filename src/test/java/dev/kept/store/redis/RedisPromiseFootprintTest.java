package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many bytes of Redis memory a promise costs (hash + three-entry history + its share of the
 * index sets), measured with MEMORY USAGE and printed; the assertion only guards against a layout
 * change that would blow it up.
 */
class RedisPromiseFootprintTest {

    static final Workspace WS = new Workspace("slack", "T0123ABCD");
    static final String PREFIX = "kept:";
    static final int PROMISES = 1000;
    static final int PEOPLE = 40;

    final StringRedisTemplate redis = TestRedis.template();
    final RedisPromiseStore store = new RedisPromiseStore(redis, KeptRedisProperties.defaults());
    final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @BeforeEach
    void clean() {
        TestRedis.flushAll();
    }

    @Test
    void aTypicalPromiseWithThreeHistoryEntriesCostsWellUnderOneKibibyte() {
        Promise one = make(0);
        String promiseKey = PREFIX + "{" + WS.key() + "}:promise:" + one.id();
        String historyKey = PREFIX + "{" + WS.key() + "}:history:" + one.id();
        long hash = usage(promiseKey);
        long history = usage(historyKey);
        long single = hash + history;
        assertThat(encoding(promiseKey)).isIn("ziplist", "listpack");

        for (int i = 1; i < PROMISES; i++) {
            make(i);
        }
        long total = 0;
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").count(1000).build())) {
            while (keys.hasNext()) {
                total += usage(keys.next());
            }
        }
        long perPromise = total / PROMISES;
        System.out.printf("Redis footprint: one promise hash %d + 3-entry history %d = %d bytes; %d promises among %d "
                        + "people incl. index sets = %d bytes per promise (MEMORY USAGE, Redis %s)%n",
                hash, history, single, PROMISES, PEOPLE, perPromise, serverVersion());
        assertThat(perPromise).isLessThan(1024);
    }

    /** Created, acknowledged, then delivered (odd) or moved to a later due date (even): three entries. */
    private Promise make(int i) {
        String provider = "U0" + (1_000_000 + i % PEOPLE);
        String receiver = "U0" + (1_000_000 + (i + 7) % PEOPLE);
        Instant due = now.plus(Duration.ofHours(24 + i));
        Promise promise = store.create(new PromiseDraft(WS, provider, receiver,
                        "the Q3 deck for the board meeting, with the revenue slide #" + i,
                        i % 3 == 0 ? "the numbers by region" : "", due, now),
                new HistoryEntry(now, provider, Event.CREATED, ""), p -> FollowUps.Plan.none());
        Promise.Change ack = promise.acknowledge(receiver, now.plusSeconds(30));
        store.apply(ack, FollowUps.Plan.none());
        Promise.Change next = i % 2 == 1
                ? ack.after().deliver(provider, now.plusSeconds(3600))
                : ack.after().changeDue(provider, due.plus(Duration.ofDays(1)), "waiting for finance", now.plusSeconds(60));
        store.apply(next, FollowUps.Plan.none());
        return next.after();
    }

    private long usage(String key) {
        Long result = redis.execute(MEMORY_USAGE, List.of(key));
        return result == null ? 0 : result;
    }

    private String encoding(String key) {
        return redis.execute(OBJECT_ENCODING, List.of(key));
    }

    private String serverVersion() {
        Object info = redis.execute((RedisCallback<Object>) c -> c.serverCommands().info("server"));
        return info instanceof java.util.Properties ? ((java.util.Properties) info).getProperty("redis_version") : "?";
    }

    private static final RedisScript<Long> MEMORY_USAGE =
            RedisScript.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);
    private static final RedisScript<String> OBJECT_ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);
}
