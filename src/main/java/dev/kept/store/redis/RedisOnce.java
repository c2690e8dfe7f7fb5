package dev.kept.store.redis;

import dev.kept.chat.Once;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;

/** {@link Once} with SET NX and an expiry: the first caller of a key wins, on every instance. */
@Repository
public class RedisOnce implements Once {

    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisOnce(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = redis;
        this.prefix = properties.keyPrefix() + "once:";
    }

    @Override
    public boolean first(String key, Duration remember) {
        Boolean set = RedisFailures.guard("remember " + key,
                () -> redis.opsForValue().setIfAbsent(prefix + key, "1", remember));
        return Boolean.TRUE.equals(set);
    }
}
