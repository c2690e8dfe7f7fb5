package dev.kept.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final WorkingHours STD = WorkingHours.standard();
    private static final WorkingHours ALWAYS = WorkingHours.always();
    /** Sunday–Thursday 08:00–16:00 (Israeli week). */
    private static final WorkingHours SUN_THU = new WorkingHours(
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            LocalTime.of(8, 0), LocalTime.of(16, 0));

    /** 2026-11-20 is a Friday; 2026-11-23 the following Monday (no DST change anywhere near, in any test zone). */
    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    private static Instant berlin(String localDateTime) {
        return at(localDateTime, BERLIN);
    }

    private static Duration d(String iso) {
        return Duration.parse(iso);
    }

    @Nested
    class Construction {

        @Test
        void standardIsMondayToFridayNineToSix() {
            assertThat(STD.enabled()).isTrue();
            assertThat(STD.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(STD.start()).isEqualTo(LocalTime.of(9, 0));
            assertThat(STD.end()).isEqualTo(LocalTime.of(18, 0));
            assertThat(STD).isEqualTo(new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0), LocalTime.of(18, 0)));
            assertThat(STD).isNotEqualTo(ALWAYS).isNotEqualTo(SUN_THU);
        }

        @Test
        void alwaysIsDisabled() {
            assertThat(ALWAYS.enabled()).isFalse();
            assertThat(ALWAYS.toString()).contains("always");
        }

        @Test
        void daysAreCopiedAndUnmodifiable() {
            Set<DayOfWeek> days = new HashSet<>(Set.of(DayOfWeek.MONDAY));
            WorkingHours hours = new WorkingHours(days, LocalTime.of(9, 0), LocalTime.of(10, 0));
            days.add(DayOfWeek.SATURDAY);
            assertThat(hours.days()).containsExactly(DayOfWeek.MONDAY);
            assertThatThrownBy(() -> hours.days().add(DayOfWeek.TUESDAY))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest(name = "[{index}] {0}-{1}")
        @CsvSource({"09:00, 09:00", "18:00, 09:00", "00:00, 00:00", "23:59, 00:00"})
        void startMustBeBeforeEnd(LocalTime start, LocalTime end) {
            assertThatThrownBy(() -> new WorkingHours(EnumSet.of(DayOfWeek.MONDAY), start, end))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void daysMustNotBeEmpty() {
            assertThatThrownBy(() -> new WorkingHours(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(9, 0),
                    LocalTime.of(18, 0))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nullsAreRejected() {
            assertThatThrownBy(() -> new WorkingHours(null, LocalTime.of(9, 0), LocalTime.of(18, 0)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WorkingHours(Set.of(DayOfWeek.MONDAY), null, LocalTime.of(18, 0)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WorkingHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void aWholeDayMinusANanosecondIsAValidWindow() {
            WorkingHours allDay = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);
            assertThat(allDay.isWorking(berlin("2026-11-22T12:00"), BERLIN)).isTrue();
            assertThat(allDay.isWorking(berlin("2026-11-22T00:00"), BERLIN)).isTrue();
        }
    }

    @Nested
    class IsWorking {

        static Stream<Arguments> standardCases() {
            return Stream.of(
                    // Berlin, November (+01:00)
                    Arguments.of(BERLIN, "2026-11-20T09:00", true),      // Friday, exactly at start
                    Arguments.of(BERLIN, "2026-11-20T08:59:59", false),
                    Arguments.of(BERLIN, "2026-11-20T12:00", true),
                    Arguments.of(BERLIN, "2026-11-20T17:59:59.999", true),
                    Arguments.of(BERLIN, "2026-11-20T18:00", false),     // exactly at end
                    Arguments.of(BERLIN, "2026-11-21T12:00", false),     // Saturday
                    Arguments.of(BERLIN, "2026-11-22T12:00", false),     // Sunday
                    Arguments.of(BERLIN, "2026-11-23T09:00", true),      // Monday
                    Arguments.of(BERLIN, "2026-11-23T03:00", false),
                    // New York (-05:00)
                    Arguments.of(NEW_YORK, "2026-11-20T09:00", true),
                    Arguments.of(NEW_YORK, "2026-11-20T18:00", false),
                    Arguments.of(NEW_YORK, "2026-11-21T10:00", false),
                    Arguments.of(NEW_YORK, "2026-11-23T17:30", true),
                    // Kolkata (+05:30)
                    Arguments.of(KOLKATA, "2026-11-20T09:00", true),
                    Arguments.of(KOLKATA, "2026-11-20T08:59", false),
                    Arguments.of(KOLKATA, "2026-11-20T18:00", false),
                    Arguments.of(KOLKATA, "2026-11-22T11:00", false));
        }

        @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
        @MethodSource("standardCases")
        void standardHoursInLocalTime(ZoneId zone, String local, boolean working) {
            assertThat(STD.isWorking(at(local, zone), zone)).isEqualTo(working);
        }

        @Test
        void theSameInstantIsWorkingInOneZoneAndNotInAnother() {
            Instant t = Instant.parse("2026-11-20T03:30:00Z"); // Friday: 09:00 Kolkata, 04:30 Berlin, Thu 22:30 NY
            assertThat(STD.isWorking(t, KOLKATA)).isTrue();
            assertThat(STD.isWorking(t, BERLIN)).isFalse();
            assertThat(STD.isWorking(t, NEW_YORK)).isFalse();
            assertThat(STD.isWorking(t.minusNanos(1), KOLKATA)).isFalse();
        }

        @Test
        void kolkataHalfHourOffsetIsRespected() {
            // Friday 2026-11-20 window is 03:30Z – 12:30Z
            assertThat(STD.isWorking(Instant.parse("2026-11-20T03:29:59Z"), KOLKATA)).isFalse();
            assertThat(STD.isWorking(Instant.parse("2026-11-20T03:30:00Z"), KOLKATA)).isTrue();
            assertThat(STD.isWorking(Instant.parse("2026-11-20T12:29:59Z"), KOLKATA)).isTrue();
            assertThat(STD.isWorking(Instant.parse("2026-11-20T12:30:00Z"), KOLKATA)).isFalse();
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
                "2027-01-10T08:00, true",   // Sunday, exactly at start
                "2027-01-10T07:59, false",
                "2027-01-14T15:59, true",   // Thursday
                "2027-01-14T16:00, false",  // exactly at end
                "2027-01-15T10:00, false",  // Friday
                "2027-01-16T10:00, false",  // Saturday
                "2027-01-11T12:00, true"})  // Monday
        void customSundayToThursdayInJerusalem(String local, boolean working) {
            assertThat(SUN_THU.isWorking(at(local, JERUSALEM), JERUSALEM)).isEqualTo(working);
        }
    }

    @Nested
    class NextWorking {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of(STD, BERLIN, "2026-11-20T18:00", "2026-11-23T09:00"),  // Friday end -> Monday
                    Arguments.of(STD, BERLIN, "2026-11-20T23:00", "2026-11-23T09:00"),
                    Arguments.of(STD, BERLIN, "2026-11-22T10:00", "2026-11-23T09:00"),  // Sunday -> Monday
                    Arguments.of(STD, BERLIN, "2026-11-21T00:00", "2026-11-23T09:00"),  // Saturday midnight
                    Arguments.of(STD, BERLIN, "2026-11-23T07:00", "2026-11-23T09:00"),  // early Monday
                    Arguments.of(STD, BERLIN, "2026-11-23T09:00", "2026-11-23T09:00"),  // at start: unchanged
                    Arguments.of(STD, BERLIN, "2026-11-23T13:37", "2026-11-23T13:37"),  // working: unchanged
                    Arguments.of(STD, BERLIN, "2026-11-23T18:00", "2026-11-24T09:00"),  // Monday end -> Tuesday
                    Arguments.of(STD, NEW_YORK, "2026-11-20T18:00", "2026-11-23T09:00"),
                    Arguments.of(STD, KOLKATA, "2026-11-21T09:00", "2026-11-23T09:00"),
                    Arguments.of(SUN_THU, JERUSALEM, "2027-01-14T16:00", "2027-01-17T08:00"), // Thu end -> Sunday
                    Arguments.of(SUN_THU, JERUSALEM, "2027-01-15T09:00", "2027-01-17T08:00"), // Friday -> Sunday
                    Arguments.of(SUN_THU, JERUSALEM, "2027-01-17T07:00", "2027-01-17T08:00"));
        }

        @ParameterizedTest(name = "[{index}] {1} {2} -> {3}")
        @MethodSource("cases")
        void movesToTheNextWindowStart(WorkingHours hours, ZoneId zone, String from, String expected) {
            assertThat(hours.nextWorking(at(from, zone), zone)).isEqualTo(at(expected, zone));
        }

        @Test
        void fromFridayEveningInKolkataIsMondayAtHalfPastThreeUtc() {
            assertThat(STD.nextWorking(at("2026-11-20T18:00", KOLKATA), KOLKATA))
                    .isEqualTo(Instant.parse("2026-11-23T03:30:00Z"));
        }

        @Test
        void aSingleWorkingDayAWeekIsFoundAWeekLater() {
            WorkingHours wednesdays = new WorkingHours(EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(10, 0),
                    LocalTime.of(11, 0));
            // Wednesday 2026-11-18 11:00 (end) -> next Wednesday
            assertThat(wednesdays.nextWorking(berlin("2026-11-18T11:00"), BERLIN))
                    .isEqualTo(berlin("2026-11-25T10:00"));
        }
    }

    @Nested
    class LastWorkingBefore {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of(BERLIN, "2026-11-21T10:00", "PT1H", "2026-11-20T17:00"),  // Sat 10:00 -> Fri 17:00
                    Arguments.of(BERLIN, "2026-11-21T10:00", "PT0S", "2026-11-20T18:00"),  // window end itself
                    Arguments.of(BERLIN, "2026-11-23T08:00", "PT30M", "2026-11-20T17:30"), // Monday early -> Friday
                    Arguments.of(BERLIN, "2026-11-20T20:00", "PT1H", "2026-11-20T17:00"),  // Friday evening
                    Arguments.of(BERLIN, "2026-11-20T18:00", "PT1H", "2026-11-20T17:00"),  // exactly at end
                    Arguments.of(BERLIN, "2026-11-21T10:00", "PT12H", "2026-11-20T09:00"), // never before start
                    Arguments.of(BERLIN, "2026-11-21T10:00", "PT9H", "2026-11-20T09:00"),
                    Arguments.of(BERLIN, "2026-11-20T12:00", "PT1H", "2026-11-20T12:00"),  // working: unchanged
                    Arguments.of(BERLIN, "2026-11-20T09:00", "PT1H", "2026-11-20T09:00"),
                    Arguments.of(NEW_YORK, "2026-11-22T23:00", "PT2H", "2026-11-20T16:00"),
                    Arguments.of(KOLKATA, "2026-11-21T10:00", "PT1H", "2026-11-20T17:00"));
        }

        @ParameterizedTest(name = "[{index}] {0} {1} margin {2} -> {3}")
        @MethodSource("cases")
        void previousWindowEndMinusMargin(ZoneId zone, String from, String margin, String expected) {
            assertThat(STD.lastWorkingBefore(at(from, zone), zone, d(margin))).isEqualTo(at(expected, zone));
        }

        @Test
        void jerusalemWeekendGoesBackToThursday() {
            assertThat(SUN_THU.lastWorkingBefore(at("2027-01-16T10:00", JERUSALEM), JERUSALEM, d("PT1H")))
                    .isEqualTo(at("2027-01-14T15:00", JERUSALEM));
        }

        @Test
        void negativeMarginIsRejected() {
            assertThatThrownBy(() -> STD.lastWorkingBefore(berlin("2026-11-21T10:00"), BERLIN, d("PT-1H")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PlusWorking {

        static Stream<Arguments> cases() {
            return Stream.of(
                    // working hours
                    Arguments.of(BERLIN, "2026-11-20T17:30", "PT2H", "2026-11-23T10:30"),  // weekend
                    Arguments.of(BERLIN, "2026-11-18T17:00", "PT2H", "2026-11-19T10:00"),  // one night
                    Arguments.of(BERLIN, "2026-11-18T10:00", "PT2H", "2026-11-18T12:00"),  // within a window
                    Arguments.of(BERLIN, "2026-11-18T20:00", "PT2H", "2026-11-19T11:00"),  // from outside
                    Arguments.of(BERLIN, "2026-11-21T12:00", "PT30M", "2026-11-23T09:30"), // from Saturday
                    Arguments.of(BERLIN, "2026-11-18T09:00", "PT9H", "2026-11-19T09:00"),  // a full window
                    Arguments.of(BERLIN, "2026-11-18T17:00", "PT1H", "2026-11-19T09:00"),  // lands on end -> next
                    Arguments.of(BERLIN, "2026-11-18T10:00", "PT20H", "2026-11-20T12:00"), // two nights
                    Arguments.of(BERLIN, "2026-11-20T17:59:59", "PT1S", "2026-11-23T09:00"),
                    Arguments.of(NEW_YORK, "2026-11-20T17:30", "PT2H", "2026-11-23T10:30"),
                    Arguments.of(KOLKATA, "2026-11-20T17:30", "PT2H", "2026-11-23T10:30"),
                    // working days
                    Arguments.of(BERLIN, "2026-11-20T10:00", "P1D", "2026-11-23T10:00"),   // Fri + 1d = Mon
                    Arguments.of(BERLIN, "2026-11-18T10:00", "P1D", "2026-11-19T10:00"),
                    Arguments.of(BERLIN, "2026-11-18T10:00", "P3D", "2026-11-23T10:00"),
                    Arguments.of(BERLIN, "2026-11-18T10:00", "P5D", "2026-11-25T10:00"),   // a working week
                    Arguments.of(BERLIN, "2026-11-18T10:00", "P10D", "2026-12-02T10:00"),
                    Arguments.of(BERLIN, "2026-11-18T10:00", "P12D", "2026-12-04T10:00"),
                    Arguments.of(BERLIN, "2026-11-21T10:00", "P1D", "2026-11-23T10:00"),   // Sat + 1d = Mon
                    Arguments.of(BERLIN, "2026-11-20T20:00", "P1D", "2026-11-24T09:00"),   // Mon 20:00 -> Tue 09
                    Arguments.of(BERLIN, "2026-11-20T07:00", "P1D", "2026-11-23T09:00"),   // Mon 07:00 -> 09:00
                    // mixed: days, then hours
                    Arguments.of(BERLIN, "2026-11-20T10:00", "P1DT2H", "2026-11-23T12:00"),
                    Arguments.of(BERLIN, "2026-11-19T17:00", "P1DT2H", "2026-11-23T10:00"),
                    Arguments.of(NEW_YORK, "2026-11-20T10:00", "P1D", "2026-11-23T10:00"));
        }

        @ParameterizedTest(name = "[{index}] {0} {1} + {2} -> {3}")
        @MethodSource("cases")
        void addsWorkingTime(ZoneId zone, String from, String duration, String expected) {
            assertThat(STD.plusWorking(at(from, zone), d(duration), zone)).isEqualTo(at(expected, zone));
        }

        @ParameterizedTest(name = "[{index}] {0} + {1} -> {2}")
        @CsvSource({
                "2027-01-14T15:00, PT2H, 2027-01-17T09:00",   // Thursday -> Sunday
                "2027-01-14T10:00, P1D,  2027-01-17T10:00",
                "2027-01-15T10:00, PT1H, 2027-01-17T09:00"})  // from Friday
        void customScheduleInJerusalem(String from, String duration, String expected) {
            assertThat(SUN_THU.plusWorking(at(from, JERUSALEM), d(duration), JERUSALEM))
                    .isEqualTo(at(expected, JERUSALEM));
        }

        @Test
        void zeroLeavesTUnchangedEvenOutsideAWindow() {
            Instant saturday = berlin("2026-11-21T10:00");
            assertThat(STD.plusWorking(saturday, Duration.ZERO, BERLIN)).isEqualTo(saturday);
            assertThat(STD.minusWorking(saturday, Duration.ZERO, BERLIN)).isEqualTo(saturday);
        }

        @Test
        void negativeDurationSubtracts() {
            Instant monday = berlin("2026-11-23T10:00");
            assertThat(STD.plusWorking(monday, d("PT-2H"), BERLIN)).isEqualTo(berlin("2026-11-20T17:00"));
            assertThat(STD.minusWorking(monday, d("PT-2H"), BERLIN)).isEqualTo(berlin("2026-11-23T12:00"));
        }

        @Test
        void manyDaysAreCountedWithoutWalkingEveryDay() {
            // 5000 working days = 1000 working weeks
            assertThat(STD.plusWorking(berlin("2026-11-18T10:00"), Duration.ofDays(5000), BERLIN))
                    .isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 11, 18).plusWeeks(1000), LocalTime.of(10, 0),
                            BERLIN).toInstant());
        }
    }

    @Nested
    class MinusWorking {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of(BERLIN, "2026-11-23T10:00", "P1D", "2026-11-20T10:00"),    // Mon - 1d = Fri
                    Arguments.of(BERLIN, "2026-11-23T10:00", "PT2H", "2026-11-20T17:00"),   // Mon - 2h = Fri 17:00
                    Arguments.of(BERLIN, "2026-11-23T10:00", "PT1H", "2026-11-23T09:00"),   // to start exactly
                    Arguments.of(BERLIN, "2026-11-23T09:00", "PT1H", "2026-11-20T17:00"),
                    Arguments.of(BERLIN, "2026-11-19T10:00", "PT2H", "2026-11-18T17:00"),   // one night
                    Arguments.of(BERLIN, "2026-11-22T12:00", "PT2H", "2026-11-20T16:00"),   // from Sunday
                    Arguments.of(BERLIN, "2026-11-19T09:00", "PT9H", "2026-11-18T09:00"),
                    Arguments.of(BERLIN, "2026-11-23T10:00", "P5D", "2026-11-16T10:00"),
                    Arguments.of(BERLIN, "2026-11-22T10:00", "P1D", "2026-11-20T10:00"),    // Sun - 1d = Fri
                    Arguments.of(BERLIN, "2026-11-23T07:00", "P1D", "2026-11-19T18:00"),    // Fri 07:00 -> Thu end
                    Arguments.of(BERLIN, "2026-11-23T20:00", "P1D", "2026-11-20T18:00"),    // Fri 20:00 -> Fri end
                    Arguments.of(BERLIN, "2026-11-23T10:00", "P1DT2H", "2026-11-19T17:00"), // Fri 10:00 - 2h
                    Arguments.of(NEW_YORK, "2026-11-23T10:00", "PT2H", "2026-11-20T17:00"),
                    Arguments.of(KOLKATA, "2026-11-23T10:00", "P1D", "2026-11-20T10:00"));
        }

        @ParameterizedTest(name = "[{index}] {0} {1} - {2} -> {3}")
        @MethodSource("cases")
        void subtractsWorkingTime(ZoneId zone, String from, String duration, String expected) {
            assertThat(STD.minusWorking(at(from, zone), d(duration), zone)).isEqualTo(at(expected, zone));
        }

        @Test
        void customScheduleInJerusalem() {
            assertThat(SUN_THU.minusWorking(at("2027-01-17T09:00", JERUSALEM), d("PT2H"), JERUSALEM))
                    .isEqualTo(at("2027-01-14T15:00", JERUSALEM));
            assertThat(SUN_THU.minusWorking(at("2027-01-17T09:00", JERUSALEM), d("P1D"), JERUSALEM))
                    .isEqualTo(at("2027-01-14T09:00", JERUSALEM));
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void berlinSpringForwardFridayPlusTwoHoursIsMondayTenCest() {
            Instant friday = berlin("2027-03-26T17:00");
            assertThat(friday).isEqualTo(Instant.parse("2027-03-26T16:00:00Z")); // CET
            assertThat(STD.plusWorking(friday, d("PT2H"), BERLIN)).isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
        }

        @Test
        void berlinSpringForwardWindowsStayAtNineLocal() {
            assertThat(STD.nextWorking(berlin("2027-03-26T18:00"), BERLIN))
                    .isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
            assertThat(STD.lastWorkingBefore(berlin("2027-03-29T08:00"), BERLIN, Duration.ZERO))
                    .isEqualTo(Instant.parse("2027-03-26T17:00:00Z"));
            // same local time one working day later: not 24h * 3 later
            assertThat(STD.plusWorking(berlin("2027-03-26T10:00"), d("P1D"), BERLIN))
                    .isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
        }

        @Test
        void berlinAutumnWindowsAreNineToSixLocalWithDifferentOffsets() {
            // Sunday 2026-10-25 03:00 CEST -> 02:00 CET
            assertThat(STD.isWorking(Instant.parse("2026-10-23T06:59:59Z"), BERLIN)).isFalse();
            assertThat(STD.isWorking(Instant.parse("2026-10-23T07:00:00Z"), BERLIN)).isTrue();  // Fri 09:00 CEST
            assertThat(STD.isWorking(Instant.parse("2026-10-23T15:59:59Z"), BERLIN)).isTrue();
            assertThat(STD.isWorking(Instant.parse("2026-10-23T16:00:00Z"), BERLIN)).isFalse(); // Fri 18:00 CEST
            assertThat(STD.isWorking(Instant.parse("2026-10-26T07:59:59Z"), BERLIN)).isFalse();
            assertThat(STD.isWorking(Instant.parse("2026-10-26T08:00:00Z"), BERLIN)).isTrue();  // Mon 09:00 CET
            assertThat(STD.isWorking(Instant.parse("2026-10-26T16:59:59Z"), BERLIN)).isTrue();
            assertThat(STD.isWorking(Instant.parse("2026-10-26T17:00:00Z"), BERLIN)).isFalse(); // Mon 18:00 CET

            assertThat(STD.nextWorking(Instant.parse("2026-10-23T16:00:00Z"), BERLIN))
                    .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
            assertThat(STD.plusWorking(Instant.parse("2026-10-23T15:00:00Z"), d("PT2H"), BERLIN))
                    .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
            assertThat(STD.minusWorking(Instant.parse("2026-10-26T09:00:00Z"), d("PT2H"), BERLIN))
                    .isEqualTo(Instant.parse("2026-10-23T15:00:00Z"));
            assertThat(STD.lastWorkingBefore(Instant.parse("2026-10-25T12:00:00Z"), BERLIN, d("PT1H")))
                    .isEqualTo(Instant.parse("2026-10-23T15:00:00Z"));
        }

        @Test
        void newYorkFallBackKeepsLocalTimes() {
            // Sunday 2026-11-01 02:00 EDT -> 01:00 EST
            Instant fridayTen = at("2026-10-30T10:00", NEW_YORK);
            Instant mondayTen = at("2026-11-02T10:00", NEW_YORK);
            assertThat(fridayTen).isEqualTo(Instant.parse("2026-10-30T14:00:00Z"));
            assertThat(mondayTen).isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));

            assertThat(STD.minusWorking(mondayTen, d("P1D"), NEW_YORK)).isEqualTo(fridayTen);
            assertThat(STD.plusWorking(fridayTen, d("P1D"), NEW_YORK)).isEqualTo(mondayTen);
            assertThat(STD.nextWorking(Instant.parse("2026-10-30T22:00:00Z"), NEW_YORK))   // Fri 18:00 EDT
                    .isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));                         // Mon 09:00 EST
            assertThat(STD.plusWorking(at("2026-10-30T17:30", NEW_YORK), d("PT2H"), NEW_YORK))
                    .isEqualTo(Instant.parse("2026-11-02T15:30:00Z"));
            assertThat(STD.isWorking(Instant.parse("2026-11-02T22:30:00Z"), NEW_YORK)).isTrue();  // 17:30 EST
            assertThat(STD.isWorking(Instant.parse("2026-10-30T22:30:00Z"), NEW_YORK)).isFalse(); // 18:30 EDT
        }

        @Test
        void nightShiftWindowStartInTheSpringForwardGapMovesForward() {
            // Berlin 2027-03-28: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist and becomes 03:30 CEST
            WorkingHours night = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30),
                    LocalTime.of(5, 0));
            Instant midnight = berlin("2027-03-28T00:00");
            assertThat(night.nextWorking(midnight, BERLIN)).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
            assertThat(night.isWorking(Instant.parse("2027-03-28T01:29:59Z"), BERLIN)).isFalse();
            assertThat(night.isWorking(Instant.parse("2027-03-28T01:30:00Z"), BERLIN)).isTrue();
            // the window that night is 1.5h long (03:30–05:00 CEST)
            assertThat(night.plusWorking(midnight, d("PT1H30M"), BERLIN)).isEqualTo(berlin("2027-03-29T02:30"));
        }

        @Test
        void aWindowThatTheGapSwallowsIsSkipped() {
            // 02:30–03:15 resolves to 03:30–03:15 CEST on 2027-03-28: no window that night
            WorkingHours tiny = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30),
                    LocalTime.of(3, 15));
            assertThat(tiny.nextWorking(berlin("2027-03-28T00:00"), BERLIN)).isEqualTo(berlin("2027-03-29T02:30"));
            assertThat(tiny.isWorking(Instant.parse("2027-03-28T01:10:00Z"), BERLIN)).isFalse();
            assertThat(tiny.nextWorking(berlin("2027-03-27T00:00"), BERLIN)).isEqualTo(berlin("2027-03-27T02:30"));
        }
    }

    @Nested
    class Always {

        static final List<Instant> SAMPLES = List.of(
                berlin("2026-11-21T03:00"), berlin("2026-11-22T23:59"), berlin("2026-11-20T18:00"),
                Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2027-03-28T01:00:00Z"), Instant.EPOCH);

        @Test
        void everyInstantIsWorking() {
            for (ZoneId zone : List.of(BERLIN, NEW_YORK, KOLKATA, UTC)) {
                for (Instant t : SAMPLES) {
                    assertThat(ALWAYS.isWorking(t, zone)).as("%s %s", t, zone).isTrue();
                    assertThat(ALWAYS.nextWorking(t, zone)).isEqualTo(t);
                    assertThat(ALWAYS.lastWorkingBefore(t, zone, d("PT1H"))).isEqualTo(t);
                }
            }
        }

        @Test
        void arithmeticIsPlain() {
            Instant friday = berlin("2026-11-20T17:30");
            assertThat(ALWAYS.plusWorking(friday, d("PT2H"), BERLIN)).isEqualTo(berlin("2026-11-20T19:30"));
            assertThat(ALWAYS.minusWorking(friday, d("PT2H"), BERLIN)).isEqualTo(berlin("2026-11-20T15:30"));
            assertThat(ALWAYS.plusWorking(friday, d("P1D"), BERLIN)).isEqualTo(berlin("2026-11-21T17:30"));
            assertThat(ALWAYS.plusWorking(friday, d("PT-1H"), BERLIN)).isEqualTo(berlin("2026-11-20T16:30"));
            // a day is 24 hours, even across the autumn DST change
            Instant saturday = berlin("2026-10-24T10:00");
            assertThat(ALWAYS.plusWorking(saturday, d("P1D"), BERLIN)).isEqualTo(berlin("2026-10-25T09:00"));
            assertThat(ALWAYS.minusWorking(berlin("2026-10-25T09:00"), d("P1D"), BERLIN)).isEqualTo(saturday);
        }

        @Test
        void nextMorningIsTheNextCalendarDayAtNine() {
            assertThat(ALWAYS.nextMorning(berlin("2026-11-20T20:00"), BERLIN)).isEqualTo(berlin("2026-11-21T09:00"));
            assertThat(ALWAYS.nextMorning(berlin("2026-11-21T03:00"), BERLIN)).isEqualTo(berlin("2026-11-22T09:00"));
            assertThat(ALWAYS.nextMorning(at("2026-11-20T23:50", KOLKATA), KOLKATA))
                    .isEqualTo(Instant.parse("2026-11-21T03:30:00Z"));
        }
    }

    @Nested
    class NextMorningAndLocalDate {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
                "2026-11-20T10:00, 2026-11-23T09:00",   // Friday -> Monday
                "2026-11-20T07:00, 2026-11-23T09:00",   // before Friday's window: still a later date
                "2026-11-20T22:00, 2026-11-23T09:00",
                "2026-11-21T10:00, 2026-11-23T09:00",   // Saturday
                "2026-11-22T23:59, 2026-11-23T09:00",   // Sunday
                "2026-11-23T00:00, 2026-11-24T09:00",   // Monday midnight -> Tuesday
                "2026-11-18T12:00, 2026-11-19T09:00"})
        void standardNextMorningIsTheFirstWindowOnALaterDate(String from, String expected) {
            assertThat(STD.nextMorning(berlin(from), BERLIN)).isEqualTo(berlin(expected));
        }

        @Test
        void nextMorningAcrossSpringForwardIsNineCest() {
            assertThat(STD.nextMorning(berlin("2027-03-26T10:00"), BERLIN))
                    .isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
            assertThat(SUN_THU.nextMorning(at("2027-01-14T10:00", JERUSALEM), JERUSALEM))
                    .isEqualTo(at("2027-01-17T08:00", JERUSALEM));
        }

        @Test
        void localDateIsTheDateInTheZone() {
            Instant t = Instant.parse("2026-11-20T23:30:00Z");
            assertThat(STD.localDate(t, UTC)).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(STD.localDate(t, BERLIN)).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(STD.localDate(t, NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(STD.localDate(Instant.parse("2026-11-20T18:29:59Z"), KOLKATA))
                    .isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(STD.localDate(Instant.parse("2026-11-20T18:30:00Z"), KOLKATA))
                    .isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(ALWAYS.localDate(t, BERLIN)).isEqualTo(LocalDate.of(2026, 11, 21));
        }
    }

    /**
     * Seeded random instants around both 2026/27 DST changes, checked against an independent, brute-force measure of
     * working time (summing window overlaps date by date).
     */
    @Nested
    class Properties {

        private static final List<ZoneId> ZONES = List.of(BERLIN, NEW_YORK, KOLKATA, JERUSALEM);
        private static final List<WorkingHours> SCHEDULES = List.of(STD, SUN_THU,
                new WorkingHours(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY), LocalTime.of(1, 30),
                        LocalTime.of(2, 45)));
        private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
        private static final long SPAN_SECONDS = Duration.ofDays(400).toSeconds();

        private Duration workingTimeBetween(WorkingHours hours, Instant a, Instant b, ZoneId zone) {
            Duration total = Duration.ZERO;
            LocalDate last = b.atZone(zone).toLocalDate().plusDays(1);
            for (LocalDate date = a.atZone(zone).toLocalDate().minusDays(1); !date.isAfter(last);
                    date = date.plusDays(1)) {
                if (!hours.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                Instant s = ZonedDateTime.of(date, hours.start(), zone).toInstant();
                Instant e = ZonedDateTime.of(date, hours.end(), zone).toInstant();
                Instant lo = s.isAfter(a) ? s : a;
                Instant hi = e.isBefore(b) ? e : b;
                if (lo.isBefore(hi)) {
                    total = total.plus(Duration.between(lo, hi));
                }
            }
            return total;
        }

        @Test
        void hourArithmeticElapsesExactlyTheWorkingTimeAndIsReversible() {
            Random random = new Random(20261025L);
            for (int i = 0; i < 3000; i++) {
                WorkingHours hours = SCHEDULES.get(random.nextInt(SCHEDULES.size()));
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                Instant t = FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
                Duration d = Duration.ofMinutes(1 + random.nextInt(24 * 60 - 1));
                String where = hours + " " + zone + " " + t + " " + d;

                Instant plus = hours.plusWorking(t, d, zone);
                assertThat(plus).as(where).isAfter(t);
                assertThat(hours.isWorking(plus, zone)).as(where).isTrue();
                assertThat(workingTimeBetween(hours, t, plus, zone)).as(where).isEqualTo(d);
                assertThat(hours.minusWorking(plus, d, zone)).as(where).isEqualTo(hours.nextWorking(t, zone));

                Instant minus = hours.minusWorking(t, d, zone);
                assertThat(minus).as(where).isBefore(t);
                assertThat(hours.isWorking(minus, zone)).as(where).isTrue();
                assertThat(workingTimeBetween(hours, minus, t, zone)).as(where).isEqualTo(d);
                assertThat(hours.plusWorking(minus, d, zone)).as(where).isEqualTo(hours.nextWorking(t, zone));
            }
        }

        @Test
        void nextWorkingAndLastWorkingBeforeBracketNonWorkingTime() {
            Random random = new Random(20270328L);
            for (int i = 0; i < 3000; i++) {
                WorkingHours hours = SCHEDULES.get(random.nextInt(SCHEDULES.size()));
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                Instant t = FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
                String where = hours + " " + zone + " " + t;

                Instant next = hours.nextWorking(t, zone);
                Instant last = hours.lastWorkingBefore(t, zone, Duration.ZERO);
                assertThat(hours.isWorking(next, zone)).as(where).isTrue();
                if (hours.isWorking(t, zone)) {
                    assertThat(next).as(where).isEqualTo(t);
                    assertThat(last).as(where).isEqualTo(t);
                } else {
                    assertThat(next).as(where).isAfter(t);
                    assertThat(last).as(where).isBefore(t);
                    assertThat(workingTimeBetween(hours, last, next, zone)).as(where).isEqualTo(Duration.ZERO);
                    assertThat(hours.isWorking(last.minusNanos(1), zone)).as(where).isTrue();
                    assertThat(hours.isWorking(next.minusNanos(1), zone)).as(where).isFalse();
                }
                Instant morning = hours.nextMorning(t, zone);
                assertThat(hours.isWorking(morning, zone)).as(where).isTrue();
                assertThat(hours.localDate(morning, zone)).as(where).isAfter(hours.localDate(t, zone));
                assertThat(hours.isWorking(morning.minusNanos(1), zone)).as(where).isFalse();
            }
        }

        @Test
        void wholeDaysKeepTheLocalTimeOnWorkingDays() {
            Random random = new Random(7L);
            for (int i = 0; i < 2000; i++) {
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                // local times inside the standard window, on any date
                LocalDate date = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(400));
                LocalTime time = LocalTime.of(9, 0).plusMinutes(random.nextInt(9 * 60));
                Instant t = ZonedDateTime.of(date, time, zone).toInstant();
                int n = 1 + random.nextInt(15);
                String where = zone + " " + date + " " + time + " " + n;

                ZonedDateTime plus = STD.plusWorking(t, Duration.ofDays(n), zone).atZone(zone);
                assertThat(plus.toLocalTime()).as(where).isEqualTo(time);
                assertThat(workingDaysIn(date, plus.toLocalDate())).as(where).isEqualTo(n);

                ZonedDateTime minus = STD.minusWorking(t, Duration.ofDays(n), zone).atZone(zone);
                assertThat(minus.toLocalTime()).as(where).isEqualTo(time);
                assertThat(workingDaysIn(minus.toLocalDate().minusDays(1), date.minusDays(1))).as(where)
                        .isEqualTo(n);
            }
        }

        /** Standard working days in {@code (from, to]}. */
        private int workingDaysIn(LocalDate from, LocalDate to) {
            int count = 0;
            for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
                if (STD.days().contains(date.getDayOfWeek())) {
                    count++;
                }
            }
            return count;
        }
    }
}
