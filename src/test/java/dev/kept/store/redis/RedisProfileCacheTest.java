package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RedisProfileCacheTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Person ALICE = WS.person("U111");
    static final String KEY = "kept-test:{slack:T1}:profile:U111";

    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix("kept-test:");
    final StringRedisTemplate redis = TestRedis.template();
    final RedisProfileCache cache = new RedisProfileCache(redis, properties);

    @BeforeEach
    void clean() {
        TestRedis.flushAll();
    }

    @Test
    void aCachedProfileReadsBackWithItsTimeToLive() {
        Profile alice = new Profile(ALICE, "Alice Ådahl", ZoneId.of("Europe/Stockholm"), false, true);

        cache.put(alice, Duration.ofMinutes(10));

        assertThat(cache.get(ALICE)).contains(alice);
        Long pttl = redis.getExpire(KEY, TimeUnit.MILLISECONDS);
        assertThat(pttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        assertThat(redis.<String, String>opsForHash().entries(KEY))
                .containsEntry("name", "Alice Ådahl")
                .containsEntry("tz", "Europe/Stockholm")
                .containsEntry("bot", "0")
                .containsEntry("active", "1");
    }

    @Test
    void aNewProfileReplacesTheOldOneAndItsTimeToLive() {
        cache.put(new Profile(ALICE, "Alice", ZoneId.of("UTC"), false, true), Duration.ofHours(1));
        Profile bot = new Profile(ALICE, null, ZoneId.of("America/New_York"), true, false);

        cache.put(bot, Duration.ofSeconds(30));

        assertThat(cache.get(ALICE)).contains(bot);
        assertThat(redis.getExpire(KEY, TimeUnit.MILLISECONDS)).isBetween(1L, 30_000L);
        assertThat(redis.<String, String>opsForHash().keys(KEY)).doesNotContain("name");
    }

    @Test
    void missingExpiredOrUnreadableProfilesAreMisses() {
        assertThat(cache.get(ALICE)).isEmpty();

        cache.put(new Profile(ALICE, "Alice", ZoneId.of("UTC"), false, true), Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(2)).until(() -> cache.get(ALICE).isEmpty());

        cache.put(new Profile(ALICE, "Alice", ZoneId.of("UTC"), false, true), Duration.ofMinutes(1));
        redis.opsForHash().put(KEY, "tz", "Mars/Olympus_Mons");
        assertThat(cache.get(ALICE)).isEmpty();

        redis.opsForHash().delete(KEY, "tz");
        assertThat(cache.get(ALICE)).isEmpty();
    }

    @Test
    void profilesOfOtherWorkspacesDoNotMix() {
        Person aliceElsewhere = new Workspace("slack", "T2").person("U111");
        cache.put(new Profile(ALICE, "Alice", ZoneId.of("UTC"), false, true), Duration.ofMinutes(1));

        assertThat(cache.get(aliceElsewhere)).isEmpty();
    }

    @Test
    void aTimeToLiveMustBePositive() {
        Profile alice = new Profile(ALICE, "Alice", ZoneId.of("UTC"), false, true);
        assertThatThrownBy(() -> cache.put(alice, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableRedisIsReportedAsUnavailable() {
        KeptRedisProperties nowhere = properties.withUrl("redis://127.0.0.1:" + TestRedis.freePort())
                .withTimeout(Duration.ofMillis(500));
        LettuceConnectionFactory factory = RedisConfig.connectionFactory(nowhere, EmbeddedRedis.none(), null);
        factory.afterPropertiesSet();
        try {
            RedisProfileCache unreachable = new RedisProfileCache(TestRedis.template(factory), nowhere);
            assertThatThrownBy(() -> unreachable.get(ALICE)).isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.put(new Profile(ALICE, "A", ZoneId.of("UTC"), false, true),
                    Duration.ofMinutes(1))).isInstanceOf(StoreUnavailableException.class);
        } finally {
            factory.destroy();
        }
    }
}
