package dev.kept.nudge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * When Kept speaks up, and how its scheduler runs. Every timing is a Duration; with working hours
 * on, whole days count working days and shorter spans count working hours.
 *
 * @param enabled              false: nothing is dispatched by this instance (jobs stay queued)
 * @param reminderFarThreshold a promise due further out than this is reminded {@code reminderLead} before
 * @param reminderLead         how long before the due time a far-off promise is reminded
 * @param reminderMinLead      a reminder comes at least this long before the due time (else none)
 * @param overdueAfter         the one follow-up after a missed due time
 * @param ratingDelay          after delivery, time to look at it before the receiver is asked
 * @param ratingAgainAfter     asked once more after this, if unanswered
 * @param ratingOpenFor        the question closes this long after delivery
 * @param snooze               the short snooze on reminders
 * @param dailyCap             nudges per person per day; beyond it, they wait and go out combined
 * @param pollMax              the longest the dispatcher sleeps before looking again
 * @param batch                jobs claimed at once
 * @param lease                how long a claimed job is reserved before another instance may take it
 * @param workers              sends in parallel
 * @param maxAttempts          tries for a nudge that keeps failing (5xx, timeouts) before it is recorded as failed
 */
@ConfigurationProperties(prefix = "kept.nudges")
public record NudgeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue WorkingHoursSettings workingHours,
        @DefaultValue("2d") Duration reminderFarThreshold,
        @DefaultValue("1d") Duration reminderLead,
        @DefaultValue("1h") Duration reminderMinLead,
        @DefaultValue("1d") Duration overdueAfter,
        @DefaultValue("2h") Duration ratingDelay,
        @DefaultValue("1d") Duration ratingAgainAfter,
        @DefaultValue("7d") Duration ratingOpenFor,
        @DefaultValue("1h") Duration snooze,
        @DefaultValue("5") int dailyCap,
        @DefaultValue("1s") Duration pollMax,
        @DefaultValue("100") int batch,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("8") int workers,
        @DefaultValue("6") int maxAttempts) {

    /** Working hours, in each recipient's own time zone. */
    public record WorkingHoursSettings(@DefaultValue("true") boolean enabled,
                                       @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
                                       @DefaultValue("09:00") LocalTime start,
                                       @DefaultValue("18:00") LocalTime end) {

        WorkingHours toWorkingHours() {
            return enabled ? new WorkingHours(days, start, end) : WorkingHours.always();
        }
    }
}
