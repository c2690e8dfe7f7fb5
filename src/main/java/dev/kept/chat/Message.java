package dev.kept.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: a short summary (used for notifications) and blocks of content.
 * Adapters render it (Block Kit for Slack, HTML for the playground, Adaptive Cards for Teams).
 */
public record Message(Markup summary, List<Block> blocks) {

    public Message {
        Objects.requireNonNull(summary, "summary");
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Text, Fields, Note, Actions {
    }

    /** A paragraph. */
    public record Text(Markup text) implements Block {
    }

    /** Label/value pairs shown side by side where the platform can. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    public record Field(String label, Markup value) {
    }

    /** Small print under the content. */
    public record Note(Markup text) implements Block {
    }

    /** Buttons. */
    public record Actions(List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }
    }

    public enum Style { DEFAULT, PRIMARY, DANGER }

    /**
     * A button. {@code actionId} names what it does (see the core's action ids); {@code value}
     * carries what the core needs to act (usually a promise id) and is never shown.
     */
    public record Button(String actionId, String label, String value, Style style) {
    }

    public static Message of(Markup text) {
        return new Message(text, List.of(new Text(text)));
    }

    public static Message of(String text) {
        return of(Markup.plain(text));
    }

    public static Builder builder(Markup summary) {
        return new Builder(summary);
    }

    public static final class Builder {
        private final Markup summary;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(Markup summary) {
            this.summary = summary;
        }

        public Builder text(Markup text) {
            blocks.add(new Text(text));
            return this;
        }

        public Builder fields(List<Field> fields) {
            blocks.add(new Fields(fields));
            return this;
        }

        public Builder note(Markup text) {
            blocks.add(new Note(text));
            return this;
        }

        /** All blocks of another message, in order. */
        public Builder append(Message other) {
            blocks.addAll(other.blocks());
            return this;
        }

        public Builder buttons(Button... buttons) {
            blocks.add(new Actions(List.of(buttons)));
            return this;
        }

        public Message build() {
            return new Message(summary, blocks);
        }
    }
}
