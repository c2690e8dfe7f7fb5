package dev.kept.insight;

import dev.kept.chat.Message;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static dev.kept.insight.Story.ALICE;
import static dev.kept.insight.Story.BOB;
import static dev.kept.insight.Story.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

class StatsCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 30 November 2026, 10:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    // Alice made these (she is the provider) …
    final List<Tracked> made = List.of(
            // A1 due Wed 14 Oct, delivered the day before: on time; rated 5
            Story.made("AAA2", ALICE, BOB, "2026-10-01T09:00:00Z", "2026-10-14T15:00:00Z")
                    .delivered("2026-10-13T10:00:00Z").rated("2026-10-14T10:00:00Z", 5).tracked(),
            // A2 due Wed 21 Oct, delivered a day late
            Story.made("AAA3", ALICE, BOB, "2026-10-01T09:00:00Z", "2026-10-21T15:00:00Z")
                    .delivered("2026-10-22T10:00:00Z").tracked(),
            // A3 due Tue 10 Nov, moved early to Thu 12 Nov and delivered by then: on time; rated 4, feedback, thanked
            Story.made("AAA4", ALICE, BOB, "2026-11-02T09:00:00Z", "2026-11-10T15:00:00Z")
                    .dueMoved("2026-11-05T09:00:00Z", "2026-11-12T15:00:00Z")
                    .delivered("2026-11-12T10:00:00Z").rated("2026-11-13T09:00:00Z", 4)
                    .feedback("2026-11-14T09:00:00Z", "a summary slide", "", "").thanked("2026-11-15T09:00:00Z").tracked(),
            // A4 due Tue 17 Nov, moved after it passed (late) to Fri 20 Nov, delivered Thu 19 Nov: on time to the new date
            Story.made("AAA5", ALICE, CAROL, "2026-11-02T09:00:00Z", "2026-11-17T15:00:00Z")
                    .dueMoved("2026-11-18T09:00:00Z", "2026-11-20T15:00:00Z")
                    .delivered("2026-11-19T10:00:00Z").tracked(),
            // A5 due Wed 25 Nov, still open: overdue, counts as not on time
            Story.made("AAA6", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-25T15:00:00Z").tracked(),
            // A6 due Thu 26 Nov, released: counts as not on time
            Story.made("AAA7", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-26T15:00:00Z")
                    .released("2026-11-24T09:00:00Z").tracked(),
            // A7 due Fri 27 Nov, cancelled by Carol: not counted
            Story.made("AAA8", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-27T15:00:00Z")
                    .cancelled("2026-11-21T09:00:00Z").tracked(),
            // A8 due Thu 3 Dec: not due yet, not counted
            Story.made("AAA9", ALICE, BOB, "2026-11-25T09:00:00Z", "2026-12-03T15:00:00Z").tracked(),
            // A9 Bob asked Alice, no answer yet: not a promise
            Story.requested("AAB2", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-11-26T15:00:00Z").tracked(),
            // A10 Carol asked, Alice took it on and delivered before Tue 24 Nov: on time
            Story.requested("AAB3", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-24T15:00:00Z")
                    .accepted("2026-11-21T09:00:00Z").delivered("2026-11-23T10:00:00Z").tracked(),
            // A11 Carol asked, Alice declined: not a promise
            Story.requested("AAB4", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-24T15:00:00Z")
                    .declined("2026-11-21T09:00:00Z").tracked());

    // … and these were made to her (she is the receiver).
    final List<Tracked> received = List.of(
            // R1 Bob's, rated 3 by Alice; she gave feedback on Sat 7 Nov, Bob thanked her on Sun 8 Nov
            Story.made("RRR2", BOB, ALICE, "2026-11-01T09:00:00Z", "2026-11-06T15:00:00Z")
                    .delivered("2026-11-05T10:00:00Z").rated("2026-11-06T09:00:00Z", 3)
                    .feedback("2026-11-07T09:00:00Z", "tell me earlier", "", "").thanked("2026-11-08T09:00:00Z").tracked(),
            // R2 Carol's, in October: feedback (thanks only) and thanked
            Story.made("RRR3", CAROL, ALICE, "2026-10-05T09:00:00Z", "2026-10-10T15:00:00Z")
                    .delivered("2026-10-09T10:00:00Z").rated("2026-10-10T09:00:00Z", 5)
                    .feedback("2026-10-11T09:00:00Z", "", "", "thank you!").thanked("2026-10-12T09:00:00Z").tracked());

    @Test
    void countsEveryFigureForThisMonthAndAllTime() {
        Stats stats = StatsCalculator.compute(ALICE, made, received, BERLIN, NOW);

        assertThat(stats.month()).isEqualTo(YearMonth.of(2026, 11));
        // November: A3, A4, A10 on time; A5 overdue, A6 released → 3 of 5. Renegotiated: A3 early, A4 late.
        // Rated in November: A3 (4). Feedback given: R1; received: A3. Thanks received: R1.
        assertThat(stats.thisMonth()).isEqualTo(new Stats.Figures(3, 5, 1, 1, 1, 4, 1, 1, 1));
        // All time adds A1 (on time) and A2 (late) → 4 of 7; ratings A1 5 + A3 4 = 9 over 2;
        // feedback given R1 and R2, thanked both.
        assertThat(stats.allTime()).isEqualTo(new Stats.Figures(4, 7, 1, 1, 2, 9, 2, 1, 2));
        assertThat(stats.allTime().onTimeText()).isEqualTo("4 of 7 (57%)");
        assertThat(stats.allTime().averageRating()).hasValue(4.5);
    }

    @Test
    void theTrendIsTheLastEightMondayWeeksOldestFirst() {
        Stats stats = StatsCalculator.compute(ALICE, made, received, BERLIN, NOW);

        assertThat(stats.weeks()).extracting(Stats.Week::monday).containsExactly(
                LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        // A1 1/1 █, A2 0/1 ▁, nothing ·, nothing (A3 was moved away) ·, A3 1/1 █, A4 1/1 █,
        // A10 of A5, A6, A10: 1/3 → round(7/3) = 2 → ▃, A8 not due yet ·
        assertThat(stats.sparkline()).isEqualTo("█▁··██▃·");
        assertThat(stats.weeks().get(6)).isEqualTo(new Stats.Week(LocalDate.of(2026, 11, 23), 1, 3));
    }

    @Test
    void theAnswerSaysTheFiguresInWords() {
        Message message = InsightMessages.stats(StatsCalculator.compute(ALICE, made, received, BERLIN, NOW));
        String text = Texts.of(message);

        assertThat(text).contains("This month (November)\nKept on time: 3 of 5 (60%)\nRenegotiated: 1 early, 1 late\n"
                + "Satisfaction received: 4.0 of 5, 🙂 Satisfied (1 rating)\nFeedback: 1 given, 1 received\n"
                + "Thanks for your feedback: 1");
        assertThat(text).contains("All time\nKept on time: 4 of 7 (57%)\nRenegotiated: 1 early, 1 late\n"
                + "Satisfaction received: 4.5 of 5, 🤩 Delighted (2 ratings)\nFeedback: 2 given, 1 received\n"
                + "Thanks for your feedback: 2");
        assertThat(text).contains("On time, the last 8 weeks: █▁··██▃·");
    }

    @Test
    void theMonthIsTheOnesInThePersonsOwnZone() {
        // Due Sat 31 Oct 23:30 UTC: that is already Sunday 1 November in Berlin.
        List<Tracked> one = List.of(Story.made("KKK2", ALICE, BOB, "2026-10-20T09:00:00Z", "2026-10-31T23:30:00Z")
                .delivered("2026-10-31T20:00:00Z").tracked());

        assertThat(StatsCalculator.compute(ALICE, one, List.of(), BERLIN, NOW).thisMonth().onTimeText())
                .isEqualTo("1 of 1 (100%)");
        assertThat(StatsCalculator.compute(ALICE, one, List.of(), ZoneOffset.UTC, NOW).thisMonth().due()).isZero();
        assertThat(StatsCalculator.compute(ALICE, one, List.of(), ZoneOffset.UTC, NOW).allTime().onTimeText())
                .isEqualTo("1 of 1 (100%)");
    }

    @Test
    void someoneNewSeesFriendlyBlanks() {
        Stats stats = StatsCalculator.compute(ALICE, List.of(), List.of(), BERLIN, NOW);

        assertThat(stats.thisMonth()).isEqualTo(Stats.Figures.NONE);
        assertThat(stats.sparkline()).isEqualTo("········");
        assertThat(Texts.of(InsightMessages.stats(stats)))
                .contains("Kept on time: nothing has fallen due yet")
                .contains("Satisfaction received: no ratings yet");
    }

    @Test
    void aRenegotiationNoteCannotPassForEarlyOrLate() {
        Tracked moved = Story.made("KKK3", ALICE, BOB, "2026-11-02T09:00:00Z", "2026-11-10T15:00:00Z")
                .then("2026-11-11T09:00:00Z", (p, now) -> p.changeDue(ALICE, Instant.parse("2026-11-13T15:00:00Z"),
                        "it was not my fault (early)", now))
                .tracked();

        Stats.Figures f = StatsCalculator.compute(ALICE, List.of(moved), List.of(), BERLIN, NOW).thisMonth();
        assertThat(f.renegotiatedEarly()).isZero();
        assertThat(f.renegotiatedLate()).isEqualTo(1);
    }

    @Test
    void theSparklineHasEightLevels() {
        assertThat(Stats.level(0)).isEqualTo('▁');
        assertThat(Stats.level(0.5)).isEqualTo('▅');
        assertThat(Stats.level(6.0 / 7)).isEqualTo('▇');
        assertThat(Stats.level(1)).isEqualTo('█');
        assertThat(Stats.share(2, 3)).isEqualTo("2 of 3 (67%)");
        assertThat(Stats.share(1, 8)).isEqualTo("1 of 8 (13%)");
    }
}
