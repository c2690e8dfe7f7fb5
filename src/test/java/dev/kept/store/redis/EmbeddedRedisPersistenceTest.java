package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.Side;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import redis.embedded.RedisServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRedisPersistenceTest {

    static final Workspace WS = new Workspace("slack", "T1");
    final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void promisesSurviveARestartOnTheSameDataDirectory(CapturedOutput output) throws Exception {
        Path dataDir = tmp.resolve("data with space");   // does not exist yet: it is created
        KeptRedisProperties properties = KeptRedisProperties.defaults()
                .withDataDir(dataDir.toString())
                .withEmbeddedPort(TestRedis.freePort());

        Promise delivered = withStore(properties, store -> {
            Promise promise = store.create(new PromiseDraft(WS, "U111", "U222", "the Q3 deck", "slide 4",
                    now.plus(Duration.ofDays(2)), now), new HistoryEntry(now, "U111", Event.CREATED, ""), p -> FollowUps.Plan.none());
            Promise.Change change = promise.deliver("U111", now.plusSeconds(60));
            assertThat(store.apply(change, FollowUps.Plan.none())).isTrue();
            return change.after();
        });

        assertThat(dataDir.resolve(EmbeddedRedis.APPEND_ONLY_FILE)).isRegularFile();
        assertThat(Files.size(dataDir.resolve(EmbeddedRedis.APPEND_ONLY_FILE))).isPositive();

        withStore(properties.withEmbeddedPort(0), store -> {
            assertThat(store.find(WS, delivered.id())).contains(delivered);
            assertThat(store.history(WS, delivered.id())).extracting(HistoryEntry::event)
                    .containsExactly(Event.CREATED, Event.DELIVERED);
            assertThat(store.closed(WS.person("U222"), Side.RECEIVED, 5)).extracting(Promise::status)
                    .containsExactly(PromiseStatus.DELIVERED);
            return null;
        });

        List<String> startLines = output.getAll().lines()
                .filter(line -> line.contains("No REDIS_URL set: started embedded Redis on 127.0.0.1:"))
                .toList();
        assertThat(startLines).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("INFO")
                .contains("keeping its data in " + dataDir.toAbsolutePath() + " (append-only file)")
                .endsWith("Set REDIS_URL to use your own Redis."));
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStopsTheStartWithAClearMessage() throws Exception {
        Path aFile = Files.writeString(tmp.resolve("not-a-directory"), "x");
        KeptRedisProperties properties = KeptRedisProperties.defaults().withDataDir(aFile.resolve("data").toString());

        assertThatThrownBy(() -> RedisConfig.startEmbedded(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(aFile.resolve("data").toString())
                .hasMessageContaining("KEPT_DATA_DIR");
    }

    @Test
    void twoEmbeddedServersNeverShareADataDirectory() {
        KeptRedisProperties properties = KeptRedisProperties.defaults().withDataDir(tmp.toString());
        try (EmbeddedRedis first = RedisConfig.startEmbedded(properties)) {
            assertThat(first.running()).isTrue();
            assertThat(tmp.resolve(EmbeddedRedis.PID_FILE)).isRegularFile();
            assertThatThrownBy(() -> RedisConfig.startEmbedded(properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already using the data directory");
        }
        assertThat(tmp.resolve(EmbeddedRedis.PID_FILE)).doesNotExist();
        try (EmbeddedRedis again = RedisConfig.startEmbedded(properties)) {
            assertThat(again.running()).isTrue();
        }
    }

    @Test
    void aRedisUrlMeansNothingIsStarted() {
        try (EmbeddedRedis none = RedisConfig.startEmbedded(KeptRedisProperties.defaults()
                .withUrl("redis://127.0.0.1:1").withDataDir(tmp.resolve("unused").toString()))) {
            assertThat(none.running()).isFalse();
            assertThat(none.port()).isEmpty();
        }
        assertThat(tmp.resolve("unused")).doesNotExist();
    }

    /** The process id a redis-server reports about itself. */
    private static long pidOf(RedisServer server) {
        LettuceConnectionFactory factory = TestRedis.connectionFactory("redis://127.0.0.1:" + TestRedis.port(server),
                Duration.ofSeconds(2));
        try {
            Properties info = TestRedis.template(factory)
                    .execute((RedisCallback<Properties>) c -> c.serverCommands().info("server"));
            return Long.parseLong(info.getProperty("process_id"));
        } finally {
            factory.destroy();
        }
    }

    private <T> T withStore(KeptRedisProperties properties, Function<RedisPromiseStore, T> work) {
        try (EmbeddedRedis redis = RedisConfig.startEmbedded(properties)) {
            assertThat(redis.running()).isTrue();
            LettuceConnectionFactory factory = RedisConfig.connectionFactory(properties, redis, null);
            factory.afterPropertiesSet();
            try {
                return work.apply(new RedisPromiseStore(TestRedis.template(factory), properties));
            } finally {
                factory.destroy();
            }
        }
    }
}
