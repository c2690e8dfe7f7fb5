package dev.kept.store.redis;

import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/** The question Kept waits for a person to answer: one string {@code kind|context} with an expiry. */
@Repository
public class RedisPendingQuestions implements PendingQuestions {

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisPendingQuestions(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = redis;
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public void expect(Person person, Question question, Duration window) {
        RedisFailures.guard("remember the question for " + person.userId(), () -> {
            redis.opsForValue().set(keys.asking(person), question.kind() + "|" + question.context(), window);
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

    private static Optional<Question> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        int bar = stored.indexOf('|');
        return bar < 0 ? Optional.empty() : Optional.of(new Question(stored.substring(0, bar), stored.substring(bar + 1)));
    }
}
