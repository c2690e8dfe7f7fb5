package dev.kept.chat;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the chat platform tells Kept about a person.
 *
 * @param bot    true for bots and apps, who cannot keep or receive promises
 * @param active false for deactivated accounts
 */
public record Profile(Person person, String displayName, ZoneId zone, boolean bot, boolean active) {

    /** A time zone as a platform wrote it (an IANA id such as {@code Europe/Berlin}); UTC when missing or unknown. */
    public static ZoneId zoneOrUtc(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
