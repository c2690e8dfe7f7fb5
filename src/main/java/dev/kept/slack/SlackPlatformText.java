package dev.kept.slack;

import dev.kept.chat.Directory;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's command text: mentions arrive as {@code <@U222|bob>} (or {@code <@U222>} in events), and
 * {@code & < >} typed by people arrive escaped, so anything between angle brackets was made by
 * Slack. {@link #plain} turns it into what a person reads; it is escaped again on the way out.
 */
final class SlackPlatformText implements PlatformText {

    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern TOKEN = Pattern.compile("<([^>]*)>");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final Workspace workspace;
    private final Directory directory;

    SlackPlatformText(Workspace workspace, Directory directory) {
        this.workspace = workspace;
        this.directory = directory;
    }

    @Override
    public Optional<String> userIdOf(String token) {
        Matcher m = MENTION.matcher(token.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String plain(String raw) {
        Matcher m = TOKEN.matcher(raw);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(unescape(raw.substring(from, m.start()))).append(readable(m.group(1)));
            from = m.end();
        }
        return out.append(unescape(raw.substring(from))).toString();
    }

    private String readable(String inside) {
        int bar = inside.indexOf('|');
        String target = unescape(bar >= 0 ? inside.substring(0, bar) : inside);
        String label = unescape(bar >= 0 ? inside.substring(bar + 1) : "");
        if (target.startsWith("@")) {
            if (!label.isEmpty()) {
                return "@" + label;
            }
            String id = target.substring(1);
            if (!PLAIN_ID.matcher(id).matches()) {
                // "<@>" or "<@ x y>" typed by hand is no user id: looking it up would throw.
                return "@" + id;
            }
            return "@" + directory.lookup(workspace.person(id)).map(Profile::displayName).orElse(id);
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("!subteam^")) {
            return label.isEmpty() ? "@team" : label;
        }
        if (target.startsWith("!")) {
            // <!here>, <!channel>, <!everyone>, <!date^…|fallback>: keep the words, never the ping.
            return label.isEmpty() ? "@" + target.substring(1) : label;
        }
        if (target.startsWith("mailto:")) {
            return label.isEmpty() ? target.substring("mailto:".length()) : label;
        }
        return label.isEmpty() || label.equals(target) ? target : label + " (" + target + ")";
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
