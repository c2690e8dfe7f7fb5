package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.ProfileCache;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Profiles cached in Redis, one hash per person ({@code name}, {@code tz}, {@code bot}, {@code active})
 * that expires after the given time to live. A profile whose zone is missing or unreadable counts as
 * a miss, so the caller asks the directory again.
 */
@Repository
public class RedisProfileCache implements ProfileCache {

    /** lua/profile_put.lua: replaces the whole hash, with a TTL. */
    private static final RedisScript<Long> PUT = LuaScripts.load(Long.class, "profile_put");

    static final String NAME = "name";
    static final String ZONE = "tz";
    static final String BOT = "bot";
    static final String ACTIVE = "active";

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisProfileCache(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public Optional<Profile> get(Person person) {
        Map<String, String> hash = RedisFailures.guard("read the cached profile of " + person.userId(),
                () -> redis.<String, String>opsForHash().entries(keys.profile(person)));
        if (hash == null || hash.isEmpty()) {
            return Optional.empty();
        }
        String zone = hash.get(ZONE);
        if (zone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Profile(person, hash.get(NAME), ZoneId.of(zone), "1".equals(hash.get(BOT)),
                    !"0".equals(hash.get(ACTIVE))));
        } catch (DateTimeException unreadableZone) {
            return Optional.empty();
        }
    }

    @Override
    public void put(Profile profile, Duration timeToLive) {
        Objects.requireNonNull(profile, "profile");
        long ttlMillis = timeToLive.toMillis();
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("A cached profile needs a positive time to live: " + timeToLive);
        }
        List<String> args = new ArrayList<>(9);
        args.add(Long.toString(ttlMillis));
        if (profile.displayName() != null) {
            args.add(NAME);
            args.add(profile.displayName());
        }
        if (profile.zone() != null) {
            args.add(ZONE);
            args.add(profile.zone().getId());
        }
        args.add(BOT);
        args.add(profile.bot() ? "1" : "0");
        args.add(ACTIVE);
        args.add(profile.active() ? "1" : "0");
        String key = keys.profile(profile.person());
        RedisFailures.guard("cache the profile of " + profile.person().userId(),
                () -> redis.execute(PUT, List.of(key), args.toArray()));
    }

}
