package dev.kept.store.redis;

import dev.kept.chat.Once;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;

/** {@link Once} with SET NX and an expiry: the first caller of a key wins, on every instance. */
@Repository
public class RedisOnce implements Once {

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisOnce(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = redis;
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public boolean first(String key, Duration remember) {
        Boolean set = RedisFailures.guard("remember " + key,
                () -> redis.opsForValue().setIfAbsent(keys.once(key), "1", remember));
        return Boolean.TRUE.equals(set);
    }
}
