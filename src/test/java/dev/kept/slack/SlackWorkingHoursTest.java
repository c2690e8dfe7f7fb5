package dev.kept.slack;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nudges in each recipient's own working hours (on, Monday–Friday 09:00–18:00, as by default), over HTTP
 * with the clock moved by hand: nothing arrives at night or over the weekend, and what waited arrives when
 * the recipient's window opens. Alice is in Berlin (UTC+1 in November), Bob in New York (UTC-5), Carol in
 * Tokyo (UTC+9). The test starts on Monday 23 November 2026, 09:00Z.
 *
 * <p>Every "not yet" step moves the clock, lets the dispatcher look, and checks both that nothing was posted
 * to the person and that the nudge is still queued for the expected moment.
 */
class SlackWorkingHoursTest extends SlackHttpTestSupport {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** A promise made over HTTP by {@code provider}; the Slack calls so far are forgotten. */
    Promise make(String provider, String text) {
        slash(provider, text);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person(provider), Side.MADE) > 0);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        Promise p = store.open(WS.person(provider), Side.MADE, 1).get(0);
        slack.reset();
        return p;
    }

    /** Moves the clock and runs one round of the dispatcher in this thread. */
    void at(Instant t) {
        clock.set(t);
        dispatcher.wake();
        dispatcher.dispatchDue();
    }

    /** At {@code t} nothing reaches {@code user}, and the next nudge is still queued for {@code queuedFor}. */
    void nothingYet(Instant t, String user, Instant queuedFor) {
        at(t);
        assertThat(dmsTo(user)).as("messages to %s at %s", user, t).isEmpty();
        assertThat(queue.nextDue()).as("next nudge, seen at %s", t).contains(queuedFor);
    }

    @Test
    void aRatingQuestionForADeliveryOnFridayEveningWaitsForTheReceiversMondayInHisZone() {
        Promise p = make("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        String id = p.id().value();
        assertThat(p.due()).isEqualTo(local("2026-11-27T15:00", BERLIN));

        at(local("2026-11-27T15:00", BERLIN));
        awaitDm("U111", c -> c.mentions("is due now"));

        // Friday 23:30 in Berlin is 17:30 in New York: half an hour of Bob's window is left.
        Instant delivered = local("2026-11-27T23:30", BERLIN);
        assertThat(delivered).isEqualTo(local("2026-11-27T17:30", NEW_YORK));
        clock.set(delivered);
        slack.reset();
        slash("U111", "done " + id);
        awaitDm("U222", c -> c.mentions("has delivered"));
        assertThat(store.find(WS, p.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.DELIVERED);
        slack.reset();

        // Two working hours for Bob: 30 minutes on Friday, 90 on Monday. Monday 10:30 in New York.
        Instant asked = local("2026-11-30T10:30", NEW_YORK);
        assertThat(asked).isEqualTo(Instant.parse("2026-11-30T15:30:00Z"));
        awaitNextDue(asked);   // and Alice's overdue follow-up went with the delivery
        nothingYet(delivered.plus(Duration.ofHours(2)), "U222", asked);   // Friday 19:30 New York
        nothingYet(local("2026-11-28T12:00", NEW_YORK), "U222", asked);   // Saturday
        nothingYet(local("2026-11-29T12:00", NEW_YORK), "U222", asked);   // Sunday
        nothingYet(local("2026-11-30T04:00", NEW_YORK), "U222", asked);   // Monday night; 10:00 in Berlin
        nothingYet(local("2026-11-30T09:00", NEW_YORK), "U222", asked);   // Bob's window opens
        nothingYet(asked.minusSeconds(1), "U222", asked);

        at(asked);
        Call question = awaitDm("U222", c -> c.mentions("How satisfied are you"));
        assertThat(question.blocks()).contains(id + ":1", id + ":5");
        assertThat(dmsTo("U222")).hasSize(1);
        assertThat(dmsTo("U111")).isEmpty();

        // Unanswered: asked once more a working day later, at the same time in New York.
        awaitNextDue(local("2026-12-01T10:30", NEW_YORK));
    }

    @Test
    void aDueTimeOnSaturdayIsAskedAboutOnMondayAtNineInBerlin() {
        Promise p = make("U111", "<@U222|bob> the report by saturday noon");
        Instant due = local("2026-11-28T12:00", BERLIN);
        assertThat(p.due()).isEqualTo(due);

        // Reminded one working day before: Friday noon.
        Instant reminded = local("2026-11-27T12:00", BERLIN);
        nothingYet(reminded.minusSeconds(1), "U111", reminded);
        at(reminded);
        awaitDm("U111", c -> c.mentions("Reminder"));
        slack.reset();

        Instant asked = local("2026-11-30T09:00", BERLIN);
        awaitNextDue(asked);
        nothingYet(due, "U111", asked);                                   // Saturday noon: the due time itself
        nothingYet(local("2026-11-29T12:00", BERLIN), "U111", asked);     // Sunday
        nothingYet(asked.minusSeconds(1), "U111", asked);                 // Monday 08:59:59

        at(asked);
        Call question = awaitDm("U111", c -> c.mentions("is due now"));
        assertThat(question.mentions("Saturday 28 Nov, 12:00")).isTrue();
        assertThat(dmsTo("U111")).hasSize(1);
        assertThat(dmsTo("U222")).isEmpty();
    }

    @Test
    void aProviderInTokyoIsNudgedInTokyoWorkingHoursAndTheReceiverInBerlinInHers() {
        // Monday 18:00 in Tokyo: Carol promises Alice the slides by Friday 20:00 Tokyo (12:00 in Berlin).
        Promise p = make("U333", "<@U111|alice> the slides by friday 8pm");
        String id = p.id().value();
        Instant due = local("2026-11-27T20:00", TOKYO);
        assertThat(p.due()).isEqualTo(due);

        // One working day before is Thursday 20:00, after Carol's window: the next morning is still well ahead.
        Instant reminded = local("2026-11-27T09:00", TOKYO);
        nothingYet(local("2026-11-25T16:00", BERLIN), "U333", reminded);   // Berlin's afternoon, Tokyo's night
        nothingYet(reminded.minusSeconds(1), "U333", reminded);
        at(reminded);
        awaitDm("U333", c -> c.mentions("Reminder"));
        slack.reset();

        // Friday 20:00 in Tokyo is after Carol's window: asked Monday 09:00 Tokyo (Sunday night in Berlin).
        Instant asked = local("2026-11-30T09:00", TOKYO);
        awaitNextDue(asked);
        nothingYet(due, "U333", asked);
        nothingYet(local("2026-11-28T12:00", TOKYO), "U333", asked);
        nothingYet(asked.minusSeconds(1), "U333", asked);
        at(asked);
        Call question = awaitDm("U333", c -> c.mentions("is due now"));
        assertThat(question.mentions("Friday 27 Nov, 20:00")).isTrue();   // the due time, in Tokyo time
        slack.reset();

        // The one follow-up: a working day after the due time, moved into Carol's next window (Tuesday 09:00).
        Instant followedUp = local("2026-12-01T09:00", TOKYO);
        awaitNextDue(followedUp);
        nothingYet(local("2026-11-30T20:00", TOKYO), "U333", followedUp);
        at(followedUp);
        awaitDm("U333", c -> c.mentions("was due"));
        slack.reset();

        // Carol delivers at 09:30 Tokyo, 01:30 in Berlin: Alice is asked two working hours into her day.
        clock.set(local("2026-12-01T09:30", TOKYO));
        slash("U333", "done " + id);
        awaitDm("U111", c -> c.mentions("has delivered"));
        slack.reset();
        Instant ratingAsked = local("2026-12-01T11:00", BERLIN);
        awaitNextDue(ratingAsked);
        nothingYet(local("2026-12-01T09:00", BERLIN), "U111", ratingAsked);
        nothingYet(ratingAsked.minusSeconds(1), "U111", ratingAsked);
        at(ratingAsked);
        awaitDm("U111", c -> c.mentions("How satisfied are you"));
        assertThat(dmsTo("U111")).hasSize(1);
        assertThat(dmsTo("U333")).isEmpty();
    }
}
