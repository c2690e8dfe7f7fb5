package dev.kept.slack;

import dev.kept.testing.redis.LocalCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every test of {@link SlackPromiseFlowTest}, with Kept on a real Redis Cluster (3 masters, 3 replicas). */
class SlackPromiseFlowOnClusterTest extends SlackPromiseFlowTest {

    @Autowired
    RedisConnectionFactory keptsRedis;

    @DynamicPropertySource
    static void onCluster(DynamicPropertyRegistry registry) {
        OnLocalCluster.settings(registry);
    }

    @Override
    StringRedisTemplate redis() {
        return LocalCluster.shared().template();
    }

    @Override
    void flushRedis() {
        LocalCluster.shared().flushAll();
    }

    @Test
    void keptRunsOnTheCluster() {
        OnLocalCluster.assertOnCluster(keptsRedis);
    }
}
