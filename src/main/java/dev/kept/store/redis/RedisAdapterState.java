package dev.kept.store.redis;

import dev.kept.chat.AdapterState;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AdapterState} in Redis: a hash per person and one per workspace for lasting records, a string
 * with a TTL per short-lived record, and a hash of names per workspace (see {@link Keys}).
 */
@Repository
public class RedisAdapterState implements AdapterState {

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisAdapterState(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public Optional<String> get(Person person, String field) {
        return Optional.ofNullable(RedisFailures.guard("read what Kept keeps about " + person.userId(),
                () -> redis.<String, String>opsForHash().get(keys.state(person), field)));
    }

    @Override
    public void put(Person person, String field, String value) {
        RedisFailures.guard("keep a record about " + person.userId(), () -> {
            redis.opsForHash().put(keys.state(person), field, value);
            return null;
        });
    }

    @Override
    public void putFor(Person person, String name, String value, Duration timeToLive) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("A short-lived record needs a positive time to live: " + timeToLive);
        }
        RedisFailures.guard("keep a record about " + person.userId() + " for a while", () -> {
            redis.opsForValue().set(keys.shortLived(person, name), value, timeToLive);
            return null;
        });
    }

    @Override
    public Optional<String> getShortLived(Person person, String name) {
        return Optional.ofNullable(RedisFailures.guard("read a record about " + person.userId(),
                () -> redis.opsForValue().get(keys.shortLived(person, name))));
    }

    @Override
    public boolean removeShortLived(Person person, String name) {
        Boolean removed = RedisFailures.guard("remove a record about " + person.userId(),
                () -> redis.delete(keys.shortLived(person, name)));
        return Boolean.TRUE.equals(removed);
    }

    @Override
    public Optional<String> get(Workspace workspace, String field) {
        return Optional.ofNullable(RedisFailures.guard("read what Kept keeps about " + workspace.key(),
                () -> redis.<String, String>opsForHash().get(keys.state(workspace), field)));
    }

    @Override
    public void put(Workspace workspace, String field, String value) {
        RedisFailures.guard("keep a record about " + workspace.key(), () -> {
            redis.opsForHash().put(keys.state(workspace), field, value);
            return null;
        });
    }

    @Override
    public void putName(Person person, String displayName) {
        RedisFailures.guard("remember the name of " + person.userId(), () -> {
            redis.opsForHash().put(keys.names(person.workspace()), person.userId(), displayName);
            return null;
        });
    }

    @Override
    public Map<String, String> names(Workspace workspace) {
        Map<String, String> names = RedisFailures.guard("read the names known in " + workspace.key(),
                () -> redis.<String, String>opsForHash().entries(keys.names(workspace)));
        return names == null ? Map.of() : new LinkedHashMap<>(names);
    }
}
