package dev.kept.slack;

import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.redis.LocalSentinel;
import dev.kept.testing.slack.FakeSlackApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept whole through Sentinel (one master, one replica, three sentinels): promises are made and listed,
 * and after a SENTINEL FAILOVER the promises made before are still there and new ones can be made.
 *
 * <p>The failover is waited out whole, until the old master has become a replica: before that it still
 * takes writes from clients connected to it (Lettuce reconnects through the sentinels only when that
 * connection drops), and the sentinels' demotion throws those writes away. docs/operations.md says so.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlackOnSentinelTest extends SlackHttpTestSupport {

    static final LocalSentinel sentinel = LocalSentinel.start();

    static {
        // stopped after the context is (@DirtiesContext closes it after any @AfterAll), so Kept never sees it go
        Runtime.getRuntime().addShutdownHook(new Thread(sentinel::close, "local-sentinel-stop"));
    }

    @Autowired
    PromiseStore store;

    @Autowired
    RedisConnectionFactory keptsRedis;

    @DynamicPropertySource
    static void onSentinel(DynamicPropertyRegistry registry) {
        registry.add(REDIS_URL_OVERRIDE, () -> "");
        registry.add("kept.redis.sentinel-master", () -> LocalSentinel.MASTER);
        registry.add("kept.redis.sentinel-nodes", sentinel::sentinelNodes);
    }

    @Override
    StringRedisTemplate redis() {
        return new StringRedisTemplate(keptsRedis);
    }

    @Override
    void flushRedis() {
        sentinel.flushAll();
    }

    /** Makes a promise over HTTP and returns it (the one of the provider's open promises that is new). */
    Promise make(String provider, String text) {
        List<Promise> before = store.open(WS.person(provider), Side.MADE, 10);
        slash(provider, text);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        slack.reset();
        return await().atMost(Duration.ofSeconds(10)).until(() -> store.open(WS.person(provider), Side.MADE, 10)
                .stream().filter(p -> !before.contains(p)).findFirst().orElse(null), p -> p != null);
    }

    @Test
    void promisesMadeBeforeAFailoverAreThereAfterItAndKeptGoesOn() {
        assertThat(((LettuceConnectionFactory) keptsRedis).isRedisSentinelAware()).isTrue();
        Promise deck = make("U111", "<@U222|bob> send the Q3 deck by friday 3pm");
        int oldMaster = sentinel.masterPort();

        Duration took = sentinel.failover();
        System.out.printf("Sentinel: started in %d ms; failover from %d to %d took %d ms%n",
                sentinel.startTime().toMillis(), oldMaster, sentinel.masterPort(), took.toMillis());
        assertThat(sentinel.masterPort()).isNotEqualTo(oldMaster);

        // Lettuce is told to reconnect (the old master drops its clients) and asks the sentinels anew
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(store.open(WS.person("U111"), Side.MADE, 10))
                        .extracting(Promise::id).containsExactly(deck.id()));

        Promise budget = make("U111", "<@U222|bob> review the budget by friday 4pm");
        assertThat(store.open(WS.person("U111"), Side.MADE, 10)).extracting(Promise::id)
                .containsExactlyInAnyOrder(deck.id(), budget.id());
        // both on the node that is master now, the one that was the replica
        assertThat(sentinel.existsOnMaster("kept:{slack:T123}:promise:" + deck.id().value())).isTrue();
        assertThat(sentinel.existsOnMaster("kept:{slack:T123}:promise:" + budget.id().value())).isTrue();
    }
}
