package dev.kept.chat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a person has set for themselves with {@code /promise settings}. Anything unset falls back to
 * the platform's profile (time zone) or Kept's configuration (working hours, daily cap).
 *
 * @param zone            a time zone id overriding the chat profile's, or empty
 * @param workStart       start of their working day, or null for Kept's default
 * @param workEnd         end of their working day, or null for Kept's default
 * @param dailyCap        at most this many nudges a day; 0 for Kept's default
 * @param feedbackPrompts whether Kept may ask them for feedback (after rating, when a promise slips, what matters)
 */
public record PersonalSettings(String zone, LocalTime workStart, LocalTime workEnd, int dailyCap,
                               boolean feedbackPrompts) {

    public static final PersonalSettings DEFAULTS = new PersonalSettings("", null, null, 0, true);

    public PersonalSettings {
        zone = zone == null ? "" : zone;
        if (dailyCap < 0) {
            throw new IllegalArgumentException("dailyCap must not be negative: " + dailyCap);
        }
    }

    public Optional<ZoneId> zoneOverride() {
        if (zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
