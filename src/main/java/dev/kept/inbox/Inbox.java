package dev.kept.inbox;

import dev.kept.chat.BoundedWork;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.InteractionRoutes;
import dev.kept.chat.Interactions;
import dev.kept.chat.KeptMetrics;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.QuotedMessage;
import dev.kept.promise.DirectMessages;
import dev.kept.promise.Invocation;
import dev.kept.promise.PromiseInbound;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way in for every platform: someone typed a command, wrote to Kept, clicked a button or submitted a
 * form. The inbox routes it to the feature that owns it (a command to the command grammar, a message to the
 * pending question or the grammar, a button or form to the feature whose ids it is), turns every failure into
 * a polite answer ({@link Guard}), and returns a neutral {@link Outcome} for the adapter to render. It also
 * runs that work after the platform's ack, on the adapter's bounded pool, with one busy answer
 * ({@link BoundedWork#BUSY}) for whatever is refused.
 *
 * <p>Adapters only translate: a payload into a {@link Said}, an {@link Outcome} into their format.
 */
@Component
public class Inbox {

    /** What someone said, clicked or submitted, in the core's terms. */
    public sealed interface Said permits Command, Wrote, Clicked, Submitted, FromMessage {
        /** Who said, clicked or submitted it. */
        Person person();
    }

    /** A command typed after {@code /promise} (or its equivalent on the platform). */
    public record Command(Invocation in, String text) implements Said {
        @Override
        public Person person() {
            return in.invoker();
        }
    }

    /** A message written to Kept in a personal chat: an answer to Kept's question, or a command. */
    public record Wrote(Invocation in, String text) implements Said {
        @Override
        public Person person() {
            return in.invoker();
        }
    }

    /** A click on a button Kept sent. */
    public record Clicked(Person person, String actionId, String value) implements Said {
    }

    /**
     * "Make this a promise" ({@code asking} false) or "Ask for this" on a chat message, from the message's menu:
     * the promise or request form, pre-filled from it.
     */
    public record FromMessage(Invocation in, QuotedMessage message, boolean asking) implements Said {
        @Override
        public Person person() {
            return in.invoker();
        }
    }

    /** A submitted form Kept sent (already past {@link #check}). */
    public record Submitted(Person person, FormSubmission form) implements Said {
    }

    static final String UNKNOWN_BUTTON = "That button isn't one I know any more. Type help to see what I can do.";
    static final String UNKNOWN_FORM = "That form isn't one I know any more. Please start again.";

    private final PromiseInbound commands;
    private final DirectMessages messages;
    private final InteractionRoutes buttons;
    private final InteractionRoutes forms;

    public Inbox(PromiseInbound commands, DirectMessages messages, List<Interactions> features) {
        this.commands = commands;
        this.messages = messages;
        this.buttons = new InteractionRoutes(features, Interactions::actionIds);
        this.forms = new InteractionRoutes(features, Interactions::formIds);
    }

    /** Every button id some feature answers. */
    public Set<String> actionIds() {
        return buttons.ids();
    }

    /** Every form id some feature answers. */
    public Set<String> formIds() {
        return forms.ids();
    }

    public boolean ownsButton(String actionId) {
        return actionId != null && buttons.owner(actionId).isPresent();
    }

    public boolean ownsForm(String formId) {
        return formId != null && forms.owner(formId).isPresent();
    }

    /**
     * Problems with a submitted form that can be named at once, while the form is still open (empty when none,
     * or when no feature owns the form: {@link #answer} then says so).
     */
    public Map<String, String> check(Person person, FormSubmission form) {
        return forms.owner(form.formId()).map(owner -> owner.check(person, form)).orElse(Map.of());
    }

    /** Answers what was said, now, on the caller's thread; never throws. */
    public Outcome answer(Said said) {
        Outcome outcome = Guard.answer(() -> route(said));
        KeptMetrics.answered(said.person().workspace().platform(), kindOf(said), outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        return outcome;
    }

    private static String kindOf(Said said) {
        return said instanceof Command ? "command" : said instanceof Wrote ? "message" : said instanceof Clicked ? "click"
                : said instanceof Submitted ? "form" : "from_message";
    }

    private Outcome route(Said said) {
        if (said instanceof Command c) {
            return commands.command(c.in(), c.text());
        }
        if (said instanceof Wrote w) {
            return messages.receive(w.in(), w.text());
        }
        if (said instanceof FromMessage m) {
            return commands.fromMessage(m.in(), m.message(), m.asking());
        }
        if (said instanceof Clicked c) {
            return buttons.owner(c.actionId())
                    .map(owner -> owner.action(c.person(), c.actionId(), c.value() == null ? "" : c.value()))
                    .orElse(Outcome.reply(UNKNOWN_BUTTON));
        }
        Submitted s = (Submitted) said;
        return forms.owner(s.form().formId())
                .map(owner -> owner.submit(s.person(), s.form()))
                .orElse(Outcome.reply(UNKNOWN_FORM));
    }

    /** A Workflow Builder step: see {@link PromiseInbound#workflowStep}. */
    public PromiseInbound.Step workflowStep(Person actor, String otherId, String what, java.time.Instant due,
                                           boolean asking) {
        return commands.workflowStep(actor, otherId, what, due, asking);
    }

    /**
     * Takes {@code work} for after the ack, on {@code pool}, and hands its outcome to {@code answer} (a null outcome
     * says nothing). False when Kept is too busy: the adapter says {@link BoundedWork#BUSY} in its ack.
     */
    public boolean later(BoundedWork pool, Supplier<Outcome> work, Consumer<Outcome> answer) {
        return pool.submit(() -> {
            Outcome outcome = work.get();
            if (outcome != null) {
                answer.accept(outcome);
            }
        });
    }

    /**
     * The same, for a platform whose ack carries no words (a click, a message): when refused, {@code answer} gets
     * the busy reply, on the pool's lane for refusals, so the person hears it all the same.
     */
    public boolean laterOrBusy(BoundedWork pool, Supplier<Outcome> work, Consumer<Outcome> answer) {
        if (later(pool, work, answer)) {
            return true;
        }
        pool.tell(() -> answer.accept(BUSY));
        return false;
    }

    /** What a person hears when Kept was too busy to take what they did. */
    public static final Outcome BUSY = Outcome.reply(BoundedWork.BUSY);
}
