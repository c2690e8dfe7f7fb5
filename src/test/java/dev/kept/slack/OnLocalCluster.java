package dev.kept.slack;

import dev.kept.testing.redis.LocalCluster;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Slack test subclass needs to run its parent's tests with Kept on the suite's {@link LocalCluster}
 * instead of the standalone test Redis:
 * <pre>
 * &#64;DynamicPropertySource static void onCluster(DynamicPropertyRegistry r) { OnLocalCluster.settings(r); }
 * &#64;Override StringRedisTemplate redis() { return LocalCluster.shared().template(); }
 * &#64;Override void flushRedis() { LocalCluster.shared().flushAll(); }
 * </pre>
 */
final class OnLocalCluster {

    private OnLocalCluster() {
    }

    static void settings(DynamicPropertyRegistry registry) {
        registry.add(SlackHttpTestSupport.REDIS_URL_OVERRIDE, () -> "");
        registry.add("kept.redis.cluster-nodes", () -> LocalCluster.shared().seeds());
    }

    /** Kept's own connection factory talks to the cluster, not to a single node. */
    static void assertOnCluster(RedisConnectionFactory factory) {
        assertThat(factory).isInstanceOf(LettuceConnectionFactory.class);
        LettuceConnectionFactory lettuce = (LettuceConnectionFactory) factory;
        assertThat(lettuce.isClusterAware()).as("Kept's Redis connection is cluster-aware").isTrue();
        assertThat(lettuce.getClusterConnection().clusterGetNodes()).hasSize(6);
    }
}
