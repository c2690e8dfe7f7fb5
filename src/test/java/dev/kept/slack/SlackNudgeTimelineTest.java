package dev.kept.slack;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole life of a promise as Kept speaks up by itself: reminder, due-time question, delivery,
 * rating question, rating to the provider; and the one overdue follow-up, then silence. Working
 * hours are off here (see SlackWorkingHoursTest for them); the clock is moved by hand.
 */
@TestPropertySource(properties = "kept.nudges.working-hours.enabled=false")
class SlackNudgeTimelineTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    /** Moves the clock and lets the dispatcher look at once. */
    void at(String instant) {
        clock.set(Instant.parse(instant));
        dispatcher.wake();
    }

    Promise make(String text) {
        slash("U111", text);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U111"), Side.MADE) > 0);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        Promise p = store.open(WS.person("U111"), Side.MADE, 1).get(0);
        slack.reset();
        return p;
    }

    @Test
    void remindedBeforeAskedAtDueDeliveredRatedAndTheProviderHearsIt() {
        // Monday 09:00Z: Alice (Berlin) promises Bob the deck by Friday 15:00 Berlin = 14:00Z.
        Promise p = make("<@U222|bob> the Q3 deck by friday 3pm");
        String id = p.id().value();

        at("2026-11-26T13:59:00Z");   // more than two days out: reminded one day before
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        at("2026-11-26T14:00:00Z");
        Call reminder = awaitDm("U111", c -> c.mentions("Reminder"));
        assertThat(reminder.mentions("the Q3 deck")).isTrue();
        assertThat(reminder.blocks()).contains(ActionIds.DELIVER, ActionIds.MORE_TIME, "nudge.snooze", "nudge.snooze_morning");
        assertThat(reminder.param("metadata")).contains("kept_nudge", id);

        at("2026-11-27T14:00:00Z");
        Call due = awaitDm("U111", c -> c.mentions("is due now"));
        assertThat(due.blocks()).contains(ActionIds.DELIVER, ActionIds.MORE_TIME, ActionIds.RELEASE);

        click("U111", ActionIds.DELIVER, id);
        awaitDm("U222", c -> c.mentions("has delivered"));
        assertThat(store.find(WS, p.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.DELIVERED);

        at("2026-11-27T15:59:00Z");   // two hours to look at it first
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.mentions("How satisfied"))).isEmpty();
        at("2026-11-27T16:00:00Z");
        Call question = awaitDm("U222", c -> c.mentions("How satisfied are you"));
        assertThat(question.mentions("Delighted")).isTrue();
        assertThat(question.blocks()).contains(id + ":1", id + ":5");

        slack.reset();
        click("U111", ActionIds.RATE, id + ":5");  // not Alice's question
        Call notYours = awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        assertThat(notYours.mentions("Only")).isTrue();
        assertThat(notYours.param("response_type")).isEqualTo("ephemeral");
        assertThat(store.find(WS, p.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.DELIVERED);

        slack.reset();
        click("U222", ActionIds.RATE, id + ":4");
        Call thanks = awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")));
        assertThat(thanks.mentions("Thanks! You rated")).isTrue();
        Call toAlice = awaitDm("U111", c -> c.mentions("rated"));
        assertThat(toAlice.mentions("Satisfied (4 of 5)")).isTrue();
        assertThat(store.find(WS, p.id())).get().satisfies(after -> {
            assertThat(after.status()).isEqualTo(PromiseStatus.ASSURED);
            assertThat(after.rating()).isEqualTo(4);
        });

        slack.reset();
        click("U222", ActionIds.RATE, id + ":1");
        assertThat(awaitCall(FakeSlackApi.RESPONSE_URL, c -> true).mentions("already rated")).isTrue();
        assertThat(store.find(WS, p.id())).get().extracting(Promise::rating).isEqualTo(4);

        at("2026-11-30T16:00:00Z");    // no second question once answered, nothing else either
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void anUnansweredRatingIsAskedOnceMoreAndClosesAfterSevenDays() {
        Promise p = make("<@U222|bob> the budget by tomorrow 10am");
        String id = p.id().value();
        slash("U111", "done " + id);
        awaitDm("U222", c -> c.mentions("has delivered"));

        at("2026-11-23T11:00:00Z");
        awaitDm("U222", c -> c.mentions("How satisfied") && !c.mentions("second ask"));
        at("2026-11-24T11:00:00Z");
        Call again = awaitDm("U222", c -> c.mentions("A gentle second ask"));
        assertThat(again.blocks()).contains(id + ":3");

        at("2026-12-01T09:00:00Z");      // more than seven days after delivery
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.mentions("How satisfied"))).hasSize(2);
        slack.reset();
        click("U222", ActionIds.RATE, id + ":5");
        assertThat(awaitCall(FakeSlackApi.RESPONSE_URL, c -> true).mentions("has closed")).isTrue();
        assertThat(store.find(WS, p.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.DELIVERED);
        assertThat(slack.calls("chat.postMessage")).isEmpty();   // Alice is not told anything
    }

    @Test
    void aMissedDueTimeGetsOneFollowUpAndThenKeptStops() {
        Promise p = make("<@U222|bob> the budget by tomorrow 10am");   // Tue 10:00 Berlin = 09:00Z
        // Due in 24 h: reminded when half the time is left.
        at("2026-11-23T21:00:00Z");
        awaitDm("U111", c -> c.mentions("Reminder"));
        at("2026-11-24T09:00:00Z");
        awaitDm("U111", c -> c.mentions("is due now"));
        at("2026-11-25T09:00:00Z");
        Call overdue = awaitDm("U111", c -> c.mentions("was due"));
        assertThat(overdue.mentions("my last reminder")).isTrue();

        at("2026-12-10T09:00:00Z");
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> "U111".equals(c.param("channel"))).hasSize(3);
        // Bob hears once that it slipped, with ways to help rather than a complaint button.
        Call slipped = awaitDm("U222", c -> c.mentions("isn't delivered yet"));
        assertThat(slipped.blocks()).contains(ActionIds.SLIP_HELP, ActionIds.SLIP_TIME, ActionIds.SLIP_CLARIFY);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> "U222".equals(c.param("channel"))).hasSize(1);
        assertThat(store.find(WS, p.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void needMoreTimeMovesTheDateTellsTheReceiverAndRestartsTheNudges() {
        Promise p = make("<@U222|bob> the budget by tomorrow 10am");
        String id = p.id().value();
        at("2026-11-24T09:00:00Z");
        awaitDm("U111", c -> c.mentions("is due now"));

        click("U111", ActionIds.MORE_TIME, id);
        Call form = awaitCall("views.open", c -> true);
        assertThat(form.view()).contains(ActionIds.MORE_TIME_FORM, id);
        long friday = Instant.parse("2026-11-27T09:00:00Z").getEpochSecond();
        String submission = SlackRequests.viewSubmissionPayload(TEAM, "U111", ActionIds.MORE_TIME_FORM, id, Map.of(
                ActionIds.INPUT_DUE, Map.of(ActionIds.INPUT_DUE, SlackRequests.dateTime(friday)),
                ActionIds.INPUT_NOTE, Map.of(ActionIds.INPUT_NOTE, SlackRequests.plainText("the numbers came in late"))));
        assertThat(signedPost(SlackRequests.FORM, SlackRequests.interactionBody(submission)).statusCode()).isEqualTo(200);
        Call toBob = awaitDm("U222", c -> c.mentions("moved"));
        assertThat(toBob.mentions("the numbers came in late")).isTrue();
        Promise moved = store.find(WS, p.id()).orElseThrow();
        assertThat(moved.renegotiations()).isEqualTo(1);
        assertThat(moved.due()).isEqualTo(Instant.ofEpochSecond(friday));

        slack.reset();
        at("2026-11-25T09:00:00Z");     // the old overdue follow-up is gone
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.mentions("was due"))).isEmpty();
        at("2026-11-27T09:00:00Z");     // the new due time is asked about
        awaitDm("U111", c -> c.mentions("is due now"));
    }

    /** Alice clicks "Snooze 1 hour" on the reminder {@code nudgeId}; Kept's answer to the click. */
    Call snooze(String nudgeId) {
        slack.reset();
        click("U111", "nudge.snooze", nudgeId);
        return awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
    }

    @Test
    void aSnoozedReminderComesBackLater() {
        Promise p = make("<@U222|bob> the budget by tomorrow 10am");
        at("2026-11-23T21:00:00Z");
        Call reminder = awaitDm("U111", c -> c.mentions("Reminder"));
        String nudgeId = p.id().value() + ".reminder." + p.due().getEpochSecond();
        assertThat(reminder.blocks()).contains(nudgeId);

        Call snoozed = snooze(nudgeId);
        assertThat(snoozed.mentions("Snoozed")).isTrue();
        assertThat(snoozed.param("replace_original")).isEqualTo("true");

        at("2026-11-23T21:59:00Z");
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        at("2026-11-23T22:00:00Z");
        awaitDm("U111", c -> c.mentions("Reminder"));
    }

    @Test
    void aReminderOfAPromiseMadeInNHoursCanBeSnoozed() {
        // "in 36 hours" said at a time with milliseconds: the due is kept to the second, so the reminder's
        // button (epoch seconds) still names the promise's due and the snooze is taken.
        at("2026-11-23T09:00:30.250Z");
        Promise p = make("<@U222|bob> the budget in 36 hours");
        assertThat(p.due()).isEqualTo(Instant.parse("2026-11-24T21:00:30Z"));
        at("2026-11-24T09:00:00Z");
        Call reminder = awaitDm("U111", c -> c.mentions("Reminder"));
        String nudgeId = p.id().value() + ".reminder." + p.due().getEpochSecond();
        assertThat(reminder.blocks()).contains(nudgeId);

        Call answer = snooze(nudgeId);
        assertThat(answer.mentions("Snoozed")).as(answer.toString()).isTrue();
    }

    @Test
    void deliveredEarlyTheRemindersAreDroppedQuietly() {
        Promise p = make("<@U222|bob> the budget by tomorrow 10am");
        slash("U111", "done " + p.id().value());
        awaitDm("U222", c -> c.mentions("has delivered"));
        slack.reset();
        at("2026-11-24T09:00:00Z");
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "U111".equals(c.param("channel")))).isEmpty();
    }

    /** Issue 12: uninstalling Kept, or revoking its bot token, stops nudges to that workspace at once. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"event-app_uninstalled.json", "event-tokens_revoked.json"})
    void goneFromTheWorkspaceNoNudgeGoesOutUntilKeptIsUsedThereAgain(String recorded) {
        make("<@U222|bob> the Q3 deck by friday 3pm");
        assertThat(queue.queued(WS)).isPositive();

        assertThat(signedPost(SlackRequests.JSON, SlackReplayTest.resource(recorded)).statusCode()).isEqualTo(200);
        assertThat(queue.paused()).containsKey(WS);
        long waiting = queue.queued(WS);

        clock.set(Instant.parse("2026-11-26T14:00:00Z"));   // the reminder is due
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(queue.queued(WS)).as("paused, not thrown away").isEqualTo(waiting);

        slash("U111", "list");   // Slack sends commands only to an installed app: Kept is back
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.paused().isEmpty());
        dispatcher.wake();
        awaitDm("U111", c -> c.mentions("Reminder") && c.mentions("the Q3 deck"));
    }

    @Test
    void revokingOnlyUserTokensLeavesNudgesAlone() {
        make("<@U222|bob> the Q3 deck by friday 3pm");
        String userTokensOnly = SlackReplayTest.resource("event-tokens_revoked.json")
                .replaceAll("\"bot\": \\[[^\\]]*\\]", "\"bot\": []");

        assertThat(signedPost(SlackRequests.JSON, userTokensOnly).statusCode()).isEqualTo(200);

        assertThat(queue.paused()).isEmpty();
        at("2026-11-26T14:00:00Z");
        awaitDm("U111", c -> c.mentions("Reminder"));
    }
}
