package dev.kept.promise.when;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** The words the due-date grammar knows, all lower case. */
final class Vocabulary {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    /** Counts written as words; "a"/"an" as in "in an hour". */
    private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("seconds", ChronoUnit.SECONDS), Map.entry("second", ChronoUnit.SECONDS),
            Map.entry("secs", ChronoUnit.SECONDS), Map.entry("sec", ChronoUnit.SECONDS),
            Map.entry("minutes", ChronoUnit.MINUTES), Map.entry("minute", ChronoUnit.MINUTES),
            Map.entry("mins", ChronoUnit.MINUTES), Map.entry("min", ChronoUnit.MINUTES),
            Map.entry("hours", ChronoUnit.HOURS), Map.entry("hour", ChronoUnit.HOURS),
            Map.entry("hrs", ChronoUnit.HOURS), Map.entry("hr", ChronoUnit.HOURS),
            Map.entry("h", ChronoUnit.HOURS),
            Map.entry("days", ChronoUnit.DAYS), Map.entry("day", ChronoUnit.DAYS),
            Map.entry("weeks", ChronoUnit.WEEKS), Map.entry("week", ChronoUnit.WEEKS),
            Map.entry("wks", ChronoUnit.WEEKS), Map.entry("wk", ChronoUnit.WEEKS));

    private Vocabulary() {
    }

    static Optional<DayOfWeek> weekday(String word) {
        return Optional.ofNullable(WEEKDAYS.get(word));
    }

    static Optional<Month> month(String word) {
        return Optional.ofNullable(MONTHS.get(word));
    }

    static Optional<Integer> countWord(String word) {
        return Optional.ofNullable(COUNT_WORDS.get(word));
    }

    static Optional<ChronoUnit> unit(String word) {
        return Optional.ofNullable(UNITS.get(word));
    }
}
