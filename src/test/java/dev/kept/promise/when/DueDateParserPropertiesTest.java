package dev.kept.promise.when;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of {@link DueDateParser} and {@link WhatAndWhen}, 10,000 tries each, at random instants between
 * 2020 and 2035 in every zone the JDK knows (DST gaps and overlaps included).
 */
class DueDateParserPropertiesTest {

    private static final Duration TWO_YEARS = Duration.ofDays(2 * 366);
    private final DueDateParser parser = new DueDateParser();

    @Property(tries = 10000)
    void anyTextParsesOrNotButNeverThrows(@ForAll("texts") String when, @ForAll("nows") ZonedDateTime now) {
        Optional<ZonedDateTime> due = parser.parse(when, now);
        due.ifPresent(d -> assertThat(d.getZone()).isEqualTo(now.getZone()));
    }

    @Property(tries = 10000)
    void splittingKeepsEveryWordAndReadsTheDueOnlyFromTheTail(@ForAll("texts") String what, @ForAll("texts") String tail,
                                                              @ForAll("nows") ZonedDateTime now) {
        String text = what + " by " + tail;
        WhatAndWhen split = parser.split(text, now);

        assertThat(split.what()).isNotNull();
        assertThat(text).contains(split.what());
        assertThat(text.strip()).endsWith(split.whenText());
        split.due().ifPresent(due -> {
            assertThat(parser.parse(split.whenText(), now)).contains(due);
            assertThat(due.getZone()).isEqualTo(now.getZone());
        });
    }

    /** The phrases that look forward (no "today", no explicit year) are due after now and within two years. */
    @Property(tries = 10000)
    void aForwardPhraseIsDueInTheFutureAndWithinTwoYears(@ForAll("forward") String when, @ForAll("nows") ZonedDateTime now) {
        Optional<ZonedDateTime> due = parser.parse(when, now);

        assertThat(due).as("'%s' at %s", when, now).isPresent();
        assertThat(due.get().toInstant()).as("'%s' at %s", when, now)
                .isAfter(now.toInstant()).isBeforeOrEqualTo(now.toInstant().plus(TWO_YEARS));
    }

    @Property(tries = 10000)
    void aForwardPhraseAfterByIsTheDueOfTheWholeText(@ForAll("texts") String what, @ForAll("forward") String when,
                                                     @ForAll("nows") ZonedDateTime now) {
        WhatAndWhen split = parser.split("the Q3 deck " + what.replace(" by ", " ") + " by " + when, now);
        assertThat(split.due()).isEqualTo(parser.parse(when, now));
        assertThat(split.due().get().toInstant()).isAfter(now.toInstant());
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<ZonedDateTime> nows() {
        List<String> zones = ZoneId.getAvailableZoneIds().stream().sorted().toList();
        return Combinators.combine(
                Arbitraries.longs().between(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2035-01-01T00:00:00Z").getEpochSecond()),
                Arbitraries.of(zones))
                .as((seconds, zone) -> Instant.ofEpochSecond(seconds).atZone(ZoneId.of(zone)));
    }

    @Provide
    Arbitrary<String> forward() {
        Arbitrary<String> day = Arbitraries.of("tomorrow", "tmrw", "friday", "fri", "monday", "next tuesday",
                "next friday", "next week", "this thursday", "dec 1", "1 dec", "1st of december", "feb 28", "jul 4th",
                "in 3 days", "in a week", "in two weeks", "in 1 day", "eow", "end of the week");
        Arbitrary<String> time = Arbitraries.of("", " 3pm", " at 10am", " 15:00", " noon", " 9:30am", " 11:59pm");
        Arbitrary<String> fromNow = Arbitraries.integers().between(1, 500)
                .flatMap(n -> Arbitraries.of("in " + n + " minutes", "in " + n + " hours", "in " + n + " days",
                        "in " + (n % 100 + 1) + " weeks", "in " + n + " mins", "in " + n + "h"));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(day, time).as((d, t) -> d.startsWith("in ") || d.startsWith("e")
                        || d.equals("next week") ? d : d + t)),
                Tuple.of(1, fromNow),
                Tuple.of(1, Arbitraries.of("in half an hour", "in an hour", "in 20 seconds").filter(s -> !s.endsWith("seconds"))));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("by", "in", "on", "at", "tomorrow", "today", "tonight", "friday", "next", "this",
                        "3pm", "3", "pm", "p.m.", "15:00", "25:99", "noon", "midnight", "eod", "eow", "end", "of", "the",
                        "week", "day", "days", "hours", "a", "half", "an", "dec", "1st", "31", "feb", "30", "2026-12-01",
                        "2026-02-30", "2026-12-01T15:00+01:00", "9999-12-31T23:59", "-1", "0", "99999999999", "12/01",
                        "1.12", "in 2147483647 days", "in 99999 weeks", ",", ".", "!", "?")),
                Tuple.of(2, Arbitraries.of("<!channel>", "<@U333>", "<https://evil.example|click>", "😀", "👩‍💻",
                        "\u0000", "\u202E", "\u00A0", "\u2003", "İ", "ǅ", "ß", "ＦＲＩＤＡＹ", "٣", "३pm")),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars(":.-+/TZ").ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6)));
        Arbitrary<String> phrase = word.list().ofMinSize(0).ofMaxSize(10).map(ws -> String.join(" ", ws));
        return Arbitraries.frequencyOf(
                Tuple.of(30, phrase),
                Tuple.of(1, Arbitraries.strings().withChars("by in 3pm friday ").ofMinLength(1000).ofMaxLength(4000)));
    }
}
