package dev.kept.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Formatted text built by the core and rendered by each adapter. Every span is data: an adapter
 * escapes plain and bold text for its own format, so text typed by people (which always goes into
 * a {@link Plain} or {@link Bold} span) can never turn into a mention, a broadcast or a link.
 */
public record Markup(List<Span> spans) {

    public Markup {
        spans = List.copyOf(spans);
    }

    public sealed interface Span permits Plain, Bold, PersonRef {
    }

    /** Text shown as it is. */
    public record Plain(String text) implements Span {
    }

    /** Text shown with emphasis. */
    public record Bold(String text) implements Span {
    }

    /** A person, shown as a mention where the platform has them. */
    public record PersonRef(String userId) implements Span {
    }

    public static Markup plain(String text) {
        return new Markup(List.of(new Plain(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A readable rendering without formatting, with people shown by id (for logs and fallbacks). */
    public String toPlainString() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (span instanceof Plain p) {
                out.append(p.text());
            } else if (span instanceof Bold b) {
                out.append(b.text());
            } else if (span instanceof PersonRef r) {
                out.append('@').append(r.userId());
            }
        }
        return out.toString();
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(new Plain(text));
            return this;
        }

        public Builder bold(String text) {
            spans.add(new Bold(text));
            return this;
        }

        public Builder person(String userId) {
            spans.add(new PersonRef(userId));
            return this;
        }

        public Markup build() {
            return new Markup(spans);
        }
    }
}
