package dev.kept.insight;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static dev.kept.insight.Story.ALICE;
import static dev.kept.insight.Story.BOB;
import static dev.kept.insight.Story.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

class DigestCalculatorTest {

    static final Instant FROM = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant TO = Instant.parse("2026-11-30T09:00:00Z");

    final List<Tracked> week = List.of(
            // D1 made before the week, delivered on time in it, rated 5; Bob's feedback has something to do better
            Story.made("DDD2", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-11-24T15:00:00Z")
                    .delivered("2026-11-24T10:00:00Z").rated("2026-11-25T09:00:00Z", 5)
                    .feedback("2026-11-26T09:00:00Z", "SECRET-better-text", "", "").tracked(),
            // D2 made in the week, delivered on time, rated 4
            Story.made("DDD3", BOB, CAROL, "2026-11-23T10:00:00Z", "2026-11-25T15:00:00Z")
                    .delivered("2026-11-25T10:00:00Z").rated("2026-11-26T09:00:00Z", 4).tracked(),
            // D3 made in the week, delivered late, rated 1; Alice's feedback is only thanks (not constructive)
            Story.made("DDD4", BOB, ALICE, "2026-11-23T11:00:00Z", "2026-11-26T15:00:00Z")
                    .delivered("2026-11-27T10:00:00Z").rated("2026-11-27T12:00:00Z", 1)
                    .feedback("2026-11-28T09:00:00Z", "", "", "SECRET-thanks-text").tracked(),
            // D4 made long before, due in the week and never touched since: overdue
            Story.made("DDD5", CAROL, ALICE, "2026-11-10T09:00:00Z", "2026-11-25T12:00:00Z").tracked(),
            // D5 made in the week, due after it
            Story.made("DDD6", ALICE, CAROL, "2026-11-24T09:00:00Z", "2026-12-02T15:00:00Z").tracked(),
            // D6 delivered early, before the week, due in it: on time in this week
            Story.made("DDD7", BOB, ALICE, "2026-11-18T09:00:00Z", "2026-11-27T15:00:00Z")
                    .delivered("2026-11-20T10:00:00Z").tracked(),
            // D7 Carol asked Bob, he took it on in the week: made
            Story.requested("DDD8", BOB, CAROL, "2026-11-24T09:00:00Z", "2026-12-01T15:00:00Z")
                    .accepted("2026-11-24T12:00:00Z").tracked(),
            // D8 Alice asked Carol, no answer yet: nothing
            Story.requested("DDD9", CAROL, ALICE, "2026-11-24T09:00:00Z", "2026-11-27T15:00:00Z").tracked(),
            // D9 due in the week, cancelled by the receiver: not counted
            Story.made("DDE2", ALICE, BOB, "2026-11-16T09:00:00Z", "2026-11-26T15:00:00Z")
                    .cancelled("2026-11-25T09:00:00Z").tracked(),
            // D10 delivered on time in the week, due after it
            Story.made("DDE3", BOB, CAROL, "2026-11-25T09:00:00Z", "2026-12-01T15:00:00Z")
                    .delivered("2026-11-29T10:00:00Z").tracked(),
            // D11 old and late, rated 2 before the week; Bob's feedback in the week says what he could have done
            Story.made("DDE4", CAROL, BOB, "2026-11-01T09:00:00Z", "2026-11-10T15:00:00Z")
                    .delivered("2026-11-11T10:00:00Z").rated("2026-11-12T09:00:00Z", 2)
                    .feedback("2026-11-24T09:00:00Z", "", "SECRET-easier-text", "").tracked());

    @Test
    void countsTheWeekInAggregates() {
        Digest d = DigestCalculator.compute(FROM, TO, week, TO);

        assertThat(d.made()).isEqualTo(5);          // D2, D3, D5, D10 made + D7 taken on
        assertThat(d.delivered()).isEqualTo(4);     // D1, D2, D3, D10
        assertThat(d.onTime()).isEqualTo(3);        // of D1 D2 D3 D4 D6 due: D1, D2, D6 on time
        assertThat(d.due()).isEqualTo(5);
        assertThat(d.ratings()).isEqualTo(3);       // 5 + 4 + 1
        assertThat(d.ratingTotal()).isEqualTo(10);
        assertThat(d.keptOnTime()).containsExactly(new Digest.Count(BOB, 2), new Digest.Count(ALICE, 1));
        assertThat(d.constructive()).containsExactly(new Digest.Count(BOB, 2));
    }

    @Test
    void someoneKeptWasAskedToForgetCountsInTheTotalsButIsNeverNamed() {
        String former = dev.kept.privacy.FormerColleague.ID;
        List<Tracked> withFormer = List.of(
                Story.made("DDF2", former, BOB, "2026-11-23T10:00:00Z", "2026-11-25T15:00:00Z")
                        .delivered("2026-11-25T10:00:00Z").rated("2026-11-26T09:00:00Z", 4).tracked(),
                Story.made("DDF3", BOB, former, "2026-11-23T10:00:00Z", "2026-11-25T15:00:00Z")
                        .delivered("2026-11-25T10:00:00Z").rated("2026-11-26T09:00:00Z", 5)
                        .feedback("2026-11-26T10:00:00Z", "SECRET-better-text", "", "").tracked());
        Digest d = DigestCalculator.compute(FROM, TO, withFormer, TO);
        assertThat(d.onTime()).isEqualTo(2);
        assertThat(d.keptOnTime()).containsExactly(new Digest.Count(BOB, 1));
        assertThat(d.constructive()).isEmpty();
    }

    @Test
    void saysTheTotalsAndThanksPeopleButNeverQuotesFeedbackOrAnyonesRating() {
        Message m = InsightMessages.digest(DigestCalculator.compute(FROM, TO, week, TO), ZoneOffset.UTC);
        String text = Texts.of(m);

        assertThat(text).contains("Kept: the week to Monday 30 Nov")
                .contains("Promises made: 5\nPromises delivered: 4\nKept on time: 3 of 5 (60%)\n"
                        + "Satisfaction: 3.3 of 5, 😐 It's okay (from 3 ratings)")
                .contains("Kept their promises on time: @U222 (2), @U111 (1)")
                .contains("Shared constructive feedback: @U222 (2)")
                .contains("From Monday 23 Nov, 09:00 to Monday 30 Nov, 09:00 (UTC)");
        assertThat(text).doesNotContain("SECRET").doesNotContain("Not at all").doesNotContain("1 of 5");
        assertThat(Texts.spans(m)).filteredOn(Markup.PersonRef.class::isInstance)
                .extracting(s -> ((Markup.PersonRef) s).userId()).containsExactly(BOB, ALICE, BOB);
    }

    @Test
    void aRateFromFewerThanThreeIsNotShown() {
        List<Tracked> small = List.of(
                Story.made("SSS2", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-11-24T15:00:00Z")
                        .delivered("2026-11-25T10:00:00Z").rated("2026-11-25T11:00:00Z", 1).tracked(),
                Story.made("SSS3", BOB, ALICE, "2026-11-20T09:00:00Z", "2026-11-24T15:00:00Z")
                        .delivered("2026-11-24T10:00:00Z").tracked());
        Digest d = DigestCalculator.compute(FROM, TO, small, TO);
        assertThat(d.due()).isEqualTo(2);
        assertThat(d.ratings()).isEqualTo(1);

        String text = Texts.of(InsightMessages.digest(d, ZoneOffset.UTC));
        assertThat(text).contains("Kept on time: only 2 promises fell due, too few to show a rate")
                .contains("Satisfaction: fewer than 3 ratings this week, so none is shown")
                .doesNotContain("1.0").doesNotContain("Not at all").doesNotContain("50%");
    }

    @Test
    void aWeekWithNothingInItIsQuiet() {
        Digest d = DigestCalculator.compute(FROM, TO, List.of(
                Story.made("QQQ2", ALICE, BOB, "2026-11-01T09:00:00Z", "2026-12-24T15:00:00Z").tracked()), TO);
        assertThat(d.isQuiet()).isTrue();
        assertThat(DigestCalculator.compute(FROM, TO, week, TO).isQuiet()).isFalse();
    }

    @Test
    void theDigestIsDueAtTheLatestSendTimeInTheTeamsZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(WeeklyDigest.lastSendTime(Instant.parse("2026-11-30T08:59:59Z"), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneOffset.UTC).toInstant()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(WeeklyDigest.lastSendTime(Instant.parse("2026-11-30T09:00:00Z"), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                ZoneOffset.UTC).toInstant()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        // 09:00 in New York is 14:00 UTC in winter; on Tuesday the latest is still Monday's
        ZonedDateTime ny = WeeklyDigest.lastSendTime(Instant.parse("2026-12-01T10:00:00Z"), DayOfWeek.MONDAY,
                LocalTime.of(9, 0), newYork);
        assertThat(ny.toInstant()).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        // the week before a change to summer time is an hour shorter, and still ends at 09:00 local
        ZonedDateTime spring = WeeklyDigest.lastSendTime(Instant.parse("2027-03-15T13:00:00Z"), DayOfWeek.MONDAY,
                LocalTime.of(9, 0), newYork);
        assertThat(spring.toInstant()).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
        assertThat(spring.minusWeeks(1).toInstant()).isEqualTo(Instant.parse("2027-03-08T14:00:00Z"));
    }
}
