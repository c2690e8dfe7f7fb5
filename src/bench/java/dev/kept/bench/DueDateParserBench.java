package dev.kept.bench;

import dev.kept.promise.when.DueDateParser;
import dev.kept.promise.when.WhatAndWhen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The "when" parser: {@code parse} on the phrases people type after "by" (one phrase per run), and
 * {@code split} of a whole promise text into what + when, as {@code /promise} does. {@code now} is fixed
 * (Monday 23 Nov 2026, 10:00 Berlin), so every run does the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DueDateParserBench {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    static final String PROMISE_TEXT = "send the Q3 deck by friday 3pm";
    static final String UNPARSEABLE = "whenever the stars align";

    private final DueDateParser parser = new DueDateParser();

    /** The phrase for {@link #parse}; a state of its own so that {@link #split} is not run once per phrase. */
    @State(Scope.Benchmark)
    public static class Phrase {
        @Param({
                "friday 3pm",
                "tomorrow",
                "in 3 days",
                "dec 1",
                "2026-12-01T15:00+01:00",
                "next tuesday 9:30am",
                "eod",
                UNPARSEABLE})
        public String phrase;

        @Setup
        public void check() {
            // Each phrase must parse, the unparseable one must not: otherwise the figure measures something else.
            boolean parsed = new DueDateParser().parse(phrase, NOW).isPresent();
            if (parsed == phrase.equals(UNPARSEABLE)) {
                throw new IllegalStateException("unexpected parse result for '" + phrase + "': " + parsed);
            }
        }
    }

    @Setup
    public void check() {
        WhatAndWhen w = parser.split(PROMISE_TEXT, NOW);
        if (!w.what().equals("send the Q3 deck") || w.due().isEmpty()) {
            throw new IllegalStateException("unexpected split: " + w);
        }
    }

    @Benchmark
    public Optional<ZonedDateTime> parse(Phrase p) {
        return parser.parse(p.phrase, NOW);
    }

    @Benchmark
    public WhatAndWhen split() {
        return parser.split(PROMISE_TEXT, NOW);
    }
}
