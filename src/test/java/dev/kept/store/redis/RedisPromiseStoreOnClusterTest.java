package dev.kept.store.redis;

import dev.kept.testing.redis.LocalCluster;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/** Every test of {@link RedisPromiseStoreTest}, on a real Redis Cluster (3 masters, 3 replicas) through a cluster connection. */
class RedisPromiseStoreOnClusterTest extends RedisPromiseStoreTest {

    @Override
    StringRedisTemplate sharedRedis() {
        return LocalCluster.shared().template();
    }

    @Override
    void flushRedis() {
        LocalCluster.shared().flushAll();
    }
}
