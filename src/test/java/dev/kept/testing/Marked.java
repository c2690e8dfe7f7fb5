package dev.kept.testing;

import dev.kept.chat.Markup;

/**
 * Markup as the core's tests write what they expect: a {@link Markup.Code} span between backticks, the rest
 * as {@link Markup#toPlainString()} (people as {@code @id}). No string in the core carries a backtick
 * ({@code CoreStringsTest}), so a backtick here can only come from a code span: {@code "Try `/promise list`."}
 * asserts that the command is code, not merely that its words are there.
 */
public final class Marked {

    private Marked() {
    }

    public static String of(Markup markup) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : markup.spans()) {
            if (span instanceof Markup.Code c) {
                out.append('`').append(c.text()).append('`');
            } else {
                out.append(new Markup(java.util.List.of(span)).toPlainString());
            }
        }
        return out.toString();
    }
}
