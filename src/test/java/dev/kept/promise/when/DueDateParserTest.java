package dev.kept.promise.when;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateParserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /** Sunday 2026-11-22 10:00 in Berlin (+01:00). */
    private static final ZonedDateTime SUNDAY = berlin("2026-11-22T10:00");

    private final DueDateParser parser = new DueDateParser();

    private static ZonedDateTime berlin(String localDateTime) {
        return at(localDateTime, BERLIN);
    }

    private static ZonedDateTime at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone);
    }

    private Optional<ZonedDateTime> parse(String when, ZonedDateTime now) {
        return parser.parse(when, now);
    }

    @Nested
    class OnSundayMorningInBerlin {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                # relative days
                today                    | 2026-11-22T17:00
                Today                    | 2026-11-22T17:00
                tonight                  | 2026-11-22T20:00
                tomorrow                 | 2026-11-23T17:00
                tmrw                     | 2026-11-23T17:00
                tmr                      | 2026-11-23T17:00
                TOMORROW                 | 2026-11-23T17:00
                tomorrow 15:00           | 2026-11-23T15:00
                tomorrow at 9am          | 2026-11-23T09:00
                9am tomorrow             | 2026-11-23T09:00
                at 3pm tomorrow          | 2026-11-23T15:00
                tonight at 9pm           | 2026-11-22T21:00
                today noon               | 2026-11-22T12:00
                today 9am                | 2026-11-22T09:00
                today midnight           | 2026-11-23T00:00
                tomorrow midnight        | 2026-11-24T00:00
                # weekdays: earliest one, today included, still ahead of now
                monday                   | 2026-11-23T17:00
                mon                      | 2026-11-23T17:00
                tuesday                  | 2026-11-24T17:00
                tue                      | 2026-11-24T17:00
                tues                     | 2026-11-24T17:00
                wednesday                | 2026-11-25T17:00
                wed                      | 2026-11-25T17:00
                thursday                 | 2026-11-26T17:00
                thu                      | 2026-11-26T17:00
                thur                     | 2026-11-26T17:00
                thurs                    | 2026-11-26T17:00
                friday                   | 2026-11-27T17:00
                fri                      | 2026-11-27T17:00
                Friday                   | 2026-11-27T17:00
                saturday                 | 2026-11-28T17:00
                sat                      | 2026-11-28T17:00
                sunday                   | 2026-11-22T17:00
                sun                      | 2026-11-22T17:00
                sunday 11am              | 2026-11-22T11:00
                sunday 9am               | 2026-11-29T09:00
                sunday 10am              | 2026-11-29T10:00
                this friday              | 2026-11-27T17:00
                this sunday              | 2026-11-22T17:00
                # next <weekday>: in the next ISO week; on a Sunday that starts tomorrow
                next monday              | 2026-11-23T17:00
                next friday              | 2026-11-27T17:00
                next sunday              | 2026-11-29T17:00
                next fri                 | 2026-11-27T17:00
                next tuesday 9:30am      | 2026-11-24T09:30
                next week                | 2026-11-23T17:00
                next week 9am            | 2026-11-23T09:00
                # weekday + time, either order
                friday 3pm               | 2026-11-27T15:00
                friday at 3pm            | 2026-11-27T15:00
                3pm friday               | 2026-11-27T15:00
                3pm on friday            | 2026-11-27T15:00
                on friday at 3pm         | 2026-11-27T15:00
                at 3pm on friday         | 2026-11-27T15:00
                fri 3:30pm               | 2026-11-27T15:30
                friday 15:00             | 2026-11-27T15:00
                friday noon              | 2026-11-27T12:00
                friday midnight          | 2026-11-28T00:00
                friday 12am              | 2026-11-27T00:00
                friday eod               | 2026-11-27T17:00
                eod friday               | 2026-11-27T17:00
                # in N ...
                in 20 seconds            | 2026-11-22T10:00:20
                in 1 second              | 2026-11-22T10:00:01
                in 90 secs               | 2026-11-22T10:01:30
                in 20sec                 | 2026-11-22T10:00:20
                in 30 minutes            | 2026-11-22T10:30
                in 30 mins               | 2026-11-22T10:30
                in 30 min                | 2026-11-22T10:30
                in 1 minute              | 2026-11-22T10:01
                in 30min                 | 2026-11-22T10:30
                in 2 hours               | 2026-11-22T12:00
                in 1 hour                | 2026-11-22T11:00
                in an hour               | 2026-11-22T11:00
                in a hour                | 2026-11-22T11:00
                in 3 hrs                 | 2026-11-22T13:00
                in 1 hr                  | 2026-11-22T11:00
                in 2 h                   | 2026-11-22T12:00
                in 2h                    | 2026-11-22T12:00
                in two hours             | 2026-11-22T12:00
                in twelve hours          | 2026-11-22T22:00
                in half an hour          | 2026-11-22T10:30
                in 0 minutes             | 2026-11-22T10:00
                in 3 days                | 2026-11-25T17:00
                in a day                 | 2026-11-23T17:00
                in 1 day                 | 2026-11-23T17:00
                in ten days              | 2026-12-02T17:00
                in a week                | 2026-11-29T17:00
                in one week              | 2026-11-29T17:00
                in 2 weeks               | 2026-12-06T17:00
                in 2 wks                 | 2026-12-06T17:00
                in 3 days at noon        | 2026-11-25T12:00
                in 3 days noon           | 2026-11-25T12:00
                9am in 2 days            | 2026-11-24T09:00
                # end of day / week
                eod                      | 2026-11-22T17:00
                EOD                      | 2026-11-22T17:00
                end of day               | 2026-11-22T17:00
                end of the day           | 2026-11-22T17:00
                the end of the day       | 2026-11-22T17:00
                cob                      | 2026-11-22T17:00
                close of business        | 2026-11-22T17:00
                tomorrow eod             | 2026-11-23T17:00
                eow                      | 2026-11-27T17:00
                end of week              | 2026-11-27T17:00
                end of the week          | 2026-11-27T17:00
                the end of the week      | 2026-11-27T17:00
                # dates
                2026-12-01               | 2026-12-01T17:00
                dec 1                    | 2026-12-01T17:00
                Dec 1                    | 2026-12-01T17:00
                dec 1st                  | 2026-12-01T17:00
                december 1               | 2026-12-01T17:00
                december 1st             | 2026-12-01T17:00
                1 dec                    | 2026-12-01T17:00
                1st december             | 2026-12-01T17:00
                1st of december          | 2026-12-01T17:00
                dec 2nd                  | 2026-12-02T17:00
                dec 3rd                  | 2026-12-03T17:00
                dec 24th                 | 2026-12-24T17:00
                1 december 2027          | 2027-12-01T17:00
                dec 1 2027               | 2027-12-01T17:00
                dec 1, 2027              | 2027-12-01T17:00
                december 1st, 2027       | 2027-12-01T17:00
                sept 3                   | 2027-09-03T17:00
                sep 3                    | 2027-09-03T17:00
                september 3              | 2027-09-03T17:00
                may 5                    | 2027-05-05T17:00
                nov 22                   | 2026-11-22T17:00
                nov 22 9am               | 2027-11-22T09:00
                nov 21                   | 2027-11-21T17:00
                nov 23                   | 2026-11-23T17:00
                jan 5                    | 2027-01-05T17:00
                feb 29                   | 2028-02-29T17:00
                feb 29 2028              | 2028-02-29T17:00
                2028-02-29               | 2028-02-29T17:00
                2020-01-01               | 2020-01-01T17:00
                dec 1 at 10am            | 2026-12-01T10:00
                10am dec 1               | 2026-12-01T10:00
                10am on dec 1            | 2026-12-01T10:00
                dec 1 2027 at 10am       | 2027-12-01T10:00
                2026-12-01 15:00         | 2026-12-01T15:00
                2026-12-01 at 3pm        | 2026-12-01T15:00
                15:00 2026-12-01         | 2026-12-01T15:00
                # a weekday may accompany a date it agrees with
                friday dec 4             | 2026-12-04T17:00
                fri, dec 4th             | 2026-12-04T17:00
                dec 4 friday 3pm         | 2026-12-04T15:00
                friday 2026-12-04        | 2026-12-04T17:00
                # times alone: today if still ahead, else tomorrow
                3pm                      | 2026-11-22T15:00
                3 pm                     | 2026-11-22T15:00
                3PM                      | 2026-11-22T15:00
                3 p.m.                   | 2026-11-22T15:00
                3p.m.                    | 2026-11-22T15:00
                3:30pm                   | 2026-11-22T15:30
                3.30pm                   | 2026-11-22T15:30
                3:30 pm                  | 2026-11-22T15:30
                3.30 pm                  | 2026-11-22T15:30
                15:00                    | 2026-11-22T15:00
                15:30                    | 2026-11-22T15:30
                15:00:30                 | 2026-11-22T15:00:30
                9am                      | 2026-11-23T09:00
                09:05                    | 2026-11-23T09:05
                10am                     | 2026-11-23T10:00
                10:00                    | 2026-11-23T10:00
                10:01                    | 2026-11-22T10:01
                0:00                     | 2026-11-23T00:00
                00:00                    | 2026-11-23T00:00
                23:59                    | 2026-11-22T23:59
                11pm                     | 2026-11-22T23:00
                noon                     | 2026-11-22T12:00
                midday                   | 2026-11-22T12:00
                midnight                 | 2026-11-23T00:00
                12am                     | 2026-11-23T00:00
                12:30am                  | 2026-11-23T00:30
                12pm                     | 2026-11-22T12:00
                12:30pm                  | 2026-11-22T12:30
                at 3pm                   | 2026-11-22T15:00
                # ISO-8601 date-times
                2026-12-01T15:00         | 2026-12-01T15:00
                2026-12-01T15:00:00      | 2026-12-01T15:00
                2026-12-01t15:00         | 2026-12-01T15:00
                2026-12-01T15:00+01:00   | 2026-12-01T15:00
                2026-12-01T15:00Z        | 2026-12-01T16:00
                2026-12-01T15:00z        | 2026-12-01T16:00
                2026-12-01T15:00:00Z     | 2026-12-01T16:00
                2026-12-01T15:00-05:00   | 2026-12-01T21:00
                on 2026-12-01T15:00Z     | 2026-12-01T16:00
                # tolerance: spaces, trailing punctuation, leading on/at/by
                '  friday  '             | 2026-11-27T17:00
                FRIDAY!                  | 2026-11-27T17:00
                friday.                  | 2026-11-27T17:00
                'friday,'                | 2026-11-27T17:00
                friday!!!                | 2026-11-27T17:00
                friday?                  | 2026-11-27T17:00
                friday .                 | 2026-11-27T17:00
                by friday                | 2026-11-27T17:00
                BY Friday                | 2026-11-27T17:00
                on friday                | 2026-11-27T17:00
                at friday                | 2026-11-27T17:00
                'friday    3pm'          | 2026-11-27T15:00
                Friday 3PM.              | 2026-11-27T15:00
                'friday, 3pm'            | 2026-11-27T15:00
                by eod.                  | 2026-11-22T17:00
                by 2026-12-01.           | 2026-12-01T17:00
                """)
        void understands(String when, String expectedLocal) {
            assertThat(parse(when, SUNDAY)).contains(berlin(expectedLocal));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {
            "   ", ".", "!", "someday", "asap", "yesterday", "never",
            // slash dates are ambiguous between US and European order
            "12/01", "12/01/2026", "1/12", "dec/1",
            // impossible dates
            "feb 30", "feb 30 2027", "30 feb", "apr 31", "feb 29 2027", "dec 32", "32 dec", "dec 0",
            "2026-02-30", "2026-13-01", "2026-00-10", "2026-12-1", "26-12-01",
            // impossible or ambiguous times
            "25:00", "24:00", "23:60", "15:60", "3:60pm", "13pm", "0am", "0pm", "13:00pm",
            "3", "at 3", "friday 3", "tomorrow at 3", "15.30", "1.12", "1530", "3 o'clock",
            // doubled or conflicting parts
            "friday friday", "tomorrow today", "3pm 4pm", "tomorrow friday", "dec 1 dec 2",
            "friday dec 5", "saturday 2026-12-04", "next friday dec 4", "this friday dec 4",
            "in 2 hours at 3pm", "3pm in 2 hours", "in 30 minutes tomorrow", "eod 3pm", "eow 3pm", "eow friday",
            "2026-12-01T15:00 friday", "2026-12-01T15:00 3pm", "tonight midnight tomorrow",
            // incomplete or unknown
            "in", "in hours", "in 2", "in 2 fortnights", "in 2 months", "in a couple of days", "in 1.5 hours",
            "in -2 days", "in 12345 days", "next", "next month", "this week", "this", "this dec 1",
            "friday at", "at", "on", "by", "by by friday", "on at", "dec", "1st", "1 2 3", "tomorrow morning",
            "end of", "end of the month", "close of", "friday;", "2026-12-01T25:00", "2026-12-01T15:00+25:00",
            "2026-12-01Tnoon", "friday 3pm please"
        })
        void refuses(String when) {
            assertThat(parse(when, SUNDAY)).isEmpty();
        }

        @Test
        void resultIsInTheZoneOfNow() {
            assertThat(parse("2026-12-01T15:00Z", SUNDAY)).get()
                    .satisfies(due -> assertThat(due.getZone()).isEqualTo(BERLIN));
            assertThat(parse("friday", SUNDAY)).get()
                    .satisfies(due -> assertThat(due.getZone()).isEqualTo(BERLIN));
        }

        @Test
        void toleratesUnicodeWhitespaceAsSlackSendsIt() {
            assertThat(parse("\u00A0friday\u00A03pm\u00A0", SUNDAY)).contains(berlin("2026-11-27T15:00"));
            assertThat(parse("friday\t\n3pm", SUNDAY)).contains(berlin("2026-11-27T15:00"));
        }
    }

    @ParameterizedTest(name = "[{index}] at {0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Wednesday 2026-11-25
            2026-11-25T10:00 | next friday     | 2026-12-04T17:00
            2026-11-25T10:00 | next wednesday  | 2026-12-02T17:00
            2026-11-25T10:00 | next monday     | 2026-11-30T17:00
            2026-11-25T10:00 | next sunday     | 2026-12-06T17:00
            2026-11-25T10:00 | this friday     | 2026-11-27T17:00
            2026-11-25T10:00 | friday          | 2026-11-27T17:00
            2026-11-25T10:00 | wednesday       | 2026-11-25T17:00
            2026-11-25T10:00 | wed 9am         | 2026-12-02T09:00
            2026-11-25T10:00 | tuesday         | 2026-12-01T17:00
            2026-11-25T10:00 | monday          | 2026-11-30T17:00
            2026-11-25T10:00 | next week       | 2026-11-30T17:00
            2026-11-25T10:00 | eow             | 2026-11-27T17:00
            2026-11-25T10:00 | in 2 days       | 2026-11-27T17:00
            2026-11-25T10:00 | tomorrow        | 2026-11-26T17:00
            # Friday 2026-11-27 at 10:00
            2026-11-27T10:00 | friday          | 2026-11-27T17:00
            2026-11-27T10:00 | this friday     | 2026-11-27T17:00
            2026-11-27T10:00 | fri             | 2026-11-27T17:00
            2026-11-27T10:00 | friday 9am      | 2026-12-04T09:00
            2026-11-27T10:00 | friday 10am     | 2026-12-04T10:00
            2026-11-27T10:00 | friday 11am     | 2026-11-27T11:00
            2026-11-27T10:00 | friday midnight | 2026-11-28T00:00
            2026-11-27T10:00 | next friday     | 2026-12-04T17:00
            2026-11-27T10:00 | eow             | 2026-11-27T17:00
            2026-11-27T10:00 | end of week     | 2026-11-27T17:00
            2026-11-27T10:00 | eod             | 2026-11-27T17:00
            2026-11-27T10:00 | next week       | 2026-11-30T17:00
            # Friday 2026-11-27 at 18:00, after the end of the working day
            2026-11-27T18:00 | friday          | 2026-12-04T17:00
            2026-11-27T18:00 | this friday     | 2026-12-04T17:00
            2026-11-27T18:00 | friday 7pm      | 2026-11-27T19:00
            2026-11-27T18:00 | friday midnight | 2026-11-28T00:00
            2026-11-27T18:00 | eow             | 2026-12-04T17:00
            2026-11-27T18:00 | end of the week | 2026-12-04T17:00
            2026-11-27T18:00 | today           | 2026-11-27T17:00
            2026-11-27T18:00 | eod             | 2026-11-27T17:00
            2026-11-27T18:00 | tonight         | 2026-11-27T20:00
            2026-11-27T18:00 | 3pm             | 2026-11-28T15:00
            2026-11-27T18:00 | 19:00           | 2026-11-27T19:00
            2026-11-27T18:00 | in 2 hours      | 2026-11-27T20:00
            2026-11-27T18:00 | in 8 hours      | 2026-11-28T02:00
            # Saturday 2026-11-28
            2026-11-28T10:00 | eow             | 2026-12-04T17:00
            2026-11-28T10:00 | saturday        | 2026-11-28T17:00
            2026-11-28T10:00 | friday          | 2026-12-04T17:00
            2026-11-28T10:00 | next saturday   | 2026-12-05T17:00
            2026-11-28T10:00 | next week       | 2026-11-30T17:00
            # Monday 2026-12-28: the year rolls over
            2026-12-28T10:00 | jan 5           | 2027-01-05T17:00
            2026-12-28T10:00 | 5 jan           | 2027-01-05T17:00
            2026-12-28T10:00 | january 5th     | 2027-01-05T17:00
            2026-12-28T10:00 | jan 5 2027      | 2027-01-05T17:00
            2026-12-28T10:00 | dec 28          | 2026-12-28T17:00
            2026-12-28T10:00 | dec 28 9am      | 2027-12-28T09:00
            2026-12-28T10:00 | dec 27          | 2027-12-27T17:00
            2026-12-28T10:00 | dec 31          | 2026-12-31T17:00
            2026-12-28T10:00 | dec 31 midnight | 2027-01-01T00:00
            2026-12-28T10:00 | friday          | 2027-01-01T17:00
            2026-12-28T10:00 | next week       | 2027-01-04T17:00
            2026-12-28T10:00 | next monday     | 2027-01-04T17:00
            2026-12-28T10:00 | in 1 week       | 2027-01-04T17:00
            2026-12-28T10:00 | in 5 days       | 2027-01-02T17:00
            2026-12-28T10:00 | eow             | 2027-01-01T17:00
            # on the leap day itself, after its end of day: the next Feb 29 is four years on
            2028-02-29T18:00 | feb 29          | 2032-02-29T17:00
            """)
    void understandsRelativeToNow(String nowLocal, String when, String expectedLocal) {
        assertThat(parse(when, berlin(nowLocal))).contains(berlin(expectedLocal));
    }

    @Nested
    class TimeZones {

        /** One instant, 2026-11-22T09:00Z: Berlin 10:00, New York 04:00, Kolkata 14:30. */
        private final ZonedDateTime instant = ZonedDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

        private Optional<ZonedDateTime> parseIn(String when, ZoneId zone) {
            return parse(when, instant.withZoneSameInstant(zone));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\": Berlin {1}, New York {2}, Kolkata {3}")
        @CsvSource(delimiter = '|', textBlock = """
                tomorrow         | 2026-11-23T17:00 | 2026-11-23T17:00 | 2026-11-23T17:00
                3pm              | 2026-11-22T15:00 | 2026-11-22T15:00 | 2026-11-22T15:00
                2pm              | 2026-11-22T14:00 | 2026-11-22T14:00 | 2026-11-23T14:00
                5am              | 2026-11-23T05:00 | 2026-11-22T05:00 | 2026-11-23T05:00
                friday           | 2026-11-27T17:00 | 2026-11-27T17:00 | 2026-11-27T17:00
                dec 1            | 2026-12-01T17:00 | 2026-12-01T17:00 | 2026-12-01T17:00
                2026-12-01T15:00 | 2026-12-01T15:00 | 2026-12-01T15:00 | 2026-12-01T15:00
                """)
        void calendarPhrasesAreLocalToEachZone(String when, String berlin, String newYork, String kolkata) {
            ZonedDateTime inBerlin = parseIn(when, BERLIN).orElseThrow();
            ZonedDateTime inNewYork = parseIn(when, NEW_YORK).orElseThrow();
            ZonedDateTime inKolkata = parseIn(when, KOLKATA).orElseThrow();

            assertThat(inBerlin).isEqualTo(at(berlin, BERLIN));
            assertThat(inNewYork).isEqualTo(at(newYork, NEW_YORK));
            assertThat(inKolkata).isEqualTo(at(kolkata, KOLKATA));
            assertThat(List.of(inBerlin.toInstant(), inNewYork.toInstant(), inKolkata.toInstant()))
                    .doesNotHaveDuplicates();
        }

        @Test
        void tomorrowIsADifferentInstantPerZone() {
            assertThat(parseIn("tomorrow", BERLIN).orElseThrow().toInstant())
                    .hasToString("2026-11-23T16:00:00Z");
            assertThat(parseIn("tomorrow", NEW_YORK).orElseThrow().toInstant())
                    .hasToString("2026-11-23T22:00:00Z");
            assertThat(parseIn("tomorrow", KOLKATA).orElseThrow().toInstant())
                    .hasToString("2026-11-23T11:30:00Z");
        }

        @Test
        void todayFollowsTheLocalDateAcrossTheDateLine() {
            // 2026-11-23T02:00Z is still the 22nd (21:00) in New York but already the 23rd (07:30) in Kolkata
            ZonedDateTime late = ZonedDateTime.of(2026, 11, 23, 2, 0, 0, 0, ZoneOffset.UTC);
            assertThat(parse("today", late.withZoneSameInstant(NEW_YORK)))
                    .contains(at("2026-11-22T17:00", NEW_YORK));
            assertThat(parse("today", late.withZoneSameInstant(KOLKATA)))
                    .contains(at("2026-11-23T17:00", KOLKATA));
        }

        @ParameterizedTest
        @ValueSource(strings = {"in 2 hours", "2026-12-01T15:00Z", "2026-12-01T16:00+01:00"})
        void durationsAndExplicitOffsetsAreTheSameInstantEverywhere(String when) {
            ZonedDateTime inBerlin = parseIn(when, BERLIN).orElseThrow();
            ZonedDateTime inNewYork = parseIn(when, NEW_YORK).orElseThrow();
            ZonedDateTime inKolkata = parseIn(when, KOLKATA).orElseThrow();

            assertThat(inNewYork.toInstant()).isEqualTo(inBerlin.toInstant()).isEqualTo(inKolkata.toInstant());
            assertThat(inBerlin.getZone()).isEqualTo(BERLIN);
            assertThat(inNewYork.getZone()).isEqualTo(NEW_YORK);
            assertThat(inKolkata.getZone()).isEqualTo(KOLKATA);
        }

        @Test
        void anExplicitOffsetIsConvertedToTheZoneOfNow() {
            assertThat(parseIn("2026-12-01T15:00Z", NEW_YORK)).contains(at("2026-12-01T10:00", NEW_YORK));
            assertThat(parseIn("2026-12-01T15:00Z", KOLKATA)).contains(at("2026-12-01T20:30", KOLKATA));
            assertThat(parseIn("2026-12-01T15:00+05:30", KOLKATA)).contains(at("2026-12-01T15:00", KOLKATA));
        }
    }

    @Nested
    class DaylightSaving {

        /** Berlin jumps from 02:00 CET to 03:00 CEST on Sunday 2027-03-28. */
        private final ZonedDateTime berlinSaturdayBeforeSpringForward = berlin("2027-03-27T10:00");

        @ParameterizedTest(name = "[{index}] \"{0}\" lands after the gap at 03:30 CEST")
        @ValueSource(strings = {"2027-03-28 02:30", "2027-03-28T02:30", "tomorrow 2:30am", "2:30am sunday",
            "mar 28 02:30", "28 march 2027 at 2:30am"})
        void aTimeInTheSpringForwardGapMovesForwardByTheGap(String when) {
            ZonedDateTime due = parse(when, berlinSaturdayBeforeSpringForward).orElseThrow();

            assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T03:30"));
            assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(due.getZone()).isEqualTo(BERLIN);
        }

        @Test
        void endOfDayAfterSpringForwardIsInSummerTime() {
            ZonedDateTime due = parse("tomorrow", berlinSaturdayBeforeSpringForward).orElseThrow();

            assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T17:00"));
            assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        }

        @Test
        void hoursAcrossSpringForwardAreRealHours() {
            ZonedDateTime now = berlin("2027-03-28T01:30"); // CET, 00:30Z
            ZonedDateTime due = parse("in 2 hours", now).orElseThrow();

            assertThat(Duration.between(now, due)).isEqualTo(Duration.ofHours(2));
            assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T04:30"));
            assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        }

        /** New York falls back from 02:00 EDT to 01:00 EST on Sunday 2026-11-01. */
        @Test
        void hoursAcrossFallBackAreRealHours() {
            ZonedDateTime now = ZonedDateTime.of(LocalDateTime.parse("2026-11-01T00:30"), NEW_YORK);
            assertThat(now.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));

            ZonedDateTime inTwoHours = parse("in 2 hours", now).orElseThrow();
            assertThat(Duration.between(now, inTwoHours)).isEqualTo(Duration.ofHours(2));
            assertThat(inTwoHours.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-01T01:30"));
            assertThat(inTwoHours.getOffset()).isEqualTo(ZoneOffset.ofHours(-5));

            ZonedDateTime inOneHour = parse("in 1 hour", now).orElseThrow();
            assertThat(inOneHour.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-01T01:30"));
            assertThat(inOneHour.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        }

        @Test
        void anAmbiguousLocalTimeInTheOverlapTakesTheEarlierOffset() {
            ZonedDateTime now = ZonedDateTime.of(LocalDateTime.parse("2026-11-01T00:30"), NEW_YORK);

            assertThat(parse("1:30am", now).orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(parse("2026-11-01 01:30", now).orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        }

        @Test
        void tomorrowAcrossFallBackIsFivePmStandardTime() {
            ZonedDateTime saturday = ZonedDateTime.of(LocalDateTime.parse("2026-10-31T10:00"), NEW_YORK);

            for (String when : List.of("tomorrow", "in a day", "sunday")) {
                ZonedDateTime due = parse(when, saturday).orElseThrow();
                assertThat(due.toLocalDateTime()).as(when).isEqualTo(LocalDateTime.parse("2026-11-01T17:00"));
                assertThat(due.getOffset()).as(when).isEqualTo(ZoneOffset.ofHours(-5));
            }
            // 24 real hours is not the same local time the next day
            assertThat(parse("in 24 hours", saturday))
                    .contains(ZonedDateTime.of(LocalDateTime.parse("2026-11-01T09:00"), NEW_YORK));
        }
    }

    @Nested
    class EndOfWorkingDay {

        private final DueDateParser sixThirty = new DueDateParser(LocalTime.of(18, 30));

        @Test
        void defaultsToFivePm() {
            assertThat(DueDateParser.DEFAULT_END_OF_DAY).isEqualTo(LocalTime.of(17, 0));
            assertThat(new DueDateParser().endOfWorkingDay()).isEqualTo(LocalTime.of(17, 0));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                tomorrow        | 2026-11-23T18:30
                eod             | 2026-11-22T18:30
                friday          | 2026-11-27T18:30
                eow             | 2026-11-27T18:30
                dec 1           | 2026-12-01T18:30
                in 3 days       | 2026-11-25T18:30
                next week       | 2026-11-23T18:30
                tomorrow 9am    | 2026-11-23T09:00
                tonight         | 2026-11-22T20:00
                """)
        void isConfigurable(String when, String expectedLocal) {
            assertThat(sixThirty.parse(when, SUNDAY)).contains(berlin(expectedLocal));
        }

        @Test
        void eowComparesWithTheConfiguredEndOfDay() {
            // Friday 18:00 is before 18:30, so this week's Friday still counts
            assertThat(sixThirty.parse("eow", berlin("2026-11-27T18:00"))).contains(berlin("2026-11-27T18:30"));
        }

        @Test
        void refusesANullEndOfDay() {
            assertThatThrownBy(() -> new DueDateParser(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class NeverThrowsOnUserInput {

        @Test
        void atTheEdgeOfTheRepresentableCalendar() {
            ZonedDateTime endOfTime = ZonedDateTime.of(LocalDateTime.of(999_999_999, 12, 31, 10, 0), ZoneOffset.UTC);

            assertThat(parser.parse("tomorrow", endOfTime)).isEmpty();
            assertThat(parser.parse("in 9999 weeks", endOfTime)).isEmpty();
            assertThat(parser.parse("jan 5", endOfTime)).isEmpty();
            assertThat(parser.parse("saturday", endOfTime)).isEmpty();
            // the last representable day is a Friday, still fine today
            assertThat(parser.parse("friday", endOfTime)).contains(endOfTime.withHour(17));
            assertThat(parser.parse("today", endOfTime)).contains(endOfTime.withHour(17));
        }

        @Test
        void onRandomJumblesOfItsOwnWordsAndJunk() {
            String[] words = {"friday", "next", "this", "in", "a", "an", "3", "12", "99", "9999", "3pm", "3:30",
                "pm", "am", "at", "on", "by", "of", "the", "end", "day", "week", "dec", "1st", "2027", "feb", "30",
                "2026-12-01", "2026-12-01T15:00Z", "2026-99-99T99:99", "noon", "midnight", "eod", "eow", "hours",
                "days", "half", "tomorrow", ".", ",", "!", "12/01", "25:00", "-", ":", "", " ", "\u00A0", "é",
                "9999h", "0am", "p.m.", "a.m", "close", "business", "T", "Z", "+01:00"};
            Random random = new Random(20261122L);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder phrase = new StringBuilder();
                int length = random.nextInt(6);
                for (int w = 0; w < length; w++) {
                    phrase.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
                }
                String when = phrase.toString();
                assertThatCode(() -> parser.parse(when, SUNDAY)).as(when).doesNotThrowAnyException();
                assertThatCode(() -> parser.split("do it by " + when, SUNDAY)).as(when).doesNotThrowAnyException();
            }
        }
    }

    @Nested
    class Split {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @CsvSource(delimiter = '|', textBlock = """
                send the Q3 deck by friday 3pm           | send the Q3 deck             | friday 3pm      | 2026-11-27T15:00
                stand by me by friday                    | stand by me                  | friday          | 2026-11-27T17:00
                Send the Deck BY Friday                  | Send the Deck                | Friday          | 2026-11-27T17:00
                send the deck By tomorrow                | send the deck                | tomorrow        | 2026-11-23T17:00
                'ping <@U123ABC|bob> by tomorrow'        | 'ping <@U123ABC|bob>'        | tomorrow        | 2026-11-23T17:00
                pass by the office by 3pm tomorrow       | pass by the office           | 3pm tomorrow    | 2026-11-23T15:00
                go by bus by friday by 3pm               | go by bus by friday          | 3pm             | 2026-11-22T15:00
                nearby by friday                         | nearby                       | friday          | 2026-11-27T17:00
                review it by Dec 1st, 2027.              | review it                    | Dec 1st, 2027.  | 2027-12-01T17:00
                '  fix the build   by   eod.  '          | fix the build                | eod.            | 2026-11-22T17:00
                call back by in 2 hours                  | call back                    | in 2 hours      | 2026-11-22T12:00
                meet by by friday                        | meet by                      | friday          | 2026-11-27T17:00
                send the deck in 20 seconds              | send the deck                | in 20 seconds   | 2026-11-22T10:00:20
                check in the results in 2 hours          | check in the results         | in 2 hours      | 2026-11-22T12:00
                the budget in 3 days                     | the budget                   | in 3 days       | 2026-11-25T17:00
                """)
        void splitsAtTheLastByWhoseTailParses(String text, String what, String whenText, String dueLocal) {
            WhatAndWhen split = parser.split(text, SUNDAY);

            assertThat(split.what()).isEqualTo(what);
            assertThat(split.whenText()).isEqualTo(whenText);
            assertThat(split.due()).contains(berlin(dueLocal));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
                review the PR                            | review the PR                | ''
                review the PR by whenever                | review the PR                | whenever
                stand by me by the lake                  | stand by me                  | the lake
                stand by me                              | stand                        | me
                standby friday                           | standby friday               | ''
                by friday                                | by friday                    | ''
                send deck by                             | send deck by                 | ''
                send deck by 12/01                       | send deck                    | 12/01
                ''                                       | ''                           | ''
                log in in a moment                       | log in in a moment           | ''
                in 2 hours                               | in 2 hours                   | ''
                """)
        void leavesDueEmptyWhenNoTailParses(String text, String what, String whenText) {
            WhatAndWhen split = parser.split(text, SUNDAY);

            assertThat(split.due()).isEmpty();
            assertThat(split.what()).isEqualTo(what);
            assertThat(split.whenText()).isEqualTo(whenText);
        }

        @Test
        void keepsSlackEscapesAndInnerSpacingOfWhatUntouched() {
            String text = "  ask <@U222|ann> about &lt;budget&gt;  &amp;  <#C1|ops> by next tuesday 9:30am ";

            WhatAndWhen split = parser.split(text, SUNDAY);

            assertThat(split.what()).isEqualTo("ask <@U222|ann> about &lt;budget&gt;  &amp;  <#C1|ops>");
            assertThat(split.whenText()).isEqualTo("next tuesday 9:30am");
            assertThat(split.due()).contains(berlin("2026-11-24T09:30"));
        }

        @Test
        void treatsAnyWhitespaceAroundByAsASeparator() {
            WhatAndWhen split = parser.split("write\nthe doc by\nfriday", SUNDAY);

            assertThat(split.what()).isEqualTo("write\nthe doc");
            assertThat(split.whenText()).isEqualTo("friday");
            assertThat(split.due()).contains(berlin("2026-11-27T17:00"));
        }

        @Test
        void aTrailingByWithWhitespaceSplitsOffAnEmptyTail() {
            WhatAndWhen split = parser.split("send deck by ", SUNDAY);

            assertThat(split).isEqualTo(new WhatAndWhen("send deck", Optional.empty(), ""));
        }

        @Test
        void readsTheTailInTheZoneOfNow() {
            ZonedDateTime kolkataNow = SUNDAY.withZoneSameInstant(KOLKATA); // 14:30
            WhatAndWhen split = parser.split("ship it by 2pm", kolkataNow);

            assertThat(split.due()).contains(at("2026-11-23T14:00", KOLKATA));
        }

        @Test
        void nullTextIsAnEmptySplit() {
            assertThat(parser.split(null, SUNDAY)).isEqualTo(new WhatAndWhen("", Optional.empty(), ""));
        }

        @Test
        void whatAndWhenRefusesNulls() {
            assertThatThrownBy(() -> new WhatAndWhen(null, Optional.empty(), ""))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WhatAndWhen("x", null, "")).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new WhatAndWhen("x", Optional.empty(), null))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
