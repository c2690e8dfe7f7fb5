package dev.kept.playground;

import dev.kept.chat.PlatformText;

import java.util.Optional;

/**
 * Command text typed in the playground: plain text, where {@code @bob} (a colleague's id or name) is
 * a mention. Nothing else is special; the text is escaped on the way out like every other.
 */
final class PlaygroundText implements PlatformText {

    private final Colleagues colleagues;

    PlaygroundText(Colleagues colleagues) {
        this.colleagues = colleagues;
    }

    @Override
    public Optional<String> userIdOf(String token) {
        String t = token == null ? "" : token.strip();
        if (t.length() < 2 || t.charAt(0) != '@') {
            return Optional.empty();
        }
        return colleagues.byName(t.substring(1)).map(c -> c.userId());
    }

    @Override
    public String plain(String raw) {
        return raw == null ? "" : raw;
    }
}
