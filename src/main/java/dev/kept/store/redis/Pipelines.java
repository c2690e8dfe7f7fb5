package dev.kept.store.redis;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.function.Consumer;

/** Several commands in one round trip. */
final class Pipelines {

    private Pipelines() {
    }

    /** Runs {@code commands} in one pipeline and returns their answers in order. */
    static List<Object> run(StringRedisTemplate redis, Consumer<RedisOperations<String, String>> commands) {
        return redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                commands.accept((RedisOperations<String, String>) operations);
                return null;
            }
        });
    }
}
