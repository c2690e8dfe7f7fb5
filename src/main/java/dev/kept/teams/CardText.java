package dev.kept.teams;

/**
 * Text on its way into a card or an activity: control characters (other than newline) are dropped, a
 * tab becomes a space, a carriage return a newline, and a lone surrogate (which JSON writers refuse)
 * the replacement character. Nothing else changes: the text is shown literally by TextRuns and plain
 * titles, so it needs no escaping.
 */
final class CardText {

    private CardText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    i++;
                } else {
                    out.append('\uFFFD');
                }
            } else if (Character.isLowSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One line: like {@link #clean}, with newlines turned into spaces (for titles, labels, summaries). */
    static String line(String text) {
        return clean(text).replace('\n', ' ');
    }

    /** C0 and C1 control characters and DEL. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
