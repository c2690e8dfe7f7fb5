package dev.kept.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.privacy.FormerColleague;
import com.slack.api.model.block.composition.OptionObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Renders the core's neutral messages and forms as Block Kit. Text from people is escaped
 * ({@code & < >}) so it can never become a mention, a broadcast like {@code <!channel>} or a link;
 * only {@link Markup.PersonRef} spans, which the core adds itself, become mentions (except the
 * {@link FormerColleague} marker, which is shown as plain words).
 *
 * <p>Slack's mrkdwn has no escape for its formatting marks ({@code *bold*}, {@code _italic_},
 * {@code ~strike~}, {@code `code`}): the only escapes it knows are {@code &amp; &lt; &gt;}. So that what
 * people type is shown as they typed it, those four marks in plain and bold spans are replaced by
 * lookalikes Slack doesn't read as marks ({@code ∗ ˍ ∼ ˋ}), and control characters (other than
 * newline and tab) are dropped. In plain text a {@code * _ ~} between two letters or digits is left
 * alone ({@code America/New_York}): Slack never formats inside a word. Bold text replaces them all.
 * Plain text never turns into formatting, not even a hint Kept wrote: Kept's own code hints are
 * {@link Markup.Code} spans, rendered between backticks here ({@link #code}), and its links are
 * {@link Markup.Link} spans, rendered as {@code <url|label>}.
 *
 * <p>Two more things Slack does to text that its escapes don't stop: a line that starts with
 * {@code >} (sent as {@code &gt;}, which Slack decodes first) becomes a block quote, and a bare URL
 * ({@code https://…}, {@code www.…}, {@code mailto:…}, a host name or an e-mail address) becomes a
 * link. So a {@code >} that starts a line, the colon of a link's scheme and a dot inside a host name
 * are shown as lookalikes too ({@code ˃ ∶ ․}). Kept's own text has none of these.
 */
public final class BlockKitRenderer {

    static final int TITLE_LIMIT = 24;

    private BlockKitRenderer() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Text shown exactly as typed: escaped, with Slack's formatting marks replaced by lookalikes and
     * control characters (except newline and tab) removed. Everything is replaced, as inside bold.
     */
    public static String literal(String text) {
        return literal(text, true);
    }

    /**
     * {@code everyMark}: replace every {@code * _ ~}; otherwise only those that could open or close
     * formatting. Slack reads them as marks only at a word's edge, so one between two letters or digits
     * ({@code America/New_York}, {@code snake_case}) stays as it is. A backtick is always replaced.
     */
    static String literal(String text, boolean everyMark) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lineStart = true; // only blanks so far on this line (a span is taken to start one)
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean atLineStart = lineStart;
            lineStart = c == '\n' || (lineStart && invisible(c));
            if ((c == '*' || c == '_' || c == '~') && !everyMark && insideWord(text, i)) {
                out.append(c);
                continue;
            }
            if (c == '>' && atLineStart) {
                out.append('\u02C3');            // ˃ MODIFIER LETTER RIGHT ARROWHEAD: '>' would start a quote
                continue;
            }
            if (c == ':' && opensLink(text, i)) {
                out.append('\u2236');            // ∶ RATIO: "https∶//…", "mailto∶…" are no links
                continue;
            }
            if (c == '.' && joinsHostName(text, i)) {
                out.append('\u2024');            // ․ ONE DOT LEADER: "www․evil․example" is no host name
                continue;
            }
            switch (c) {
                case '*' -> out.append('\u2217');   // ∗ ASTERISK OPERATOR
                case '_' -> out.append('\u02CD');   // ˍ MODIFIER LETTER LOW MACRON
                case '~' -> out.append('\u223C');   // ∼ TILDE OPERATOR
                case '`' -> out.append('\u02CB');   // ˋ MODIFIER LETTER GRAVE ACCENT
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (!isControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Link schemes Slack turns into links without the {@code //} ({@code mailto:bob@x.example}). */
    private static final Pattern BARE_SCHEME = Pattern.compile("(?i)(?:mailto|tel|sms|callto|skype|slack)$");
    private static final Pattern SCHEME_BEFORE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*$");

    /**
     * The colon of a link's scheme: {@code scheme://} for any scheme, or {@code mailto:} and its kin.
     * Slack links these by itself in mrkdwn (a text object's {@code verbatim: false}, the default).
     */
    private static boolean opensLink(String text, int i) {
        int from = Math.max(0, i - 32);
        String before = text.substring(from, i);
        if (text.startsWith("//", i + 1)) {
            return SCHEME_BEFORE.matcher(before).find();
        }
        // even inside a word ("listmailto:"): a lookalike colon costs nothing
        return BARE_SCHEME.matcher(before).find() && i + 1 < text.length()
                && !Character.isWhitespace(text.charAt(i + 1));
    }

    /**
     * A dot between a letter or digit and a letter ({@code www.x}, {@code evil.example},
     * {@code bob@corp.example}): Slack links what looks like a host name or an e-mail address by
     * itself. Decimals ({@code 3.5}) and a sentence's end (a dot, then a space) are left alone.
     */
    private static boolean joinsHostName(String text, int i) {
        return i > 0 && i < text.length() - 1 && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetter(text.charAt(i + 1));
    }

    /** Blanks, and what is dropped or not seen: after only these, a line has not yet started. */
    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || isControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean insideWord(String text, int i) {
        return i > 0 && i < text.length() - 1 && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** C0 and C1 control characters and DEL, except newline and tab. */
    static boolean isControl(char c) {
        return c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    /** A plain span: shown literally (marks at a word's edge become lookalikes, see {@link #literal(String, boolean)}). */
    static String plain(String text) {
        return literal(text, false);
    }

    /**
     * The inside of a code span, to go between two backticks: {@code & < >} escaped (so {@code <!channel>}
     * stays words), a backtick (which would end the span) shown as a lookalike {@code ˋ}, a newline or tab
     * as a space (a code span is one line), control characters dropped. {@code * _ ~} stay as they are:
     * Slack doesn't format inside code. The colon of a link's scheme and a dot inside a host name become
     * lookalikes, as in plain text, so nothing inside the span can turn into a link.
     */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' && opensLink(text, i)) {
                out.append('\u2236');
            } else if (c == '.' && joinsHostName(text, i)) {
                out.append('\u2024');
            } else {
                switch (c) {
                    case '`' -> out.append('\u02CB');
                    case '\n', '\t', '\r' -> out.append(' ');
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> {
                        if (!isControl(c)) {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * A link as Slack writes one, {@code <url|label>}. The url is one {@link Markup.Link} accepted (http or
     * https, printable ASCII, so no {@code |}, {@code <}, {@code >} or space can end it early) with its
     * {@code &} escaped; the label is escaped like plain text and kept on one line.
     */
    static String link(Markup.Link link) {
        String label = literal(link.label().replace('\n', ' ').replace('\r', ' ').strip(), false);
        return "<" + escape(link.url()) + "|" + label + ">";
    }

    public static String mrkdwn(Markup markup) {
        StringBuilder out = new StringBuilder();
        // Adjacent plain spans are read as one: whether a mark is inside a word can depend on the next span.
        StringBuilder pending = new StringBuilder();
        for (Markup.Span span : markup.spans()) {
            if (span instanceof Markup.Plain p) {
                pending.append(p.text());
                continue;
            }
            out.append(plain(pending.toString()));
            pending.setLength(0);
            if (span instanceof Markup.Bold b) {
                String t = b.text().strip();
                if (!t.isEmpty()) {
                    // Slack only bolds *text* without spaces inside the stars: keep the spaces outside.
                    if (Character.isWhitespace(b.text().charAt(0))) {
                        out.append(' ');
                    }
                    // A mark typed inside (a '*' would end the bold early) is shown as a lookalike.
                    out.append('*').append(literal(t)).append('*');
                    if (Character.isWhitespace(b.text().charAt(b.text().length() - 1))) {
                        out.append(' ');
                    }
                }
            } else if (span instanceof Markup.Code c) {
                // Like bold, a code span only reads as code without spaces just inside its backticks.
                String t = code(c.text());
                String inner = t.strip();
                if (!inner.isEmpty()) {
                    if (Character.isWhitespace(t.charAt(0))) {
                        out.append(' ');
                    }
                    out.append('`').append(inner).append('`');
                    if (Character.isWhitespace(t.charAt(t.length() - 1))) {
                        out.append(' ');
                    }
                }
            } else if (span instanceof Markup.Link l) {
                out.append(link(l));
            } else if (span instanceof Markup.PersonRef r) {
                if (FormerColleague.is(r.userId())) {
                    // Someone Kept was asked to forget: plain words, never a mention.
                    out.append(startsSentence(out) ? capitalized(FormerColleague.WORDS) : FormerColleague.WORDS);
                } else {
                    out.append("<@").append(r.userId()).append('>');
                }
            }
        }
        return out.append(plain(pending.toString())).toString();
    }

    /** At the start of the text, a line or a sentence: "A former colleague", not "a former colleague". */
    private static boolean startsSentence(StringBuilder out) {
        String before = out.toString();
        String trimmed = before.stripTrailing();
        return trimmed.isEmpty() || before.endsWith("\n") || trimmed.endsWith(".") || trimmed.endsWith("!")
                || trimmed.endsWith("?");
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Slack's limit on a section's (and a context element's) text, counted after escaping. */
    static final int SECTION_TEXT_LIMIT = 3000;
    /** Slack's limit on one section field's text. */
    static final int FIELD_TEXT_LIMIT = 2000;

    /**
     * Cuts mrkdwn that would pass Slack's {@code limit} (a promise of 1,000 typed {@code &} is 5,000 characters
     * once escaped) and ends it with "…", never inside an escape ({@code &amp;}), a mention or link
     * ({@code <@U1>}) or a surrogate pair. The whole text stays in Kept; {@code /promise list} and the Home tab
     * show it the same way.
     */
    static String fit(String mrkdwn, int limit) {
        if (mrkdwn.length() <= limit) {
            return mrkdwn;
        }
        int end = limit - 1;
        int amp = mrkdwn.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp > end - 6 && mrkdwn.indexOf(';', amp) >= end) {
            end = amp;
        }
        int open = mrkdwn.lastIndexOf('<', end - 1);
        if (open >= 0 && mrkdwn.lastIndexOf('>', end - 1) < open) {
            end = open;
        }
        if (end > 0 && Character.isHighSurrogate(mrkdwn.charAt(end - 1))) {
            end--;
        }
        return mrkdwn.substring(0, end) + "…";
    }

    public static String fallbackText(Message message) {
        return mrkdwn(message.summary());
    }

    public static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                blocks.add(section(s -> s.text(markdownText(fit(mrkdwn(t.text()), SECTION_TEXT_LIMIT)))));
            } else if (block instanceof Message.Fields f) {
                List<TextObject> fields = new ArrayList<>();
                for (Message.Field field : f.fields()) {
                    fields.add(markdownText(fit("*" + literal(field.label()) + "*\n" + mrkdwn(field.value()), FIELD_TEXT_LIMIT)));
                }
                blocks.add(section(s -> s.fields(fields)));
            } else if (block instanceof Message.Note n) {
                blocks.add(context(List.of(markdownText(fit(mrkdwn(n.text()), SECTION_TEXT_LIMIT)))));
            } else if (block instanceof Message.Actions a) {
                List<BlockElement> buttons = new ArrayList<>();
                for (Message.Button b : a.buttons()) {
                    buttons.add(button(x -> x.actionId(b.actionId()).text(plainText(b.label())).value(b.value())
                            .style(style(b.style()))));
                }
                blocks.add(actions(buttons));
            }
        }
        return blocks;
    }

    private static String style(Message.Style style) {
        return switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }

    public static View modal(Form form) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Form.Input in : form.inputs()) {
            if (in instanceof Form.Intro intro) {
                blocks.add(section(s -> s.blockId(intro.id()).text(markdownText(fit(mrkdwn(intro.text()), SECTION_TEXT_LIMIT)))));
            } else if (in instanceof Form.PersonInput p) {
                blocks.add(input(i -> i.blockId(p.id()).label(plainText(p.label()))
                        .element(usersSelect(u -> u.actionId(p.id()).initialUser(p.initialUserId())))));
            } else if (in instanceof Form.TextInput t) {
                blocks.add(input(i -> i.blockId(t.id()).label(plainText(t.label())).optional(t.optional())
                        .element(plainTextInput(x -> x.actionId(t.id()).multiline(t.multiline())
                                .maxLength(t.maxLength())
                                .initialValue(t.initialValue() == null || t.initialValue().isEmpty() ? null : t.initialValue())
                                .placeholder(t.placeholder() == null ? null : plainText(t.placeholder()))))));
            } else if (in instanceof Form.ChoiceInput c) {
                blocks.add(input(i -> i.blockId(c.id()).label(plainText(c.label())).optional(c.optional())
                        .element(choice(c))));
            } else if (in instanceof Form.DateTimeInput d) {
                Integer initial = d.initialValue() == null ? null : Math.toIntExact(d.initialValue().getEpochSecond());
                blocks.add(input(i -> i.blockId(d.id()).label(plainText(d.label()))
                        .element(datetimePicker(x -> x.actionId(d.id()).initialDateTime(initial)))));
            }
        }
        return view(v -> v.type("modal").callbackId(form.formId()).privateMetadata(form.context())
                .title(viewTitle(t -> t.type("plain_text").text(limit(form.title()))))
                .submit(viewSubmit(s -> s.type("plain_text").text(limit(form.submitLabel()))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** Checkboxes for a multiple choice, a static select for a single one. */
    private static BlockElement choice(Form.ChoiceInput c) {
        List<OptionObject> options = new ArrayList<>();
        List<OptionObject> initial = new ArrayList<>();
        for (Form.Choice choice : c.options()) {
            OptionObject option = option(plainText(choice.label()), choice.value());
            options.add(option);
            if (c.initial().contains(choice.value())) {
                initial.add(option);
            }
        }
        if (c.multiple()) {
            return checkboxes(x -> x.actionId(c.id()).options(options).initialOptions(initial.isEmpty() ? null : initial));
        }
        return staticSelect(x -> x.actionId(c.id()).options(options)
                .initialOption(initial.isEmpty() ? null : initial.get(0)));
    }

    private static String limit(String s) {
        return s.length() <= TITLE_LIMIT ? s : s.substring(0, TITLE_LIMIT - 1) + "…";
    }
}
