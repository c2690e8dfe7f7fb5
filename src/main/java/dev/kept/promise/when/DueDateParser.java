package dev.kept.promise.when;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the short "when" phrases people type after "by": {@code friday 3pm}, {@code tomorrow},
 * {@code in 2 hours}, {@code dec 1st}, {@code eod}, {@code 2026-12-01T15:00Z}.
 *
 * <p>Grammar, case-insensitive, tolerating extra spaces, trailing {@code . ! ? ,} and one leading
 * {@code on}/{@code at}/{@code by}. A phrase is at most one date part and at most one time part, in either
 * order, with an optional {@code at} before the time and {@code on} before the date:
 * <ul>
 *   <li>{@code today}, {@code tonight} (20:00), {@code tomorrow}/{@code tmrw}/{@code tmr};</li>
 *   <li>a weekday ({@code friday}, {@code fri}, {@code tues}, {@code thurs}…) or {@code this friday}: the
 *       earliest such day, today included, whose instant is strictly after now; {@code next friday}: that
 *       weekday in the next ISO (Monday–Sunday) week; {@code next week}: Monday of the next ISO week;</li>
 *   <li>{@code in 3 days}, {@code in a week}, {@code in two hours}, {@code in 30 mins}, {@code in 2h},
 *       {@code in half an hour}: minutes and hours are added to now exactly (no time may be given);
 *       days and weeks give a date;</li>
 *   <li>{@code eod}, {@code cob}, {@code [the] end of [the] day}, {@code close of business}: the end of the
 *       working day; alone it means today, with a date it means that date ({@code eod friday});</li>
 *   <li>{@code eow}, {@code [the] end of [the] week}: the earliest Friday, today included, at the end of the
 *       working day strictly after now (takes no time);</li>
 *   <li>dates {@code 2026-12-01}, {@code dec 1}, {@code dec 1st}, {@code 1 dec}, {@code 1st of december},
 *       {@code dec 1 2027}, {@code dec 1, 2027}; without a year the next occurrence whose instant is after
 *       now. Slash dates ({@code 12/01}) are refused as ambiguous, impossible dates ({@code feb 30}) too.
 *       A weekday may accompany a date only if it agrees with it ({@code friday dec 4});</li>
 *   <li>times {@code 3pm}, {@code 3 pm}, {@code 3:30pm}, {@code 3.30pm}, {@code 3 p.m.}, {@code 15:00},
 *       {@code 15:00:30}, {@code noon}, {@code midday}, {@code midnight}, {@code 12am} (00:00),
 *       {@code 12pm} (12:00). A bare number is not a time, and a 24-hour time needs a colon
 *       ({@code 15.30} is refused: "1.12" is a date to many Europeans);</li>
 *   <li>ISO-8601 date-times {@code 2026-12-01T15:00[:00]}, optionally with an offset or {@code Z}, which is
 *       honoured (the instant is converted to now's zone). Nothing may accompany them.</li>
 * </ul>
 * A date without a time is due at the end of the working day (17:00 by default). A time without a date is
 * today if that is still strictly after now, else tomorrow. {@code midnight} means the end of the given day,
 * i.e. 00:00 of the day after it ({@code friday midnight} is Saturday 00:00; alone it is the coming 00:00).
 *
 * <p>The result may lie in the past ({@code today} said at 19:00 is today 17:00): this class only interprets,
 * callers decide what to accept.
 *
 * <p>Zones and daylight saving: everything is read in the zone of {@code now} and returned in that zone.
 * A local date and local time are combined with {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)}, so a
 * local time inside a spring-forward gap moves forward by the length of the gap (02:30 on a night that jumps
 * from 02:00 to 03:00 becomes 03:30) and a local time that happens twice in a fall-back overlap takes the
 * earlier offset. Minute and hour durations are added on the instant time-line: {@code in 2 hours} is always
 * exactly two real hours later.
 *
 * <p>Immutable and thread-safe.
 */
public final class DueDateParser {

    public static final LocalTime DEFAULT_END_OF_DAY = LocalTime.of(17, 0);

    /** "by" as a word of its own, with whitespace on both sides. */
    /** " in <count> <unit>" at the very end of the text. */
    private static final Pattern TRAILING_IN = Pattern.compile(
            "(?<=\\s)in\\s+(?:\\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half\\s+an?)\\s*[a-z]+[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY = Pattern.compile("(?<=\\s)by(?=\\s)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final LocalTime endOfWorkingDay;

    /** End of the working day at 17:00. */
    public DueDateParser() {
        this(DEFAULT_END_OF_DAY);
    }

    public DueDateParser(LocalTime endOfWorkingDay) {
        this.endOfWorkingDay = Objects.requireNonNull(endOfWorkingDay, "endOfWorkingDay");
    }

    public LocalTime endOfWorkingDay() {
        return endOfWorkingDay;
    }

    /**
     * Parses a "when" phrase in the zone of {@code now}, to the second. Empty when not understood. Never throws on user
     * input ({@code when} may be null); {@code now} must not be null.
     */
    public Optional<ZonedDateTime> parse(String when, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        if (when == null) {
            return Optional.empty();
        }
        try {
            List<String> tokens = PhraseReader.tokenize(when);
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            // One precision everywhere, the second: a button's value and a nudge's id carry a due in epoch
            // seconds, so "in 2 hours" said at 09:00:30.250 is 11:00:30, not 11:00:30.250, and stays equal to
            // itself after that round trip (the grammar takes seconds: "in 20 seconds", "15:00:30").
            return new PhraseReader(tokens, now, endOfWorkingDay).read()
                    .map(due -> due.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }

    /**
     * Splits "send the Q3 deck by friday 3pm" into what + due. Tries each whitespace-surrounded "by" from the
     * last one backwards; the first whose tail parses wins ("stand by me by friday" → "stand by me", friday).
     * When no tail parses, {@code due} is empty and the text is split at the last "by" (or not at all when
     * there is none).
     */
    public WhatAndWhen split(String text, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        String s = text == null ? "" : text;
        List<int[]> bys = new ArrayList<>();
        Matcher m = BY.matcher(s);
        while (m.find()) {
            bys.add(new int[] {m.start(), m.end()});
        }
        for (int i = bys.size() - 1; i >= 0; i--) {
            int[] by = bys.get(i);
            String tail = s.substring(by[1]).strip();
            Optional<ZonedDateTime> due = parse(tail, now);
            if (due.isPresent()) {
                return new WhatAndWhen(s.substring(0, by[0]).strip(), due, tail);
            }
        }
        // No "by": a trailing "in 2 hours" / "in 3 days" also says when ("the deck in 2 hours").
        Matcher in = TRAILING_IN.matcher(s);
        if (in.find()) {
            String tail = s.substring(in.start()).strip();
            Optional<ZonedDateTime> due = parse(tail, now);
            if (due.isPresent() && !s.substring(0, in.start()).isBlank()) {
                return new WhatAndWhen(s.substring(0, in.start()).strip(), due, tail);
            }
        }
        if (bys.isEmpty()) {
            return new WhatAndWhen(s.strip(), Optional.empty(), "");
        }
        int[] last = bys.get(bys.size() - 1);
        return new WhatAndWhen(s.substring(0, last[0]).strip(), Optional.empty(), s.substring(last[1]).strip());
    }
}
