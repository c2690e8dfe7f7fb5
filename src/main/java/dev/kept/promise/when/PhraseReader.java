package dev.kept.promise.when;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one normalised "when" phrase, relative to a fixed {@code now}, into at most one date term and
 * at most one time term, then combines them into an instant. One instance per phrase; not reusable.
 *
 * <p>The phrase is a sequence of terms in any order. "at" may precede a time term and "on" a date term.
 * A weekday may accompany a calendar date only if they agree ("friday dec 4" when Dec 4 is a Friday).
 * Anything left over, or any second term of the same kind, makes the whole phrase not understood.
 */
final class PhraseReader {

    static final LocalTime TONIGHT = LocalTime.of(20, 0);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DOTTED_MERIDIEM = Pattern.compile("(?<![a-z])([ap])\\.m(?![a-z])\\.?");
    private static final Pattern TRAILING_PUNCTUATION =
            Pattern.compile("[\\s.!?,]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}t\\S+");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final Pattern COUNT_WITH_UNIT = Pattern.compile("(\\d{1,4})([a-z]+)");
    /** 3pm, 3:30pm, 3.30pm */
    private static final Pattern MERIDIEM_TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?(am|pm)");
    /** 3 or 3:30 or 3.30, only a time when "am"/"pm" follows as the next word */
    private static final Pattern MERIDIEM_TIME_SPACED = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?");
    /** 15:00, 9:05, 15:00:30; a colon is required (a dot would read "1.12" as a time) */
    private static final Pattern CLOCK_24H = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private static final TimeTerm END_OF_DAY = new EndOfWorkingDay();

    private final List<String> tokens;
    private final ZonedDateTime now;
    private final ZoneId zone;
    private final LocalDate today;
    private final LocalTime endOfDay;
    private final List<DateTerm> dates = new ArrayList<>();
    private final List<TimeTerm> times = new ArrayList<>();

    PhraseReader(List<String> tokens, ZonedDateTime now, LocalTime endOfDay) {
        this.tokens = List.copyOf(tokens);
        this.now = now;
        this.zone = now.getZone();
        this.today = now.toLocalDate();
        this.endOfDay = endOfDay;
    }

    /**
     * Lower-cases, turns "p.m." into "pm", treats commas as spaces, drops trailing punctuation and one
     * leading "on"/"at"/"by", and splits on whitespace. Returns no tokens for blank input.
     */
    static List<String> tokenize(String phrase) {
        String s = phrase.toLowerCase(Locale.ROOT);
        s = DOTTED_MERIDIEM.matcher(s).replaceAll("$1m");
        s = s.replace(',', ' ');
        s = TRAILING_PUNCTUATION.matcher(s).replaceFirst("");
        List<String> words = new ArrayList<>();
        for (String word : WHITESPACE.split(s)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        String first = words.isEmpty() ? "" : words.get(0);
        if (first.equals("on") || first.equals("at") || first.equals("by")) {
            words.remove(0);
        }
        return words;
    }

    Optional<ZonedDateTime> read() {
        int i = 0;
        while (i < tokens.size()) {
            String word = tokens.get(i);
            int next;
            if (word.equals("at")) {
                next = readTime(i + 1);
            } else if (word.equals("on")) {
                next = readDate(i + 1);
            } else {
                next = readTime(i);
                if (next < 0) {
                    next = readDate(i);
                }
            }
            if (next < 0) {
                return Optional.empty();
            }
            i = next;
        }
        return resolve();
    }

    // ---------------------------------------------------------------- reading

    private String word(int i) {
        return i < tokens.size() ? tokens.get(i) : "";
    }

    /** Reads a time term starting at {@code i}; returns the index after it, or -1. */
    private int readTime(int i) {
        String w = word(i);
        switch (w) {
            case "noon", "midday" -> {
                return addTime(new Clock(LocalTime.NOON, 0), i + 1);
            }
            case "midnight" -> {
                return addTime(new Clock(LocalTime.MIDNIGHT, 1), i + 1);
            }
            case "eod", "cob" -> {
                return addTime(new EndOfWorkingDay(), i + 1);
            }
            case "close" -> {
                return word(i + 1).equals("of") && word(i + 2).equals("business")
                        ? addTime(new EndOfWorkingDay(), i + 3) : -1;
            }
            default -> {
                // fall through to the patterns below
            }
        }
        int afterEndOf = afterEndOf(i, "day");
        if (afterEndOf > 0) {
            return addTime(new EndOfWorkingDay(), afterEndOf);
        }
        Matcher m = MERIDIEM_TIME.matcher(w);
        if (m.matches()) {
            return meridiem(m.group(1), m.group(2), m.group(3)).map(t -> addTime(t, i + 1)).orElse(-1);
        }
        m = MERIDIEM_TIME_SPACED.matcher(w);
        String following = word(i + 1);
        if (m.matches() && (following.equals("am") || following.equals("pm"))) {
            return meridiem(m.group(1), m.group(2), following).map(t -> addTime(t, i + 2)).orElse(-1);
        }
        m = CLOCK_24H.matcher(w);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (hour > 23 || minute > 59 || second > 59) {
                return -1;
            }
            return addTime(new Clock(LocalTime.of(hour, minute, second), 0), i + 1);
        }
        return -1;
    }

    private static Optional<Clock> meridiem(String hourText, String minuteText, String amPm) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour < 1 || hour > 12 || minute > 59) {
            return Optional.empty();
        }
        int hour24 = hour % 12 + (amPm.equals("pm") ? 12 : 0);
        return Optional.of(new Clock(LocalTime.of(hour24, minute), 0));
    }

    /** "[the] end of [the] {what}" at {@code i}: the index after it, or -1. */
    private int afterEndOf(int i, String what) {
        int j = word(i).equals("the") ? i + 1 : i;
        if (!word(j).equals("end") || !word(j + 1).equals("of")) {
            return -1;
        }
        int k = word(j + 2).equals("the") ? j + 3 : j + 2;
        return word(k).equals(what) ? k + 1 : -1;
    }

    /** Reads a date term starting at {@code i}; returns the index after it, or -1. */
    private int readDate(int i) {
        String w = word(i);
        switch (w) {
            case "today" -> {
                return addDate(new OnDate(today, null, false), i + 1);
            }
            case "tonight" -> {
                return addDate(new OnDate(today, TONIGHT, false), i + 1);
            }
            case "tomorrow", "tmrw", "tmr" -> {
                return addDate(new OnDate(today.plusDays(1), null, false), i + 1);
            }
            case "eow" -> {
                return addDate(new EndOfWeek(), i + 1);
            }
            case "this" -> {
                return Vocabulary.weekday(word(i + 1)).map(d -> addDate(new NextWeekday(d, false), i + 2)).orElse(-1);
            }
            case "next" -> {
                LocalDate mondayNextWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
                if (word(i + 1).equals("week")) {
                    return addDate(new OnDate(mondayNextWeek, null, false), i + 2);
                }
                return Vocabulary.weekday(word(i + 1))
                        .map(d -> addDate(new OnDate(mondayNextWeek.plusDays(d.getValue() - 1L), null, false), i + 2))
                        .orElse(-1);
            }
            case "in" -> {
                return readIn(i + 1);
            }
            default -> {
                // fall through to the forms below
            }
        }
        Optional<DayOfWeek> weekday = Vocabulary.weekday(w);
        if (weekday.isPresent()) {
            return addDate(new NextWeekday(weekday.get(), true), i + 1);
        }
        int afterEndOfWeek = afterEndOf(i, "week");
        if (afterEndOfWeek > 0) {
            return addDate(new EndOfWeek(), afterEndOfWeek);
        }
        if (ISO_DATE_TIME.matcher(w).matches()) {
            return isoDateTime(w.toUpperCase(Locale.ROOT)).map(t -> addDate(new Exactly(t), i + 1)).orElse(-1);
        }
        Matcher iso = ISO_DATE.matcher(w);
        if (iso.matches()) {
            return calendarDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)))
                    .map(d -> addDate(new OnDate(d, null, true), i + 1)).orElse(-1);
        }
        Optional<Month> month = Vocabulary.month(w);
        if (month.isPresent()) {
            // dec 1 / dec 1st / dec 1 2027
            Matcher day = DAY_OF_MONTH.matcher(word(i + 1));
            return day.matches() ? monthDay(month.get(), Integer.parseInt(day.group(1)), i + 2) : -1;
        }
        Matcher day = DAY_OF_MONTH.matcher(w);
        if (day.matches()) {
            // 1 dec / 1st of december / 1 december 2027
            int j = word(i + 1).equals("of") ? i + 2 : i + 1;
            return Vocabulary.month(word(j)).map(mo -> monthDay(mo, Integer.parseInt(day.group(1)), j + 1)).orElse(-1);
        }
        return -1;
    }

    /** Month and day read; an optional four-digit year may follow at {@code i}. */
    private int monthDay(Month month, int day, int i) {
        if (day < 1 || day > month.maxLength()) {
            return -1;
        }
        if (YEAR.matcher(word(i)).matches()) {
            return calendarDate(Integer.parseInt(word(i)), month.getValue(), day)
                    .map(d -> addDate(new OnDate(d, null, true), i + 1)).orElse(-1);
        }
        return addDate(new NextMonthDay(month, day), i);
    }

    /** After "in": "3 days", "a week", "2h", "half an hour". */
    private int readIn(int i) {
        String w = word(i);
        if (w.equals("half") && (word(i + 1).equals("an") || word(i + 1).equals("a"))
                && Vocabulary.unit(word(i + 2)).orElse(null) == ChronoUnit.HOURS) {
            return addDate(new After(Duration.ofMinutes(30)), i + 3);
        }
        Optional<Integer> count;
        Optional<ChronoUnit> unit;
        int next;
        Matcher compact = COUNT_WITH_UNIT.matcher(w);
        if (compact.matches()) {
            count = Optional.of(Integer.parseInt(compact.group(1)));
            unit = Vocabulary.unit(compact.group(2));
            next = i + 1;
        } else {
            count = COUNT.matcher(w).matches() ? Optional.of(Integer.parseInt(w)) : Vocabulary.countWord(w);
            unit = Vocabulary.unit(word(i + 1));
            next = i + 2;
        }
        if (count.isEmpty() || unit.isEmpty()) {
            return -1;
        }
        int n = count.get();
        DateTerm term = switch (unit.get()) {
            case SECONDS -> new After(Duration.ofSeconds(n));
            case MINUTES -> new After(Duration.ofMinutes(n));
            case HOURS -> new After(Duration.ofHours(n));
            case DAYS -> new OnDate(today.plusDays(n), null, false);
            case WEEKS -> new OnDate(today.plusWeeks(n), null, false);
            default -> throw new IllegalStateException("unit not in the vocabulary: " + unit.get());
        };
        return addDate(term, next);
    }

    private static Optional<LocalDate> calendarDate(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /**
     * ISO-8601 local date-time (read in now's zone), or with an offset / Z, which is honoured and the
     * instant converted to now's zone. Expects upper case.
     */
    private Optional<ZonedDateTime> isoDateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .atZoneSameInstant(zone));
        } catch (DateTimeException withoutOffset) {
            // try the local form below
        }
        try {
            return Optional.of(ZonedDateTime.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME), zone));
        } catch (DateTimeException notIso) {
            return Optional.empty();
        }
    }

    private int addDate(DateTerm term, int next) {
        dates.add(term);
        return next;
    }

    private int addTime(TimeTerm term, int next) {
        times.add(term);
        return next;
    }

    // ---------------------------------------------------------------- resolving

    private Optional<ZonedDateTime> resolve() {
        if (times.size() > 1 || dates.size() > 2) {
            return Optional.empty();
        }
        TimeTerm time = times.isEmpty() ? null : times.get(0);
        if (dates.isEmpty()) {
            return time == null ? Optional.empty() : Optional.of(timeAlone(time));
        }
        if (dates.size() == 2) {
            return weekdayWithCalendarDate(time);
        }
        DateTerm date = dates.get(0);
        if (date instanceof After after) {
            return time == null ? Optional.of(now.plus(after.duration())) : Optional.empty();
        }
        if (date instanceof Exactly exactly) {
            return time == null ? Optional.of(exactly.instant()) : Optional.empty();
        }
        if (date instanceof EndOfWeek) {
            return time == null ? Optional.of(at(firstDayAfterNow(DayOfWeek.FRIDAY, END_OF_DAY), END_OF_DAY, null))
                    : Optional.empty();
        }
        if (date instanceof NextWeekday weekday) {
            return Optional.of(at(firstDayAfterNow(weekday.day(), time), time, null));
        }
        if (date instanceof NextMonthDay monthDay) {
            return nextOccurrence(monthDay, time).map(d -> at(d, time, null));
        }
        OnDate on = (OnDate) date;
        return Optional.of(at(on.date(), time, on.impliedTime()));
    }

    /** "friday dec 4": only when the calendar date really is that weekday. */
    private Optional<ZonedDateTime> weekdayWithCalendarDate(TimeTerm time) {
        NextWeekday weekday = null;
        DateTerm other = null;
        for (DateTerm term : dates) {
            if (term instanceof NextWeekday w && w.bare() && weekday == null) {
                weekday = w;
            } else {
                other = term;
            }
        }
        if (weekday == null) {
            return Optional.empty();
        }
        Optional<LocalDate> date;
        if (other instanceof OnDate on && on.calendar()) {
            date = Optional.of(on.date());
        } else if (other instanceof NextMonthDay monthDay) {
            date = nextOccurrence(monthDay, time);
        } else {
            return Optional.empty();
        }
        DayOfWeek wanted = weekday.day();
        return date.filter(d -> d.getDayOfWeek() == wanted).map(d -> at(d, time, null));
    }

    /** A time alone: end of working day means today; a clock time is today if still ahead, else tomorrow. */
    private ZonedDateTime timeAlone(TimeTerm time) {
        ZonedDateTime todayAt = at(today, time, null);
        if (time instanceof EndOfWorkingDay || todayAt.isAfter(now)) {
            return todayAt;
        }
        return at(today.plusDays(1), time, null);
    }

    /** The earliest such weekday, today included, whose instant at {@code time} is strictly after now. */
    private LocalDate firstDayAfterNow(DayOfWeek day, TimeTerm time) {
        LocalDate candidate = today.with(TemporalAdjusters.nextOrSame(day));
        while (!at(candidate, time, null).isAfter(now)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }

    /** The first year, this one included, in which the date exists and its instant is after now. */
    private Optional<LocalDate> nextOccurrence(NextMonthDay monthDay, TimeTerm time) {
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            Optional<LocalDate> date = calendarDate(year, monthDay.month().getValue(), monthDay.day());
            if (date.isPresent() && at(date.get(), time, null).isAfter(now)) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The local date at the time (or the implied time, or the end of the working day) in now's zone. */
    private ZonedDateTime at(LocalDate date, TimeTerm time, LocalTime impliedTime) {
        if (time instanceof Clock clock) {
            return ZonedDateTime.of(date.plusDays(clock.dayOffset()), clock.time(), zone);
        }
        LocalTime localTime = time == null && impliedTime != null ? impliedTime : endOfDay;
        return ZonedDateTime.of(date, localTime, zone);
    }

    // ---------------------------------------------------------------- terms

    private sealed interface DateTerm permits OnDate, NextWeekday, NextMonthDay, EndOfWeek, After, Exactly {
    }

    /** A fixed local date; {@code calendar} when the user wrote the date itself (may pair with a weekday). */
    private record OnDate(LocalDate date, LocalTime impliedTime, boolean calendar) implements DateTerm {
    }

    /**
     * A bare or "this" weekday: the first one whose instant is still ahead. Only a {@code bare} one may
     * accompany a calendar date ("friday dec 4", not "this friday dec 4").
     */
    private record NextWeekday(DayOfWeek day, boolean bare) implements DateTerm {
    }

    /** A month and day without a year: the next occurrence. */
    private record NextMonthDay(Month month, int day) implements DateTerm {
    }

    private record EndOfWeek() implements DateTerm {
    }

    /** "in 2 hours": added to now on the instant time-line. */
    private record After(Duration duration) implements DateTerm {
    }

    /** An ISO-8601 date-time, complete in itself. */
    private record Exactly(ZonedDateTime instant) implements DateTerm {
    }

    private sealed interface TimeTerm permits Clock, EndOfWorkingDay {
    }

    /** A clock time on the day, or {@code dayOffset} days later (midnight = 00:00 of the next day). */
    private record Clock(LocalTime time, int dayOffset) implements TimeTerm {
    }

    private record EndOfWorkingDay() implements TimeTerm {
    }
}
