package dev.kept.teams;

import dev.kept.chat.PlatformText;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message text from a person's chat with Kept in Teams. It can carry HTML ({@code <p>}, {@code <br>},
 * entities such as {@code &amp;} and {@code &nbsp;}) and {@code <at>Kept</at>}, a mention of the bot.
 * Colleagues cannot be mentioned in a personal chat with a bot, so {@code @name} is looked up by name.
 *
 * <p>How the adapter hands a message to the core: {@code command(activity.text)} gives the text for
 * {@code PromiseInbound.command} / {@code DirectMessages.receive} (the HTML's structure and the bot's
 * mention gone, the entities still in), and this object is the {@link PlatformText} of the
 * {@code Invocation}: the core calls {@link #plain} on the parts it keeps, which decodes them once.
 */
public final class TeamsText implements PlatformText {

    public static final String DEFAULT_BOT_NAME = "Kept";

    private static final Pattern AT = Pattern.compile("<at(?:\\s[^<>]*)?>(.*?)</at>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile(
            "<br\\s*/?>|</(?:p|div|li|h[1-6]|blockquote|pre|tr)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    /** An HTML tag; a {@code <} a person typed (followed by a space, a digit, …) is no tag. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n[ \t]*\n(?:[ \t]*\n)+");
    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \t]+\n");

    private final Function<String, Optional<String>> userIdByName;
    private final String botName;

    /**
     * @param userIdByName a colleague's user id by their name, as typed after {@code @} (without it);
     *                     expected to match names case-insensitively; empty when nobody has that name
     */
    public TeamsText(Function<String, Optional<String>> userIdByName) {
        this(userIdByName, DEFAULT_BOT_NAME);
    }

    /** @param botName the bot's name as Teams writes it in {@code <at>…</at>} (the manifest's short name) */
    public TeamsText(Function<String, Optional<String>> userIdByName, String botName) {
        this.userIdByName = Objects.requireNonNull(userIdByName, "userIdByName");
        this.botName = botName == null || botName.isBlank() ? DEFAULT_BOT_NAME : botName.strip();
    }

    /**
     * A colleague's user id if {@code token} is {@code @name} (or {@code <at>name</at>}) and the lookup
     * knows the name; otherwise empty.
     */
    @Override
    public Optional<String> userIdOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.strip();
        Matcher at = AT.matcher(t);
        String name;
        if (at.matches()) {
            name = plain(at.group(1));
        } else if (t.length() > 1 && t.charAt(0) == '@') {
            name = plain(t.substring(1));
        } else {
            return Optional.empty();
        }
        name = name.strip();
        if (name.startsWith("@")) {
            name = name.substring(1).strip();
        }
        if (name.isEmpty() || name.equalsIgnoreCase(botName)) {
            return Optional.empty();
        }
        Optional<String> id = userIdByName.apply(name);
        return id == null ? Optional.empty() : id.filter(s -> !s.isBlank());
    }

    /**
     * Text as a person reads it: tags gone ({@code <br>} and the end of a paragraph become line breaks),
     * entities decoded once, the bot's mention removed and other mentions shown as {@code @name}.
     */
    @Override
    public String plain(String raw) {
        if (raw == null) {
            return "";
        }
        String text = structure(raw);
        text = unescape(text);
        text = text.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        text = SPACE_BEFORE_NEWLINE.matcher(text).replaceAll("\n");
        text = MANY_BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /**
     * The text of a message for the core's command reader: without HTML structure or the bot's mention,
     * other mentions as {@code @name}, {@code &nbsp;} as a space; other entities stay escaped so that
     * {@link #plain} decodes each part exactly once.
     */
    public String command(String raw) {
        if (raw == null) {
            return "";
        }
        String text = structure(raw);
        text = text.replaceAll("(?i)&nbsp;|&#160;|&#xa0;", " ").replace('\u00A0', ' ');
        return text.strip();
    }

    private String structure(String raw) {
        String text = COMMENT.matcher(raw).replaceAll("");
        Matcher at = AT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (at.find()) {
            String inner = TAG.matcher(at.group(1)).replaceAll("");
            String name = unescape(inner).strip();
            String replacement;
            if (name.equalsIgnoreCase(botName)) {
                replacement = "";
            } else {
                // Still escaped: plain() decodes the whole text once.
                replacement = "@" + inner.strip();
            }
            at.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        at.appendTail(out);
        text = LINE_BREAK.matcher(out.toString()).replaceAll("\n");
        return TAG.matcher(text).replaceAll("");
    }

    /** Decodes {@code &amp; &lt; &gt; &quot; &apos; &nbsp;} and numeric entities, once; others stay as they are. */
    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            if (m.group(3) != null) {
                String named = NAMED.get(m.group(3).toLowerCase(Locale.ROOT));
                if (named != null) {
                    replacement = named;
                }
            } else {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                if (Character.isValidCodePoint(code) && !(code >= 0xD800 && code <= 0xDFFF) && code != 0) {
                    replacement = new String(Character.toChars(code));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
