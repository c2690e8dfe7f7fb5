package dev.kept.slack;

import dev.kept.chat.Person;
import dev.kept.insight.WeeklyDigest;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;

import static dev.kept.slack.SlackAppHomeTest.DIGEST_CHANNEL;
import static dev.kept.slack.SlackAppHomeTest.homeOpenedBody;
import static dev.kept.slack.SlackAppHomeTest.readable;
import static dev.kept.testing.slack.SlackRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance: twenty promises among Alice (Berlin), Bob (New York) and Carol (Tokyo) over six
 * weeks, scripted through the real services with the clock moved by hand, then {@code /promise stats}, the
 * App Home and the weekly digest read exactly as Slack receives them.
 *
 * <pre>
 *  #   who          what                 made     due (UTC, final)  what happened
 *  P1  Alice→Bob    the Q3 deck          Oct 19   Oct 21 15:00      delivered on time; rated 5; feedback (better); thanked
 *  P2  Alice→Carol  the budget review    Oct 19   Oct 28 15:00      delivered late (Oct 29); rated 2
 *  P3  Alice→Bob    the hiring plan      Nov 2    Nov 13 15:00      moved early (Nov 6, from Nov 10); delivered on time; rated 4
 *  P4  Alice→Carol  the offsite agenda   Nov 9    Nov 20 15:00      moved late (Nov 18, from Nov 17); delivered by the new date
 *  P5  Alice→Bob    the vendor contract  Nov 16   Nov 25 15:00      still open: overdue, untouched since it was made
 *  P6  Alice→Carol  the team survey      Nov 16   Nov 26 15:00      released by Alice (Nov 24)
 *  P7  Alice→Bob    the lunch booking    Nov 23   Nov 27 15:00      cancelled by Bob (Nov 24)
 *  P8  Alice→Carol  the slides polish    Nov 25   Dec 3 15:00       open, not due yet
 *  P9  Carol asks Alice: the customer call notes, Nov 20, due Nov 24 15:00: taken on; delivered on time; rated 1;
 *      feedback (easier); thanked
 *  P10 Bob asks Alice: the expense report, Nov 26, due Dec 2 15:00: waiting for Alice's answer
 *  P11 Carol asks Alice: the weekend cover, Nov 20, due Nov 28 15:00: declined
 *  P12 Bob→Alice    the API review       Oct 19   Oct 23 15:00      delivered on time; rated 4
 *  P13 Bob→Carol    the release notes    Nov 2    Nov 4 15:00       delivered late (Nov 5); rated 3; feedback (better), not thanked
 *  P14 Bob→Alice    the design doc       Nov 16   Nov 24 15:00      delivered on time (Nov 23 12:00); rated 5; feedback (thanks only); thanked
 *  P15 Bob→Carol    the load test        Nov 23   Nov 27 15:00      moved early (Nov 25, from Nov 26); delivered on time; rated 4;
 *                                                                   feedback (better); thanked
 *  P16 Bob→Alice    the security audit   Nov 23   Dec 4 15:00       open
 *  P17 Bob→Carol    the migration        Nov 16   Nov 25 12:00      delivered late (Nov 26); rated 3
 *  P18 Carol→Alice  the translations     Oct 19   Oct 30 15:00      delivered on time; rated 5; feedback (better); thanked
 *  P19 Carol→Bob    the dashboard        Nov 23   Nov 25 15:00      delivered on time; rated 5
 *  P20 Carol→Bob    the onboarding guide Nov 24   Dec 1 15:00       open
 * </pre>
 * Everything is read on Monday 30 November 2026 at 09:00 UTC: 10:00 in Berlin, 04:00 in New York, 18:00 in
 * Tokyo; November for all three. The digest covers Monday 23 Nov 09:00 to Monday 30 Nov 09:00 UTC.
 */
@TestPropertySource(properties = {"kept.nudges.enabled=false", "kept.digest.channel=" + SlackAppHomeTest.DIGEST_CHANNEL,
        "kept.digest.poll=1h"})
class SlackInsightTwentyPromisesTest extends SlackHttpTestSupport {

    static final Person ALICE = WS.person("U111");
    static final Person BOB = WS.person("U222");
    static final Person CAROL = WS.person("U333");

    static final String NOTE = "Kept on time counts the promises you made that fell due in the period and were "
            + "delivered, released or are overdue. Asking early for a new date never counts against you: delivered by "
            + "the new date is on time. Promises the other person cancelled don't count.";

    @Autowired
    PromiseService promises;

    @Autowired
    PromiseStore store;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    dev.kept.feedback.FeedbackService feedbackService;

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    Promise make(Person provider, Person receiver, String what, String due) {
        return promises.make(provider, receiver.userId(), what, "", Instant.parse(due)).promise();
    }

    /** {@code asker} asks {@code asked} ({@code /promise ask}); nothing is a promise yet. */
    Promise request(Person asked, Person asker, String what, String due) {
        return promises.request(asker, asked.userId(), what, "", Instant.parse(due)).promise();
    }

    void feedback(Promise p, String better, String easier, String thanks) {
        feedbackService.give(p.receiver(), p.id(), better, easier, thanks);
    }

    void thank(Promise p) {
        feedbackService.thank(p.provider(), p.id());
    }

    void moveDue(Person provider, Promise p, String newDue) {
        promises.changeDue(provider, p.id(), Instant.parse(newDue), "");
    }

    @Test
    void twentyPromisesReadExactlyInStatsAppHomeAndDigest() {
        // ------------------------------------------------------------ October
        at("2026-10-19T09:00:00Z");
        Promise p1 = make(ALICE, BOB, "the Q3 deck", "2026-10-21T15:00:00Z");
        Promise p2 = make(ALICE, CAROL, "the budget review", "2026-10-28T15:00:00Z");
        Promise p12 = make(BOB, ALICE, "the API review", "2026-10-23T15:00:00Z");
        Promise p18 = make(CAROL, ALICE, "the translations", "2026-10-30T15:00:00Z");
        at("2026-10-21T10:00:00Z");
        promises.deliver(ALICE, p1.id());
        at("2026-10-21T12:00:00Z");
        promises.rate(BOB, p1.id(), 5);
        at("2026-10-22T09:00:00Z");
        feedback(p1, "SECRET-deck a summary slide up front", "", "");
        at("2026-10-22T12:00:00Z");
        thank(p1);
        at("2026-10-23T10:00:00Z");
        promises.deliver(BOB, p12.id());
        at("2026-10-23T12:00:00Z");
        promises.rate(ALICE, p12.id(), 4);
        at("2026-10-29T10:00:00Z");
        promises.deliver(ALICE, p2.id());              // a day late
        at("2026-10-29T12:00:00Z");
        promises.rate(CAROL, p2.id(), 2);
        at("2026-10-30T10:00:00Z");
        promises.deliver(CAROL, p18.id());
        at("2026-10-30T12:00:00Z");
        promises.rate(ALICE, p18.id(), 5);
        at("2026-10-31T09:00:00Z");
        feedback(p18, "SECRET-translations a glossary", "", "");
        at("2026-10-31T12:00:00Z");
        thank(p18);

        // ------------------------------------------------------------ November
        at("2026-11-02T09:00:00Z");
        Promise p3 = make(ALICE, BOB, "the hiring plan", "2026-11-10T15:00:00Z");
        Promise p13 = make(BOB, CAROL, "the release notes", "2026-11-04T15:00:00Z");
        at("2026-11-05T10:00:00Z");
        promises.deliver(BOB, p13.id());                // late
        at("2026-11-05T12:00:00Z");
        promises.rate(CAROL, p13.id(), 3);
        at("2026-11-06T09:00:00Z");
        moveDue(ALICE, p3, "2026-11-13T15:00:00Z");     // early: before Nov 10
        at("2026-11-06T10:00:00Z");
        feedback(p13, "SECRET-notes list the breaking changes first", "", "");
        at("2026-11-09T09:00:00Z");
        Promise p4 = make(ALICE, CAROL, "the offsite agenda", "2026-11-17T15:00:00Z");
        at("2026-11-13T10:00:00Z");
        promises.deliver(ALICE, p3.id());
        at("2026-11-13T12:00:00Z");
        promises.rate(BOB, p3.id(), 4);
        at("2026-11-16T09:00:00Z");
        Promise p5 = make(ALICE, BOB, "the vendor contract", "2026-11-25T15:00:00Z");
        Promise p6 = make(ALICE, CAROL, "the team survey", "2026-11-26T15:00:00Z");
        Promise p14 = make(BOB, ALICE, "the design doc", "2026-11-24T15:00:00Z");
        Promise p17 = make(BOB, CAROL, "the migration", "2026-11-25T12:00:00Z");
        at("2026-11-18T09:00:00Z");
        moveDue(ALICE, p4, "2026-11-20T15:00:00Z");     // late: Nov 17 has passed
        at("2026-11-20T09:00:00Z");
        Promise p9 = request(ALICE, CAROL, "the customer call notes", "2026-11-24T15:00:00Z");
        Promise p11 = request(ALICE, CAROL, "the weekend cover", "2026-11-28T15:00:00Z");
        at("2026-11-20T10:00:00Z");
        promises.deliver(ALICE, p4.id());               // by the new date
        at("2026-11-20T12:00:00Z");
        promises.acceptRequest(ALICE, p9.id());
        promises.decline(ALICE, p11.id(), "I'm away that weekend");

        // ------------------------------------------------------------ the digest's week
        at("2026-11-23T10:00:00Z");
        Promise p7 = make(ALICE, BOB, "the lunch booking", "2026-11-27T15:00:00Z");
        Promise p15 = make(BOB, CAROL, "the load test", "2026-11-26T15:00:00Z");
        at("2026-11-23T11:00:00Z");
        Promise p16 = make(BOB, ALICE, "the security audit", "2026-12-04T15:00:00Z");
        at("2026-11-23T12:00:00Z");
        Promise p19 = make(CAROL, BOB, "the dashboard", "2026-11-25T15:00:00Z");
        promises.deliver(BOB, p14.id());
        at("2026-11-24T09:00:00Z");
        promises.cancel(ALICE, p6.id(), "Out sick this week, sorry");
        promises.rate(ALICE, p14.id(), 5);
        Promise p20 = make(CAROL, BOB, "the onboarding guide", "2026-12-01T15:00:00Z");
        at("2026-11-24T10:00:00Z");
        promises.deliver(ALICE, p9.id());
        promises.cancel(BOB, p7.id(), "");
        at("2026-11-24T12:00:00Z");
        promises.rate(CAROL, p9.id(), 1);
        feedback(p14, "", "", "SECRET-design thank you, it was clear");
        at("2026-11-25T09:00:00Z");
        feedback(p9, "", "SECRET-callnotes I could have sent the recording", "");
        thank(p14);
        moveDue(BOB, p15, "2026-11-27T15:00:00Z");      // early: before Nov 26
        promises.deliver(CAROL, p19.id());
        Promise p8 = make(ALICE, CAROL, "the slides polish", "2026-12-03T15:00:00Z");
        at("2026-11-25T12:00:00Z");
        thank(p9);
        promises.rate(BOB, p19.id(), 5);
        at("2026-11-26T09:00:00Z");
        Promise p10 = request(ALICE, BOB, "the expense report", "2026-12-02T15:00:00Z");
        at("2026-11-26T10:00:00Z");
        promises.deliver(BOB, p17.id());                // late
        at("2026-11-26T12:00:00Z");
        promises.rate(CAROL, p17.id(), 3);
        at("2026-11-27T10:00:00Z");
        promises.deliver(BOB, p15.id());
        at("2026-11-27T12:00:00Z");
        promises.rate(CAROL, p15.id(), 4);
        at("2026-11-28T09:00:00Z");
        feedback(p15, "SECRET-loadtest share the raw numbers", "", "");
        at("2026-11-28T12:00:00Z");
        thank(p15);

        at("2026-11-30T09:00:00Z");
        slack.reset();

        // ------------------------------------------------------------ /promise stats, Alice (Berlin)
        // Kept on time, all time: counted P1 P2 P3 P4 P5 P6 P9 (P7 cancelled, P8 not due, P10 waiting, P11 declined);
        //   on time P1 P3 P4 P9 → 4 of 7 (57%). November (in Berlin): P3 P4 P5 P6 P9 → 3 of 5 (60%).
        // Renegotiated: P3 early (Nov 6), P4 late (Nov 18).
        // Ratings received: Nov P3 4 + P9 1 = 2.5 over 2 (rounds to 3: "It's okay"); all time + P1 5 + P2 2 = 12/4 = 3.0.
        // Feedback given (on P14 Nov 24, P18 Oct 31): 1 / 2; received (P9 Nov 25, P1 Oct 22): 1 / 2;
        // thanks for hers (P14 Nov 25, P18 Oct 31): 1 / 2.
        // Weeks from Mon 12 Oct: none · | P1 █ | P2 ▁ | none · (P3 moved away) | P3 █ | P4 █ | P9 of P5 P6 P9: 1/3 ▃ | none ·
        slash("U111", "stats");
        Call alicesStats = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Your promises, in numbers"));
        assertThat(alicesStats.param("response_type")).isEqualTo("ephemeral");
        assertThat(readable(alicesStats.body())).isEqualTo("""
                Your promises, in numbers
                This month (November)
                Kept on time: 3 of 5 (60%)
                Renegotiated: 1 early, 1 late
                Satisfaction received: 2.5 of 5, 😐 It's okay (2 ratings)
                Feedback: 1 given, 1 received
                Thanks for your feedback: 1
                All time
                Kept on time: 4 of 7 (57%)
                Renegotiated: 1 early, 1 late
                Satisfaction received: 3.0 of 5, 😐 It's okay (4 ratings)
                Feedback: 2 given, 2 received
                Thanks for your feedback: 2
                On time, the last 8 weeks: ·█▁·██▃·  (oldest → this week; · nothing was due)
                """ + NOTE);

        // ------------------------------------------------------------ stats as a DM, Carol (Tokyo)
        // On time: P18 (due Oct 30 15:00 UTC = Oct 31 00:00 in Tokyo, so October) and P19 (Nov 25): 2 of 2, November 1 of 1.
        // Rated 5 both (P18 in October). Feedback given P13 P9 P15, all November: 3; received P18 (October): 0 / 1;
        // thanked for P9 and P15 (not P13): 2. Weeks: P18 in the week of Oct 26, P19 in the week of Nov 23.
        directMessage("U333", "stats");
        Call carolsStats = awaitCall("chat.postMessage", c -> "DU333".equals(c.param("channel")));
        assertThat(readable(carolsStats.blocks())).contains("""
                This month (November)
                Kept on time: 1 of 1 (100%)
                Renegotiated: 0 early, 0 late
                Satisfaction received: 5.0 of 5, 🤩 Delighted (1 rating)
                Feedback: 3 given, 0 received
                Thanks for your feedback: 2
                All time
                Kept on time: 2 of 2 (100%)
                Renegotiated: 0 early, 0 late
                Satisfaction received: 5.0 of 5, 🤩 Delighted (2 ratings)
                Feedback: 3 given, 1 received
                Thanks for your feedback: 2
                On time, the last 8 weeks: ··█···█·""");

        // ------------------------------------------------------------ App Home, Bob (New York, 04:00)
        // Open: he promised P16; promised to him P5 (overdue) and P20; he asked Alice for P10.
        // Kept on time, all time: P12 P13 P14 P15 P17 counted, P12 P14 P15 on time → 3 of 5 (60%);
        //   November: P13 P14 P15 P17 → 2 of 4 (50%). Renegotiated: P15 early.
        // Ratings: Nov P13 3 + P14 5 + P17 3 + P15 4 = 15/4 = 3.75 → 3.8 ("Satisfied"); all time + P12 4 = 19/5 = 3.8.
        // Feedback received P13 P14 P15 (3); given P1 (October): 0 / 1; thanked for it (October): 0 / 1.
        // Weeks: P12 (Oct 19) █, P13 (Nov 2) ▁, Nov 23: P14 P15 on time, P17 late: 2/3 → round(4.67) = 5 → ▆.
        signedPost(JSON, homeOpenedBody("U222", "home"));
        Call bobsHome = SlackAppHomeTest.awaitHome("U222");
        assertThat(readable(bobsHome.view())).isEqualTo("""
                Your promises with Kept
                You promised
                %1$s · the security audit to <@U111> · due Friday 4 Dec, 10:00
                [Mark delivered]
                Promised to you
                %2$s · the vendor contract from <@U111> · due Wednesday 25 Nov, 10:00 · overdue
                %3$s · the onboarding guide from <@U333> · due Tuesday 1 Dec, 10:00
                You asked, waiting for an answer
                %4$s · the expense report, asked of <@U111> · by Wednesday 2 Dec, 10:00
                How you're doing
                This month (November)
                Kept on time: 2 of 4 (50%%)
                Renegotiated: 1 early, 0 late
                Satisfaction received: 3.8 of 5, 🙂 Satisfied (4 ratings)
                Feedback: 0 given, 3 received
                Thanks for your feedback: 0
                All time
                Kept on time: 3 of 5 (60%%)
                Renegotiated: 1 early, 0 late
                Satisfaction received: 3.8 of 5, 🙂 Satisfied (5 ratings)
                Feedback: 1 given, 3 received
                Thanks for your feedback: 1
                On time, the last 8 weeks: ·█·▁··▆·  (oldest → this week; · nothing was due)
                %5$s
                Feedback to you
                <@U333> on the load test (%6$s), Saturday 28 Nov, 04:00:
                Even better: SECRET-loadtest share the raw numbers
                <@U111> on the design doc (%7$s), Tuesday 24 Nov, 07:00:
                Thanks: SECRET-design thank you, it was clear
                <@U333> on the release notes (%8$s), Friday 6 Nov, 05:00:
                Even better: SECRET-notes list the breaking changes first
                Thanks for your feedback
                <@U111> thanked you for your feedback on the Q3 deck (Thursday 22 Oct, 08:00)
                Times are in your time zone (America/New_York). Updated Monday 30 Nov, 04:00; open this tab again to see the latest."""
                .formatted(p16.id(), p5.id(), p20.id(), p10.id(), NOTE, p15.id(), p14.id(), p13.id()));

        // ------------------------------------------------------------ App Home, Alice: her request buttons
        signedPost(JSON, homeOpenedBody("U111", "home"));
        Call alicesHome = SlackAppHomeTest.awaitHome("U111");
        assertThat(readable(alicesHome.view())).contains("""
                Waiting for your answer
                <@U222> asks you for the expense report by Wednesday 2 Dec, 16:00 (%1$s)
                [I'll do it]
                [Suggest another date]
                [Can't take this on]
                You promised
                %2$s · the vendor contract to <@U222> · due Wednesday 25 Nov, 16:00 · overdue
                [Mark delivered]
                %3$s · the slides polish to <@U333> · due Thursday 3 Dec, 16:00
                [Mark delivered]
                Promised to you
                %4$s · the security audit from <@U222> · due Friday 4 Dec, 16:00
                How you're doing""".formatted(p10.id(), p5.id(), p8.id(), p16.id()))
                .contains("On time, the last 8 weeks: ·█▁·██▃·")
                .contains("""
                        Feedback to you
                        <@U333> on the customer call notes (%1$s), Wednesday 25 Nov, 10:00:
                        What they could have done: SECRET-callnotes I could have sent the recording
                        <@U222> on the Q3 deck (%2$s), Thursday 22 Oct, 11:00:
                        Even better: SECRET-deck a summary slide up front
                        Thanks for your feedback
                        <@U222> thanked you for your feedback on the design doc (Wednesday 25 Nov, 10:00)
                        <@U333> thanked you for your feedback on the translations (Saturday 31 Oct, 13:00)
                        """.formatted(p9.id(), p1.id()));
        assertThat(alicesHome.view()).contains("\"action_id\":\"request.accept\"", "\"action_id\":\"request.propose\"",
                "\"action_id\":\"request.decline\"", "\"value\":\"" + p10.id() + "\"", "\"value\":\"" + p8.id() + "\"");

        // ------------------------------------------------------------ the weekly digest, Monday 09:00 UTC
        // Made in the week: P7 P15 P16 P19 P20 P8 (P10 is only asked) = 6. Delivered: P14 P9 P19 P17 P15 = 5.
        // Due in the week: P5 (overdue, untouched since Nov 16) P6 (released) P9 P14 P15 P17 (late) P19; not P7
        //   (cancelled) nor P11 (declined) → on time P9 P14 P15 P19: 4 of 7 (57%).
        // Ratings in the week: P14 5, P9 1, P19 5, P17 3, P15 4 = 18/5 = 3.6 ("Satisfied").
        // On time in the week: Bob P14 P15, Alice P9, Carol P19. Constructive feedback: Carol on P9 and P15
        //   (Alice's on P14 is thanks only).
        assertThat(digest.runNow()).isEqualTo(1);
        Call post = awaitCall("chat.postMessage", c -> DIGEST_CHANNEL.equals(c.param("channel")));
        assertThat(readable(post.blocks())).isEqualTo("""
                Kept: the week to Monday 30 Nov
                Promises made: 6
                Promises delivered: 5
                Kept on time: 4 of 7 (57%)
                Satisfaction: 3.6 of 5, 🙂 Satisfied (from 5 ratings)
                Kept their promises on time: <@U222> (2), <@U111> (1), <@U333> (1)
                Shared constructive feedback: <@U333> (2)
                Thank you all!
                From Monday 23 Nov, 09:00 to Monday 30 Nov, 09:00 (UTC). Only totals are shared here: each rating \
                and every word of feedback stays between the two people it concerns.""");
        assertThat(post.body()).doesNotContain("SECRET");
        assertThat(post.mentions("Not at all")).isFalse();
        assertThat(digest.runNow()).isZero();
    }
}
