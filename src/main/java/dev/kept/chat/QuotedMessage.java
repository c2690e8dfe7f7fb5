package dev.kept.chat;

import java.util.Optional;

/**
 * A chat message someone acted on ("Make this a promise" on it): who wrote it, its text as the platform sent it,
 * and a link that opens it. The link is the platform's own (an {@code https} permalink); the core shows it as a
 * {@link Markup.Link}, which takes only http(s).
 *
 * @param authorId the user id of whoever wrote it; empty for a bot, an app or a message whose author is unknown
 * @param text     its text, raw (mentions as the platform writes them); read through {@link PlatformText#plain}
 * @param link     the link to it
 */
public record QuotedMessage(Optional<String> authorId, String text, String link) {

    public QuotedMessage {
        authorId = authorId == null ? Optional.empty() : authorId.filter(a -> !a.isBlank());
        text = text == null ? "" : text;
        new Markup.Link(link, "this message");   // refuses anything but an http(s) link
    }
}
