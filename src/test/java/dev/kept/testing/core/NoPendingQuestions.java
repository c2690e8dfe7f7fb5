package dev.kept.testing.core;

import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;

import java.time.Duration;
import java.util.Optional;

/** {@link PendingQuestions} where no question ever waits; a test may override a method to have one. */
public class NoPendingQuestions implements PendingQuestions {

    @Override
    public void expect(Person person, Question question, Duration window) {
    }

    @Override
    public Optional<Question> take(Person person) {
        return Optional.empty();
    }

    @Override
    public Optional<Question> peek(Person person) {
        return Optional.empty();
    }
}
