package dev.kept.chat;

import java.util.Optional;

/**
 * Port: how a platform writes command text. Slack, for instance, sends {@code <@U222|bob>} for a
 * mention and escapes {@code & < >} typed by people, so a mention can only come from Slack itself.
 */
public interface PlatformText {

    /** The user id if {@code token} (raw, as the platform sent it) is exactly one mention, otherwise empty. */
    Optional<String> userIdOf(String token);

    /**
     * Raw platform text as a person would read it: mentions become {@code @name}, links their label,
     * escaped characters themselves. The result is plain data; it is escaped again on the way out.
     */
    String plain(String raw);
}
