package dev.kept.nudge;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a person may be nudged: a set of working days and one daily window {@code [start, end)} of local
 * wall-clock time, evaluated in the person's own time zone.
 *
 * <h2>Windows and daylight saving</h2>
 * The window of a working day {@code D} in zone {@code z} is
 * {@code [ZonedDateTime.of(D, start, z), ZonedDateTime.of(D, end, z))}, so 09:00 is 09:00 local on both sides of a
 * DST change (the window simply has a different UTC offset). {@link ZonedDateTime#of} resolves local times as follows,
 * and so do the windows:
 * <ul>
 *   <li>a time inside a spring-forward <em>gap</em> moves forward by the length of the gap (02:30 in a one-hour gap
 *       becomes 03:30 in the new offset);</li>
 *   <li>a time inside an autumn <em>overlap</em> takes the earlier offset (the first occurrence).</li>
 * </ul>
 * If that resolution leaves a window empty (possible only for a tiny window around a gap, e.g. 02:30–03:15 on the
 * spring-forward night), that date has no window.
 *
 * <h2>Disabled</h2>
 * {@link #always()} switches working hours off: every instant is working time and all arithmetic is plain
 * {@link Instant} arithmetic.
 *
 * <h2>Bounds</h2>
 * Searches for a window never look more than {@value #SEARCH_DAYS} days away (with a non-empty set of working days
 * there is always one within 7); working-day counting skips whole weeks arithmetically, so no loop depends on the size
 * of a duration beyond the number of windows a sub-day duration spans.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingHours {

    private static final int SEARCH_DAYS = 14;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final LocalTime DISABLED_MORNING = LocalTime.of(9, 0);

    private static final WorkingHours STANDARD = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
    private static final WorkingHours ALWAYS = new WorkingHours();

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final boolean enabled;

    /** Monday–Friday 09:00–18:00. */
    public static WorkingHours standard() {
        return STANDARD;
    }

    /** Working hours switched off: every instant is working time and all arithmetic is plain. */
    public static WorkingHours always() {
        return ALWAYS;
    }

    /**
     * @param days  the working days; non-empty (copied)
     * @param start the daily window's start, inclusive
     * @param end   the daily window's end, exclusive; strictly after {@code start} (windows never span midnight)
     * @throws IllegalArgumentException if {@code days} is empty or {@code start} is not before {@code end}
     * @throws NullPointerException     if any argument (or element of {@code days}) is null
     */
    public WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is required");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : days) {
            copy.add(Objects.requireNonNull(day, "days must not contain null"));
        }
        this.days = Collections.unmodifiableSet(copy);
        this.start = start;
        this.end = end;
        this.enabled = true;
    }

    private WorkingHours() {
        this.days = Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
        this.start = LocalTime.MIDNIGHT;
        this.end = LocalTime.MAX;
        this.enabled = false;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The working days (unmodifiable). For {@link #always()}: all seven. */
    public Set<DayOfWeek> days() {
        return days;
    }

    /** The daily window's start (inclusive). For {@link #always()}: 00:00. */
    public LocalTime start() {
        return start;
    }

    /** The daily window's end (exclusive). For {@link #always()}: {@link LocalTime#MAX}. */
    public LocalTime end() {
        return end;
    }

    /** Whether {@code t} lies in a window: on a working day in {@code zone}, start inclusive, end exclusive. */
    public boolean isWorking(Instant t, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(zone, "zone");
        if (!enabled) {
            return true;
        }
        return !firstWindowEndingAfter(t, zone).start.isAfter(t);
    }

    /** t if working; otherwise the start of the next window after t. */
    public Instant nextWorking(Instant t, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(zone, "zone");
        if (!enabled) {
            return t;
        }
        return latest(t, firstWindowEndingAfter(t, zone).start);
    }

    /**
     * t if working; otherwise the last moment that is still useful before t: the previous window's end minus
     * {@code margin}, but never before that window's start. With {@link Duration#ZERO} that is the window's end itself
     * (the exclusive bound, i.e. "by the end of the previous working day").
     *
     * @throws IllegalArgumentException if {@code margin} is negative
     */
    public Instant lastWorkingBefore(Instant t, ZoneId zone, Duration margin) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        if (!enabled || isWorking(t, zone)) {
            return t;
        }
        Window previous = lastWindowStartingBefore(t, zone);
        return latest(previous.end.minus(margin), previous.start);
    }

    /**
     * Adds working time.
     * <ul>
     *   <li>Durations of at least one day count working <em>days</em> by their whole-day part: the same local time on
     *       the n-th next working day after t's local date (t's own date need not be a working day). If nothing else
     *       is added, the result is moved into a window with {@link #nextWorking}.</li>
     *   <li>The remainder below one day (all of a shorter duration; the "2h" of "1 day 2h") counts working
     *       <em>hours</em>, added after the days: only time inside windows elapses (standard(): Friday 17:30 + 2h =
     *       Monday 10:30). A sum that ends exactly on a window's end is reported as the next window's start: the same
     *       working time has elapsed, and the result is always deliverable working time.</li>
     *   <li>Zero: t unchanged (not moved into a window). Negative: {@code minusWorking(t, d.negated(), zone)}.</li>
     *   <li>Disabled: plain {@code t.plus(d)}.</li>
     * </ul>
     */
    public Instant plusWorking(Instant t, Duration d, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(zone, "zone");
        if (!enabled) {
            return t.plus(d);
        }
        if (d.isZero()) {
            return t;
        }
        if (d.isNegative()) {
            return minusWorking(t, d.negated(), zone);
        }
        long wholeDays = d.toDays();
        Duration hours = d.minusDays(wholeDays);
        Instant cur = t;
        if (wholeDays > 0) {
            cur = shiftWorkingDays(cur, wholeDays, zone, true);
            if (hours.isZero()) {
                return nextWorking(cur, zone);
            }
        }
        return plusWorkingHours(cur, hours, zone);
    }

    /**
     * The mirror of {@link #plusWorking}.
     * <ul>
     *   <li>Whole days: the same local time n working days before t's local date; if nothing else is subtracted and
     *       that lands outside a window, it moves like {@code lastWorkingBefore(…, Duration.ZERO)}, i.e. to the
     *       previous window's end.</li>
     *   <li>The remainder below one day subtracts working hours (after the days); going back exactly to a window's
     *       start yields that start (which is working time).</li>
     *   <li>Zero: t unchanged. Negative: {@code plusWorking(t, d.negated(), zone)}. Disabled: plain
     *       {@code t.minus(d)}.</li>
     * </ul>
     */
    public Instant minusWorking(Instant t, Duration d, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(zone, "zone");
        if (!enabled) {
            return t.minus(d);
        }
        if (d.isZero()) {
            return t;
        }
        if (d.isNegative()) {
            return plusWorking(t, d.negated(), zone);
        }
        long wholeDays = d.toDays();
        Duration hours = d.minusDays(wholeDays);
        Instant cur = t;
        if (wholeDays > 0) {
            cur = shiftWorkingDays(cur, wholeDays, zone, false);
            if (hours.isZero()) {
                return lastWorkingBefore(cur, zone, Duration.ZERO);
            }
        }
        return minusWorkingHours(cur, hours, zone);
    }

    /**
     * Start of the first window on a later local date than t's (for "snooze until tomorrow morning").
     * Disabled: t's next local day at 09:00 in zone.
     */
    public Instant nextMorning(Instant t, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(zone, "zone");
        LocalDate today = localDate(t, zone);
        if (!enabled) {
            return ZonedDateTime.of(today.plusDays(1), DISABLED_MORNING, zone).toInstant();
        }
        for (int i = 1; i <= SEARCH_DAYS; i++) {
            Window w = windowOn(today.plusDays(i), zone);
            if (w != null && w.start.isAfter(t)) {
                return w.start;
            }
        }
        throw noWindow(t, zone);
    }

    /** The local date of t in zone (used to count nudges per person per day). */
    public LocalDate localDate(Instant t, ZoneId zone) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(zone, "zone");
        return t.atZone(zone).toLocalDate();
    }

    // ---------------------------------------------------------------- internals

    /** A resolved window of one local date, as instants: {@code [start, end)}, start strictly before end. */
    private static final class Window {
        final Instant start;
        final Instant end;

        Window(Instant start, Instant end) {
            this.start = start;
            this.end = end;
        }
    }

    /** The window of {@code date} in {@code zone}, or null if it is not a working day or the window resolves empty. */
    private Window windowOn(LocalDate date, ZoneId zone) {
        if (!days.contains(date.getDayOfWeek())) {
            return null;
        }
        Instant from = ZonedDateTime.of(date, start, zone).toInstant();
        Instant to = ZonedDateTime.of(date, end, zone).toInstant();
        return from.isBefore(to) ? new Window(from, to) : null;
    }

    /** The earliest window whose end is after t (t is working iff that window's start is not after t). */
    private Window firstWindowEndingAfter(Instant t, ZoneId zone) {
        LocalDate date = localDate(t, zone);
        for (int i = -1; i <= SEARCH_DAYS; i++) {
            Window w = windowOn(date.plusDays(i), zone);
            if (w != null && w.end.isAfter(t)) {
                return w;
            }
        }
        throw noWindow(t, zone);
    }

    /** The latest window whose start is before t. */
    private Window lastWindowStartingBefore(Instant t, ZoneId zone) {
        LocalDate date = localDate(t, zone);
        for (int i = 1; i >= -SEARCH_DAYS; i--) {
            Window w = windowOn(date.plusDays(i), zone);
            if (w != null && w.start.isBefore(t)) {
                return w;
            }
        }
        throw noWindow(t, zone);
    }

    private Instant plusWorkingHours(Instant t, Duration d, ZoneId zone) {
        Instant cur = t;
        Duration remaining = d;
        while (true) {
            Window w = firstWindowEndingAfter(cur, zone);
            Instant from = latest(cur, w.start);
            Duration available = Duration.between(from, w.end);
            if (remaining.compareTo(available) < 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
            cur = w.end;
        }
    }

    private Instant minusWorkingHours(Instant t, Duration d, ZoneId zone) {
        Instant cur = t;
        Duration remaining = d;
        while (true) {
            Window w = lastWindowStartingBefore(cur, zone);
            Instant top = cur.isBefore(w.end) ? cur : w.end;
            Duration available = Duration.between(w.start, top);
            if (remaining.compareTo(available) <= 0) {
                return top.minus(remaining);
            }
            remaining = remaining.minus(available);
            cur = w.start;
        }
    }

    /** The same local time as t, {@code n > 0} working days later ({@code forward}) or earlier. */
    private Instant shiftWorkingDays(Instant t, long n, ZoneId zone, boolean forward) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        int step = forward ? 1 : -1;
        // Every run of 7 consecutive dates holds exactly days.size() working days: skip whole weeks, then walk.
        long weeks = (n - 1) / days.size();
        LocalDate date = local.toLocalDate().plusWeeks(step * weeks);
        long left = n - weeks * days.size();
        while (left > 0) {
            date = date.plusDays(step);
            if (days.contains(date.getDayOfWeek())) {
                left--;
            }
        }
        return ZonedDateTime.of(date, local.toLocalTime(), zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private IllegalStateException noWindow(Instant t, ZoneId zone) {
        return new IllegalStateException("no working window within " + SEARCH_DAYS + " days of " + t + " in " + zone
                + " for " + this);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkingHours)) {
            return false;
        }
        WorkingHours other = (WorkingHours) o;
        return enabled == other.enabled && days.equals(other.days) && start.equals(other.start)
                && end.equals(other.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, days, start, end);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "WorkingHours[always]";
        }
        return "WorkingHours[" + days.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","))
                + " " + start + "-" + end + "]";
    }
}
