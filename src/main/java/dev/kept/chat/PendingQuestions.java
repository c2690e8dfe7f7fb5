package dev.kept.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: the one question Kept is waiting for a person to answer in their DM, for a while. A newer
 * question replaces an older one; an answer takes it away.
 */
public interface PendingQuestions {

    /** What Kept asked: {@code kind} names who handles the answer, {@code context} what it is about (e.g. a promise id). */
    record Question(String kind, String context) {
        public Question {
            if (kind.contains("|")) {
                throw new IllegalArgumentException("a question kind has no '|': " + kind);
            }
        }
    }

    /** Remembers that Kept asked {@code person} {@code question}; forgotten after {@code window}. */
    void expect(Person person, Question question, Duration window);

    /** The question waiting for {@code person}'s answer, removed as it is read; empty when none (or it expired). */
    Optional<Question> take(Person person);

    /** The question waiting, left in place. */
    Optional<Question> peek(Person person);
}
