package dev.kept.inbox;

import dev.kept.chat.BoundedWork;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Interactions;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.testing.FullWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The inbox routes clicks and forms to the feature whose ids they are, answers an id nobody owns and every
 * failure politely, and runs work after the ack with one busy answer. (Commands and messages reach the command
 * grammar and the pending questions; the platform suites drive those end to end.)
 */
class InboxTest {

    static final Person ALICE = new Workspace("slack", "T123").person("U111");

    /** A feature with one button and one form, which refuses, fails or answers as the value says. */
    static final class Feature implements Interactions {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final String button;
        final String form;

        Feature(String button, String form) {
            this.button = button;
            this.form = form;
        }

        @Override
        public Set<String> actionIds() {
            return Set.of(button);
        }

        @Override
        public Set<String> formIds() {
            return Set.of(form);
        }

        @Override
        public Outcome action(Person actor, String actionId, String value) {
            seen.add(actor.userId() + " clicked " + actionId + " " + value);
            switch (value) {
                case "refuse" -> throw new Refusal("Only Bob can do that.");
                case "down" -> throw new StoreUnavailableException("redis down", null);
                case "bug" -> throw new IllegalStateException("a bug");
                default -> {
                    return new Outcome.ReplaceOriginal(Message.of("done " + value));
                }
            }
        }

        @Override
        public Map<String, String> check(Person actor, FormSubmission f) {
            return f.texts().getOrDefault("what", "").isBlank() ? Map.of("what", "Say what.") : Map.of();
        }

        @Override
        public Outcome submit(Person actor, FormSubmission f) {
            seen.add(actor.userId() + " submitted " + f.formId());
            return Outcome.reply("saved " + f.texts().get("what"));
        }
    }

    final Feature promises = new Feature("promise.deliver", "promise.new");
    final Feature feedback = new Feature("feedback.thank", "feedback.form");
    final Inbox inbox = new Inbox(null, null, List.of(promises, feedback));

    static FormSubmission form(String id, String what) {
        return new FormSubmission(id, "", Map.of("what", what), Map.of(), Map.of(), Map.of());
    }

    static String text(Outcome o) {
        return o instanceof Outcome.Reply r ? r.message().toString() : o instanceof Outcome.ReplaceOriginal r
                ? "replaced " + r.message() : o.toString();
    }

    @Test
    void aClickGoesToTheFeatureWhoseButtonItIs() {
        Outcome outcome = inbox.answer(new Inbox.Clicked(ALICE, "feedback.thank", "K7Q2"));

        assertThat(outcome).isEqualTo(new Outcome.ReplaceOriginal(Message.of("done K7Q2")));
        assertThat(feedback.seen).containsExactly("U111 clicked feedback.thank K7Q2");
        assertThat(promises.seen).isEmpty();
        assertThat(inbox.ownsButton("feedback.thank")).isTrue();
        assertThat(inbox.ownsButton("nobody.owns")).isFalse();
        assertThat(inbox.ownsButton(null)).isFalse();
        assertThat(inbox.actionIds()).containsExactlyInAnyOrder("promise.deliver", "feedback.thank");
    }

    @Test
    void aFormIsCheckedThenSubmittedToItsFeature() {
        assertThat(inbox.check(ALICE, form("promise.new", " "))).containsEntry("what", "Say what.");
        assertThat(inbox.check(ALICE, form("unknown.form", " "))).as("nobody's form: said on submit").isEmpty();

        Outcome outcome = inbox.answer(new Inbox.Submitted(ALICE, form("promise.new", "the deck")));

        assertThat(outcome).isEqualTo(Outcome.reply("saved the deck"));
        assertThat(promises.seen).containsExactly("U111 submitted promise.new");
        assertThat(inbox.formIds()).containsExactlyInAnyOrder("promise.new", "feedback.form");
    }

    @Test
    void anIdNobodyOwnsIsAnsweredPolitely() {
        assertThat(text(inbox.answer(new Inbox.Clicked(ALICE, "gone.button", "x")))).contains("isn't one I know");
        assertThat(text(inbox.answer(new Inbox.Submitted(ALICE, form("gone.form", "x"))))).contains("isn't one I know");
        assertThat(promises.seen).isEmpty();
        assertThat(feedback.seen).isEmpty();
    }

    @Test
    void everyFailureBecomesAPrivateAnswer() {
        assertThat(text(inbox.answer(new Inbox.Clicked(ALICE, "promise.deliver", "refuse")))).contains("Only Bob can do that.");
        assertThat(text(inbox.answer(new Inbox.Clicked(ALICE, "promise.deliver", "down")))).contains("nothing was saved");
        assertThat(text(inbox.answer(new Inbox.Clicked(ALICE, "promise.deliver", "bug")))).contains("Something went wrong");
    }

    @Test
    void twoFeaturesMayNotClaimOneId() {
        assertThatThrownBy(() -> new Inbox(null, null, List.of(promises, new Feature("promise.deliver", "other.form"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("promise.deliver");
    }

    @Test
    void workRunsAfterTheAckAndARefusalIsAnsweredBusy() throws Exception {
        BoundedWork pool = new BoundedWork("test", 1, 1);
        try {
            List<Outcome> answers = new CopyOnWriteArrayList<>();
            assertThat(inbox.later(pool, () -> inbox.answer(new Inbox.Clicked(ALICE, "promise.deliver", "A1")), answers::add))
                    .isTrue();
            assertThat(inbox.later(pool, () -> null, answers::add)).as("nothing to say").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 1);
            assertThat(answers).containsExactly(new Outcome.ReplaceOriginal(Message.of("done A1")));

            answers.clear();
            try (FullWork full = FullWork.fill(pool, 1, 1)) {
                assertThat(inbox.later(pool, () -> Outcome.reply("never"), answers::add))
                        .as("refused: the adapter says busy in its ack").isFalse();
                assertThat(inbox.laterOrBusy(pool, () -> Outcome.reply("never"), answers::add)).isFalse();
                await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 1);
                assertThat(answers).containsExactly(Inbox.BUSY);
                assertThat(text(Inbox.BUSY)).contains(BoundedWork.BUSY);
            }
        } finally {
            pool.destroy();
        }
    }
}
