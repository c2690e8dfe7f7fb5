package dev.kept.teams;

import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.Side;
import dev.kept.testing.teams.FakeBotFramework.Sent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept in Teams, end to end: the card form, a proactive card to a colleague who never wrote, nudges,
 * delivery, rating, feedback and thanks; a colleague who wrote before reached in their own chat.
 */
class TeamsFlowTest extends TeamsHttpTestSupport {

    @Test
    void aPromiseMadeWithTheCardFormGoesAllTheWayToFeedbackAndThanks() {
        // AGREE through the card form: Alice types "promise" and picks Bob, who never wrote to Kept.
        assertThat(say(alice, "promise").statusCode()).isEqualTo(200);
        Sent form = awaitSent(dm(alice), s -> s.mentions("Make a promise"));
        assertThat(form.card().toString()).contains("graph.microsoft.com/users");
        JsonNode sentForm = execute(alice, form, SUBMIT, inputs(
                ActionIds.INPUT_RECEIVER, bob.aadObjectId(),
                ActionIds.INPUT_WHAT, "the Q3 deck",
                ActionIds.INPUT_DUE + ".date", "2026-11-27",
                ActionIds.INPUT_DUE + ".time", "15:00"));
        assertThat(sentForm.path("type").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(sentForm.toString()).contains("Sent.");

        // Bob gets a proactive card in a chat Kept opened with him, and Kept learnt his name from it.
        Sent toBob = awaitSent(dm(bob), s -> s.mentions("promised you"));
        assertThat(toBob.mentions("the Q3 deck")).isTrue();
        assertThat(toBob.mentions("Alice Archer")).isTrue();
        // Teams told Kept nothing of Bob's zone yet, so the time says it is UTC rather than "your time".
        assertThat(toBob.mentions("Friday 27 Nov, 14:00 (UTC)")).isTrue();
        assertThat(teams.createdConversations()).containsExactly(dm(bob));
        Promise p = store.open(WS.person(alice.aadObjectId()), Side.MADE, 1).get(0);
        assertThat(p.receiverId()).isEqualTo(bob.aadObjectId());
        // 15:00 in Alice's Berlin is 14:00 UTC.
        assertThat(p.due()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        String id = p.id().value();

        // DELIVER: Alice is reminded a day before it is due, and delivers from the reminder.
        at(Instant.parse("2026-11-26T14:00:00Z"));
        Sent reminder = awaitSent(dm(alice), s -> s.mentions("Reminder: you promised"));
        execute(alice, reminder, button(ActionIds.DELIVER, id), null);
        awaitSent(dm(alice), s -> s.mentions("Marked ") && s.mentions(") delivered."));
        awaitSent(dm(bob), s -> s.mentions("has delivered"));

        // ASSURE: Bob is asked for a rating, and rates 2 of 5; Alice hears it.
        at(Instant.parse("2026-11-27T09:00:00Z"));
        Sent rating = awaitSent(dm(bob), s -> s.mentions("How satisfied are you"));
        JsonNode rated = execute(bob, rating, button(ActionIds.rate(2), id + ":2"), null);
        assertThat(rated.toString()).contains("Sorry it fell short");
        awaitSent(dm(alice), s -> s.mentions("2 of 5"));

        // SERVICE IN REVERSE: Bob's feedback form comes as a card; Alice gets it with Thank them.
        ObjectNode replaced = JSON.createObjectNode();
        replaced.putArray("attachments").addObject().set("content", rated.path("value"));
        Sent again = new Sent(dm(bob), rating.activityId(), replaced, null, clock.instant());
        execute(bob, again, button(ActionIds.FEEDBACK, id), null);
        Sent feedbackForm = awaitSent(dm(bob), s -> actions(s.card()).stream().anyMatch(SUBMIT)
                && s.card().toString().contains(ActionIds.INPUT_BETTER));
        execute(bob, feedbackForm, SUBMIT, inputs(
                ActionIds.INPUT_BETTER, "a draft midway would have let me steer",
                ActionIds.INPUT_EASIER, "I could have sent the data on Monday"));
        Sent feedback = awaitSent(dm(alice), s -> s.mentions("a draft midway would have let me steer"));
        assertThat(feedback.mentions("I could have sent the data on Monday")).isTrue();

        execute(alice, feedback, button(ActionIds.FEEDBACK_THANK, id), null);
        awaitSent(dm(bob), s -> s.mentions("thanked you for your feedback"));
        Promise done = store.find(WS, p.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(PromiseStatus.ASSURED);
        assertThat(done.rating()).isEqualTo(2);
        assertThat(done.feedback().thanks()).isNotNull();
    }

    @Test
    void someoneWhoWroteBeforeIsReachedInTheirOwnChatByName() {
        say(carol, "hi");
        awaitSent(dm(carol), s -> s.mentions("promise"));
        say(alice, "promise @carol the budget by friday 3pm");
        Sent toCarol = awaitSent(dm(carol), s -> s.mentions("promised you"));
        assertThat(toCarol.mentions("the budget")).isTrue();
        assertThat(teams.createdConversations()).isEmpty();
        // Carol's own zone (Tokyo) came from her client and is how she reads the date.
        assertThat(toCarol.readable()).contains("Friday 27 Nov");
    }

    @Test
    void aColleagueKeptCannotReachIsRefusedClearlyAndNothingIsStored() {
        say(alice, "promise");
        Sent form = awaitSent(dm(alice), s -> s.mentions("Make a promise"));
        execute(alice, form, SUBMIT, inputs(
                ActionIds.INPUT_RECEIVER, "d0d00000-0000-4000-8000-00000000000d",
                ActionIds.INPUT_WHAT, "the Q3 deck",
                ActionIds.INPUT_DUE + ".date", "2026-11-27",
                ActionIds.INPUT_DUE + ".time", "15:00"));
        awaitSent(dm(alice), s -> s.mentions("couldn't find that colleague"));
        assertThat(store.all(WS.person(alice.aadObjectId()), Side.MADE)).isEmpty();
    }

    @Test
    void installingKeptSaysHelloOnceAndMakesThePersonReachable() {
        teams.post(kept(), teams.installationUpdate(carol, "add", clock.instant()), clock.instant());
        teams.post(kept(), teams.installed(carol, clock.instant()), clock.instant());
        awaitSent(dm(carol), s -> s.mentions("Kept helps you keep"));
        say(alice, "promise @carol the budget by friday 3pm");
        awaitSent(dm(carol), s -> s.mentions("promised you"));
        assertThat(teams.sent(dm(carol))).filteredOn(s -> s.mentions("Kept helps you keep")).hasSize(1);
    }

    @Test
    void askingAColleagueWorksThroughTheCardFormToo() {
        say(alice, "ask");
        Sent form = awaitSent(dm(alice), s -> s.mentions("Ask a colleague"));
        assertThat(form.card().toString()).contains("graph.microsoft.com/users");
        execute(alice, form, SUBMIT, inputs(
                ActionIds.INPUT_RECEIVER, carol.aadObjectId(),
                ActionIds.INPUT_WHAT, "the Q3 figures",
                ActionIds.INPUT_DUE + ".date", "2026-11-26",
                ActionIds.INPUT_DUE + ".time", "11:00"));
        Sent asked = awaitSent(dm(carol), s -> s.mentions("the Q3 figures")
                && actions(s.card()).stream().anyMatch(button(ActionIds.REQUEST_ACCEPT)));
        Promise request = store.all(WS.person(alice.aadObjectId()), Side.RECEIVED).get(0);
        assertThat(request.status()).isEqualTo(PromiseStatus.REQUESTED);

        execute(carol, asked, button(ActionIds.REQUEST_ACCEPT, request.id().value()), null);
        awaitSent(dm(alice), s -> s.mentions("the Q3 figures") && s.mentions("Carol Chen"));
        assertThat(store.find(WS, request.id()).orElseThrow().status()).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void aNudgeTeamsRateLimitsArrivesOnceWhenItsWaitIsOver() {
        say(carol, "hi");
        awaitSent(dm(carol), s -> s.mentions("promise"));
        say(alice, "promise @carol the budget by friday 3pm");
        awaitSent(dm(carol), s -> s.mentions("promised you"));

        teams.rateLimitNext(1, 30);
        at(Instant.parse("2026-11-26T14:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> teams.calls().stream().anyMatch(c -> c.status() == 429));
        assertThat(teams.sent(dm(alice))).noneMatch(s -> s.mentions("Reminder: you promised"));

        at(Instant.parse("2026-11-26T14:00:31Z"));
        awaitSent(dm(alice), s -> s.mentions("Reminder: you promised"));
        at(Instant.parse("2026-11-26T14:05:00Z"));
        assertThat(teams.sent(dm(alice))).filteredOn(s -> s.mentions("Reminder: you promised")).hasSize(1);
    }
}
