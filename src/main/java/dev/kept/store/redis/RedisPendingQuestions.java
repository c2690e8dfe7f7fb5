package dev.kept.store.redis;

import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/**
 * The question Kept waits for a person to answer: one string {@code kind|context|deadline ms}. The
 * deadline is read against Kept's clock; the key's own expiry only tidies up afterwards.
 */
@Repository
public class RedisPendingQuestions implements PendingQuestions {

    private final StringRedisTemplate redis;
    private final Keys keys;
    private final java.time.Clock clock;

    public RedisPendingQuestions(StringRedisTemplate redis, KeptRedisProperties properties, java.time.Clock clock) {
        this.redis = redis;
        this.keys = new Keys(properties.keyPrefix());
        this.clock = clock;
    }

    @Override
    public void expect(Person person, Question question, Duration window) {
        RedisFailures.guard("remember the question for " + person.userId(), () -> {
            redis.opsForValue().set(keys.asking(person), question.kind() + "|" + question.context() + "|"
                    + clock.instant().plus(window).toEpochMilli(), window);
            return null;
        });
    }

    @Override
    public Optional<Question> take(Person person) {
        return parse(RedisFailures.guard("read the question for " + person.userId(),
                () -> redis.opsForValue().getAndDelete(keys.asking(person))));
    }

    @Override
    public Optional<Question> peek(Person person) {
        return parse(RedisFailures.guard("read the question for " + person.userId(),
                () -> redis.opsForValue().get(keys.asking(person))));
    }

    private Optional<Question> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        int first = stored.indexOf('|');
        int last = stored.lastIndexOf('|');
        if (first < 0 || last == first || !stored.substring(last + 1).matches("\\d{1,15}")) {
            return Optional.empty();
        }
        if (clock.millis() > Long.parseLong(stored.substring(last + 1))) {
            return Optional.empty(); // asked too long ago: no longer an answer
        }
        return Optional.of(new Question(stored.substring(0, first), stored.substring(first + 1, last)));
    }
}
