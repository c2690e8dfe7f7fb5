package dev.kept.store.redis;

import dev.kept.chat.PendingQuestions.Question;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.testing.MutableClock;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RedisPendingQuestionsTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Person BOB = WS.person("U222");
    static final String KEY = "kept-test:{slack:T1}:asking:U222";

    final StringRedisTemplate redis = TestRedis.template();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    final RedisPendingQuestions questions = new RedisPendingQuestions(redis,
            KeptRedisProperties.defaults().withKeyPrefix("kept-test:"), clock);

    @BeforeEach
    void clean() {
        TestRedis.flushAll();
    }

    @Test
    void aQuestionIsAnsweredOnceWithinItsWindow() {
        questions.expect(BOB, new Question("matters", "K7Q2"), Duration.ofHours(24));
        assertThat(questions.peek(BOB)).contains(new Question("matters", "K7Q2"));
        assertThat(redis.getExpire(KEY)).isBetween(86_000L, 86_400L);   // Redis tidies up after the window

        clock.set(clock.instant().plus(Duration.ofHours(23)));
        assertThat(questions.take(BOB)).contains(new Question("matters", "K7Q2"));
        assertThat(questions.take(BOB)).isEmpty();   // taken: the next DM is a command again
        assertThat(redis.hasKey(KEY)).isFalse();
    }

    @Test
    void pastTheWindowByKeptsClockItIsNoLongerAnAnswer() {
        questions.expect(BOB, new Question("matters", "K7Q2"), Duration.ofHours(24));
        clock.set(clock.instant().plus(Duration.ofHours(24)).plusMillis(1));
        assertThat(questions.peek(BOB)).isEmpty();
        assertThat(questions.take(BOB)).isEmpty();
    }

    @Test
    void aNewerQuestionReplacesTheOlderOneAndContextsMayHoldBars() {
        questions.expect(BOB, new Question("matters", "K7Q2"), Duration.ofHours(24));
        questions.expect(BOB, new Question("matters", "P9X4|extra"), Duration.ofHours(24));
        assertThat(questions.take(BOB)).contains(new Question("matters", "P9X4|extra"));
    }

    @Test
    void somethingUnreadableIsNoQuestion() {
        redis.opsForValue().set(KEY, "garbage");
        assertThat(questions.take(BOB)).isEmpty();
    }
}
