package dev.kept.store.redis;

import dev.kept.chat.ProfileCache;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStore;
import dev.kept.testing.redis.TestRedis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisConfigTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withUserConfiguration(RedisConfig.class, RedisPromiseStore.class, RedisProfileCache.class);

    @TempDir
    Path tmp;

    @Test
    void withAUrlKeptUsesThatRedisAndBootStillProvidesTheTemplate() {
        TestRedis.flushAll();
        runner.withPropertyValues("kept.redis.url=" + TestRedis.url(), "kept.redis.timeout=750ms",
                        "kept.redis.key-prefix=kept-config-test:", "kept.redis.data-dir=" + tmp.resolve("unused"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(RedisConnectionFactory.class);
                    assertThat(context).hasSingleBean(StringRedisTemplate.class);
                    assertThat(context.getBean(EmbeddedRedis.class).running()).isFalse();
                    LettuceConnectionFactory factory = context.getBean("redisConnectionFactory",
                            LettuceConnectionFactory.class);
                    assertThat(context.getBean(StringRedisTemplate.class).getConnectionFactory()).isSameAs(factory);
                    assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofMillis(750));
                    ClientOptions options = factory.getClientConfiguration().getClientOptions().orElseThrow();
                    assertThat(options.getDisconnectedBehavior())
                            .isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
                    assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(750));

                    Promise promise = makeOne(context.getBean(PromiseStore.class));
                    assertThat(context.getBean(StringRedisTemplate.class)
                            .hasKey("kept-config-test:{slack:T1}:promise:" + promise.id())).isTrue();
                    assertThat(context).hasSingleBean(ProfileCache.class);
                });
        assertThat(tmp.resolve("unused")).doesNotExist();
    }

    @Test
    void withoutAUrlKeptStartsItsOwnRedisAndStopsItWithTheContext() {
        Path dataDir = tmp.resolve("data");
        EmbeddedRedis[] started = new EmbeddedRedis[1];
        runner.withPropertyValues("kept.redis.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EmbeddedRedis embedded = context.getBean(EmbeddedRedis.class);
                    started[0] = embedded;
                    assertThat(embedded.running()).isTrue();
                    assertThat(embedded.dataDir()).contains(dataDir.toAbsolutePath());
                    LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
                    assertThat(factory.getStandaloneConfiguration().getPort()).isEqualTo(embedded.port().orElseThrow());
                    makeOne(context.getBean(PromiseStore.class));
                });
        assertThat(started[0].running()).isFalse();
        assertThat(dataDir.resolve(EmbeddedRedis.APPEND_ONLY_FILE)).isRegularFile();
    }

    @Test
    void anUnwritableDataDirectoryFailsTheStartup() throws Exception {
        Path aFile = java.nio.file.Files.writeString(tmp.resolve("file"), "x");
        runner.withPropertyValues("kept.redis.data-dir=" + aFile.resolve("data"))
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("Set KEPT_DATA_DIR to a writable directory"));
    }

    @Test
    void urlsAreReadWithUserPasswordDatabaseAndTls() {
        RedisURI plain = RedisConfig.parse("redis://kept:s3cret@redis.example.com:6380/2");
        assertThat(plain.getHost()).isEqualTo("redis.example.com");
        assertThat(plain.getPort()).isEqualTo(6380);
        assertThat(plain.getDatabase()).isEqualTo(2);

        KeptRedisProperties properties = KeptRedisProperties.defaults()
                .withUrl("rediss://kept:s3cret@redis.example.com:6380/2");
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(properties, EmbeddedRedis.none(), null);
        RedisStandaloneConfiguration server = factory.getStandaloneConfiguration();
        assertThat(server.getHostName()).isEqualTo("redis.example.com");
        assertThat(server.getPort()).isEqualTo(6380);
        assertThat(server.getDatabase()).isEqualTo(2);
        assertThat(server.getUsername()).isEqualTo("kept");
        assertThat(new String(server.getPassword().get())).isEqualTo("s3cret");
        assertThat(factory.getClientConfiguration().isUseSsl()).isTrue();

        LettuceConnectionFactory passwordOnly = RedisConfig.connectionFactory(
                properties.withUrl("redis://:only-pw@localhost:6390"), EmbeddedRedis.none(), null);
        assertThat(passwordOnly.getStandaloneConfiguration().getUsername()).isNull();
        assertThat(new String(passwordOnly.getStandaloneConfiguration().getPassword().get())).isEqualTo("only-pw");
        assertThat(passwordOnly.getClientConfiguration().isUseSsl()).isFalse();

        assertThatThrownBy(() -> RedisConfig.parse("http://kept:s3cret@redis.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void clusterSeedsGiveAClusterFactoryWithTopologyRefreshAndTheSameFailFastOptions() {
        KeptRedisProperties properties = KeptRedisProperties.defaults()
                .withCluster(" redis-a:7000, redis-b:7001 ,redis-c:7002")
                .withCredentials("kept", "s3cret").withSsl(true).withTimeout(Duration.ofMillis(900));
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(properties, EmbeddedRedis.none(), null);
        assertThat(factory.isClusterAware()).isTrue();
        RedisClusterConfiguration cluster = factory.getClusterConfiguration();
        assertThat(cluster.getClusterNodes()).extracting(Object::toString)
                .containsExactlyInAnyOrder("redis-a:7000", "redis-b:7001", "redis-c:7002");
        assertThat(cluster.getUsername()).isEqualTo("kept");
        assertThat(new String(cluster.getPassword().get())).isEqualTo("s3cret");
        assertThat(factory.getClientConfiguration().isUseSsl()).isTrue();
        assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofMillis(900));
        ClusterClientOptions options = (ClusterClientOptions) factory.getClientConfiguration().getClientOptions().orElseThrow();
        assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        ClusterTopologyRefreshOptions refresh = options.getTopologyRefreshOptions();
        assertThat(refresh.isPeriodicRefreshEnabled()).isTrue();
        assertThat(refresh.getRefreshPeriod()).isEqualTo(RedisConfig.PERIODIC_REFRESH);
        assertThat(refresh.getAdaptiveRefreshTriggers())
                .containsExactlyInAnyOrder(ClusterTopologyRefreshOptions.RefreshTrigger.values());
    }

    @Test
    void sentinelSettingsGiveASentinelFactory() {
        KeptRedisProperties properties = KeptRedisProperties.defaults()
                .withSentinel("kept-master", "s1:26379,s2:26379,s3:26379").withCredentials("", "pw");
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(properties, EmbeddedRedis.none(), null);
        assertThat(factory.isRedisSentinelAware()).isTrue();
        RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
        assertThat(sentinel.getMaster().getName()).isEqualTo("kept-master");
        assertThat(sentinel.getSentinels()).hasSize(3);
        assertThat(new String(sentinel.getPassword().get())).isEqualTo("pw");
        assertThat(factory.getClientConfiguration().isUseSsl()).isFalse();
    }

    @Test
    void settingsThatNameTwoRedisOrHalfASentinelStopTheStartWithAClearMessage() {
        assertThatThrownBy(() -> KeptRedisProperties.defaults().withUrl("redis://localhost:6379")
                .withCluster("localhost:7000").mode())
                .isInstanceOf(KeptRedisProperties.RedisSettingsException.class)
                .hasMessageContaining("more than one Redis is named")
                .hasMessageContaining("REDIS_URL").hasMessageContaining("KEPT_REDIS_CLUSTER_NODES");
        assertThatThrownBy(() -> KeptRedisProperties.defaults().withSentinel("mymaster", "").mode())
                .hasMessageContaining("KEPT_REDIS_SENTINEL_NODES (the sentinels) is not");
        assertThatThrownBy(() -> KeptRedisProperties.defaults().withSentinel("", "s1:26379").mode())
                .hasMessageContaining("KEPT_REDIS_SENTINEL_MASTER (the master's name) is not");
        assertThatThrownBy(() -> KeptRedisProperties.defaults().withCluster("localhost").mode())
                .hasMessageContaining("\"localhost\", which is not host:port");
        assertThatThrownBy(() -> KeptRedisProperties.defaults().withUrl("redis://localhost:6379")
                .withCredentials("", "pw").mode())
                .hasMessageContaining("put them in the URL");
        assertThat(KeptRedisProperties.defaults().withCredentials("", "s3cret").toString()).doesNotContain("s3cret");

        runner.withPropertyValues("kept.redis.url=redis://localhost:6379", "kept.redis.cluster-nodes=localhost:7000")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new RedisSettingsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("Kept can't tell which Redis to use")
                            .contains("more than one Redis is named");
                    assertThat(analysis.getAction()).contains("KEPT_REDIS_CLUSTER_NODES");
                });
    }

    private static Promise makeOne(PromiseStore store) {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        return store.create(new PromiseDraft(new Workspace("slack", "T1"), "U1", "U2", "deck", "", now.plusSeconds(3600),
                now), new HistoryEntry(now, "U1", Event.CREATED, ""), p -> FollowUps.Plan.none());
    }
}
