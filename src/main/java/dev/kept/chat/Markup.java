package dev.kept.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Formatted text built by the core and rendered by each adapter. Every span is data: an adapter
 * escapes plain and bold text for its own format, so text typed by people (which always goes into
 * a {@link Plain} or {@link Bold} span) can never turn into a mention, a broadcast or a link. What
 * Kept shows as code (a command to type) is a {@link Code} span and a link is a {@link Link} span,
 * never a platform's syntax inside plain text: the core writes no backticks, no {@code <url|label>}.
 */
public record Markup(List<Span> spans) {

    public Markup {
        spans = List.copyOf(spans);
    }

    public sealed interface Span permits Plain, Bold, PersonRef, Code, Link {
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

    /**
     * A command or a literal shown as code, on one line: what to type ({@code /promise list}), an example
     * date ({@code by friday 3pm}). Its text is data like a plain span's, escaped by each adapter.
     */
    public record Code(String text) implements Span {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A link to a web page, shown as {@code label}. Only absolute {@code http} and {@code https} urls
     * with a host are accepted, written in printable ASCII (anything else percent-encoded), without a
     * user name: a {@code javascript:}, {@code data:} or {@code file:} link can't be made. The label
     * is escaped like plain text.
     *
     * @throws IllegalArgumentException when the url is not such a link, or the label is blank
     */
    public record Link(String url, String label) implements Span {
        public Link {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(label, "label");
            checkWebUrl(url);
            if (label.isBlank()) {
                throw new IllegalArgumentException("a link needs a label: " + url);
            }
        }
    }

    private static void checkWebUrl(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new IllegalArgumentException("a link's url is printable ASCII (percent-encode the rest): " + url);
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a url: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https links are shown: " + url);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a link needs a host and no user name: " + url);
        }
    }

    public static Markup plain(String text) {
        return new Markup(List.of(new Plain(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A readable rendering without formatting, with people shown by id (for logs and fallbacks): code in
     * quotation marks ({@code “/promise list”}), a link as its label and url ({@code docs (https://…)}).
     */
    public String toPlainString() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (span instanceof Plain p) {
                out.append(p.text());
            } else if (span instanceof Bold b) {
                out.append(b.text());
            } else if (span instanceof PersonRef r) {
                out.append('@').append(r.userId());
            } else if (span instanceof Code c) {
                out.append('\u201C').append(c.text()).append('\u201D');
            } else if (span instanceof Link l) {
                out.append(l.label());
                if (!l.label().equals(l.url())) {
                    out.append(" (").append(l.url()).append(')');
                }
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

        /** A command or literal shown as code (see {@link Code}). */
        public Builder code(String text) {
            spans.add(new Code(text));
            return this;
        }

        /**
         * A link (see {@link Link}).
         *
         * @throws IllegalArgumentException when {@code url} is not an http or https link, or the label is blank
         */
        public Builder link(String url, String label) {
            spans.add(new Link(url, label));
            return this;
        }

        /** Every span of {@code other}, in order. */
        public Builder append(Markup other) {
            spans.addAll(other.spans());
            return this;
        }

        public Markup build() {
            return new Markup(spans);
        }
    }
}
