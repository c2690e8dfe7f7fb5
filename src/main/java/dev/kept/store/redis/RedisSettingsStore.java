package dev.kept.store.redis;

import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Person;
import dev.kept.chat.SettingsStore;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's settings as one small hash ({@code z} zone, {@code s}/{@code e} working day start and
 * end, {@code c} daily cap, {@code f} feedback prompts 1/0); absent fields mean the default.
 */
@Repository
public class RedisSettingsStore implements SettingsStore {

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisSettingsStore(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = redis;
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public PersonalSettings of(Person person) {
        Map<Object, Object> hash = RedisFailures.guard("read the settings of " + person.userId(),
                () -> redis.opsForHash().entries(keys.settings(person)));
        if (hash == null || hash.isEmpty()) {
            return PersonalSettings.DEFAULTS;
        }
        return new PersonalSettings(str(hash, "z"), time(str(hash, "s")), time(str(hash, "e")),
                str(hash, "c").isEmpty() ? 0 : Integer.parseInt(str(hash, "c")), !"0".equals(str(hash, "f")));
    }

    @Override
    public void save(Person person, PersonalSettings settings) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("z", settings.zone());
        hash.put("s", settings.workStart() == null ? "" : settings.workStart().toString());
        hash.put("e", settings.workEnd() == null ? "" : settings.workEnd().toString());
        hash.put("c", Integer.toString(settings.dailyCap()));
        hash.put("f", settings.feedbackPrompts() ? "1" : "0");
        RedisFailures.guard("save the settings of " + person.userId(), () -> {
            redis.opsForHash().putAll(keys.settings(person), hash);
            return null;
        });
    }

    private static String str(Map<Object, Object> hash, String field) {
        Object v = hash.get(field);
        return v == null ? "" : v.toString();
    }

    private static LocalTime time(String s) {
        return s.isEmpty() ? null : LocalTime.parse(s);
    }
}
