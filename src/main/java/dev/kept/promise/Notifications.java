package dev.kept.promise;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Telling people about promises in their DM, and remembering a question Kept asked there until they answer. */
@Component
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Messenger messenger;
    private final PendingQuestions questions;
    private final Duration answerWindow;

    /** @param answerWindow how long a question asked in a DM waits for its answer */
    public Notifications(Messenger messenger, PendingQuestions questions,
                         @Value("${kept.conversations.answer-window:24h}") Duration answerWindow) {
        this.messenger = messenger;
        this.questions = questions;
        this.answerWindow = answerWindow;
    }

    /** Sends {@code message} to {@code recipient}'s DM; false (and logged) when it could not be delivered. */
    public boolean tell(Person recipient, Message message) {
        try {
            messenger.sendDirect(recipient, message);
            return true;
        } catch (DeliveryFailedException e) {
            log.warn("Could not message {}: {}", recipient, e.getMessage());
            return false;
        }
    }

    /** Remembers that Kept just asked {@code person} something in their DM; their next DM answers it. */
    public void expectAnswer(Person person, PendingQuestions.Question question) {
        questions.expect(person, question, answerWindow);
    }
}
