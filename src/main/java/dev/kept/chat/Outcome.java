package dev.kept.chat;

/**
 * What the core wants the adapter to do for the person who just acted: answer them privately,
 * replace the message they clicked on, or open a form. (Problems with a submitted form are named
 * by {@link Interactions#check}, before the form closes.)
 */
public sealed interface Outcome permits Outcome.Reply, Outcome.ReplaceOriginal, Outcome.OpenForm {

    /** A private answer to the person who acted (a Slack ephemeral message). */
    record Reply(Message message) implements Outcome {
    }

    /** Replace the message that held the button that was clicked (so it cannot be clicked twice). */
    record ReplaceOriginal(Message message) implements Outcome {
    }

    /** Show a form; {@code fallback} is said instead where a form cannot be opened. */
    record OpenForm(Form form, Message fallback) implements Outcome {
    }

    static Outcome reply(Message message) {
        return new Reply(message);
    }

    /**
     * How one adapter shows outcomes: a method per kind, so each adapter renders every kind in one place, and a
     * new kind can't be forgotten by any of them.
     */
    interface Renderer {
        /** A private answer to the person who acted. */
        void reply(Message message);

        /** The message that held the clicked button, replaced. */
        void replace(Message message);

        /** A form; {@code fallback} where the platform can't open one here. */
        void openForm(Form form, Message fallback);
    }

    /** Shows this outcome with {@code renderer}. */
    default void renderWith(Renderer renderer) {
        if (this instanceof Reply r) {
            renderer.reply(r.message());
        } else if (this instanceof ReplaceOriginal r) {
            renderer.replace(r.message());
        } else {
            OpenForm f = (OpenForm) this;
            renderer.openForm(f.form(), f.fallback());
        }
    }

    /**
     * What it says where no form can be opened and nothing replaced (a message in a chat, a dialog's note): the
     * reply, the replacing message, or the form's fallback.
     */
    default Message said() {
        if (this instanceof Reply r) {
            return r.message();
        }
        if (this instanceof ReplaceOriginal r) {
            return r.message();
        }
        return ((OpenForm) this).fallback();
    }

    static Outcome reply(String text) {
        return new Reply(Message.of(text));
    }
}
