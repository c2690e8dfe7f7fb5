package dev.kept.promise;

import dev.kept.chat.Guard;
import dev.kept.chat.Outcome;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.PendingQuestions.Question;
import dev.kept.chat.Person;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conversations in a person's DM with Kept. When Kept has asked them something (what matters to
 * them, …) their next DM within the answer window is taken as the answer and confirmed back;
 * otherwise, or when the DM is plainly a command ({@code help}, {@code list}, {@code promise …}),
 * it is read with the command grammar. Platform-neutral: every adapter's DMs come through here.
 */
@Component
public class DirectMessages {

    /** A feature that answers some kinds of question Kept asks in DMs. */
    public interface Answers {

        Set<String> kinds();

        /** {@code text} answers the question {@code context} was about; returns the confirmation. */
        Outcome answer(Person person, String context, String text);
    }

    private final PromiseInbound inbound;
    private final PendingQuestions pending;
    private final Duration window;
    private final Map<String, Answers> answers = new HashMap<>();

    public DirectMessages(PromiseInbound inbound, PendingQuestions pending, List<Answers> features,
                          @Value("${kept.conversations.answer-window:24h}") Duration window) {
        this.inbound = inbound;
        this.pending = pending;
        this.window = window;
        for (Answers feature : features) {
            feature.kinds().forEach(kind -> answers.put(kind, feature));
        }
    }

    /** Remembers that Kept just asked {@code person} {@code question} in their DM. */
    public void expect(Person person, Question question) {
        pending.expect(person, question, window);
    }

    public Duration window() {
        return window;
    }

    /** A DM from a person: an answer to Kept's question, or a command. */
    public Outcome receive(Invocation in, String text) {
        return Guard.answer(() -> {
            if (!inbound.looksLikeCommand(text)) {
                Optional<Question> question = pending.take(in.invoker());
                if (question.isPresent() && answers.containsKey(question.get().kind())) {
                    return answers.get(question.get().kind()).answer(in.invoker(), question.get().context(),
                            in.text().plain(text == null ? "" : text.strip()));
                }
            }
            return inbound.command(in, text);
        });
    }
}
