package dev.kept.slack;

import dev.kept.chat.PersonalSettings;
import dev.kept.chat.SettingsStore;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Explore and service in reverse, end to end through Slack: what matters (answered by a DM reply),
 * feedback both ways after the rating, the provider's thanks and reply reaching the receiver, the
 * receiver's answer when a promise slips, and the opt-out.
 */
@TestPropertySource(properties = "kept.nudges.working-hours.enabled=false")
class SlackServiceInReverseTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    SettingsStore settings;

    void at(Instant instant) {
        clock.set(instant);
        dispatcher.wake();
    }

    Promise promiseToBob(String text) {
        slash("U111", "<@U222|bob> " + text);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U111"), Side.MADE) > 0);
        return store.open(WS.person("U111"), Side.MADE, 1).get(0);
    }

    /** Alice delivers, and Bob has heard it (clicks are handled after the ack, so wait for it). */
    void deliver(Promise p) {
        click("U111", ActionIds.DELIVER, p.id().value());
        awaitDm("U222", c -> c.mentions("has delivered") && c.mentions(p.id().value()));
    }

    Promise current(Promise p) {
        return store.find(WS, p.id()).orElseThrow();
    }

    @Test
    void aPromiseGoesThroughEveryStepAndTheReceiversVoiceIsHeard() {
        // AGREE, with EXPLORE: Bob is asked what matters, and answers by replying in the DM.
        Promise p = promiseToBob("the Q3 deck by friday 3pm");
        String id = p.id().value();
        Call made = awaitDm("U222", c -> c.mentions("promised you"));
        assertThat(made.mentions("What matters most to you about it?")).isTrue();
        assertThat(made.blocks()).contains(ActionIds.MATTERS);

        directMessage("U222", "the revenue numbers, in our board template");
        Call noted = awaitAnswerIn("U222", c -> c.mentions("Got it"));
        assertThat(noted.mentions("the revenue numbers, in our board template")).isTrue();
        Call toAlice = awaitDm("U111", c -> c.mentions("what matters most to them"));
        assertThat(toAlice.mentions("the revenue numbers, in our board template")).isTrue();
        assertThat(current(p).whatMatters()).isEqualTo("the revenue numbers, in our board template");

        // DELIVER, then ASSURE: the rating question comes by itself; Bob answers 2 of 5.
        click("U111", ActionIds.DELIVER, id);
        awaitDm("U222", c -> c.mentions("has delivered"));
        at(Instant.parse("2026-11-24T09:00:00Z"));
        awaitDm("U222", c -> c.mentions("How satisfied are you"));
        click("U222", ActionIds.RATE, id + ":2");
        Call thanks = awaitReplaced(c -> c.mentions("You rated"));
        assertThat(thanks.mentions("Sorry it fell short")).isTrue();
        assertThat(thanks.mentions("what could you have done to make it easier for them?")).isTrue();
        assertThat(thanks.blocks()).contains(ActionIds.FEEDBACK);
        awaitDm("U111", c -> c.mentions("Not quite (2 of 5)"));

        // SERVICE IN REVERSE: feedback, and what Bob could have done to make it easier.
        click("U222", ActionIds.FEEDBACK, id);
        Call form = awaitCall("views.open", c -> c.view().contains(ActionIds.FEEDBACK_FORM));
        assertThat(form.view()).contains(ActionIds.INPUT_BETTER, ActionIds.INPUT_EASIER).doesNotContain("\"" + ActionIds.INPUT_THANKS + "\"");
        assertThat(submit("U222", ActionIds.FEEDBACK_FORM, id, Map.of(
                ActionIds.INPUT_BETTER, text("a draft midway would have let me steer"),
                ActionIds.INPUT_EASIER, text("I could have sent the data on Monday, not Thursday"))).statusCode()).isEqualTo(200);
        Call feedback = awaitDm("U111", c -> c.mentions("shared feedback"));
        assertThat(feedback.mentions("a draft midway would have let me steer")).isTrue();
        assertThat(feedback.mentions("I could have sent the data on Monday, not Thursday")).isTrue();
        assertThat(feedback.blocks()).contains(ActionIds.FEEDBACK_THANK, ActionIds.FEEDBACK_REPLY);
        awaitDm("U222", c -> c.mentions("has your feedback"));

        // The loop closes: Alice thanks and replies, and Bob hears both.
        click("U111", ActionIds.FEEDBACK_THANK, id);
        Call thanked = awaitReplaced(c -> c.mentions("You thanked"));
        assertThat(thanked.blocks()).doesNotContain(ActionIds.FEEDBACK_THANK).contains(ActionIds.FEEDBACK_REPLY);
        Call heard = awaitDm("U222", c -> c.mentions("thanked you for your feedback"));
        assertThat(heard.mentions("Your voice was heard")).isTrue();

        click("U111", ActionIds.FEEDBACK_REPLY, id);
        awaitCall("views.open", c -> c.view().contains(ActionIds.FEEDBACK_REPLY_FORM));
        submit("U111", ActionIds.FEEDBACK_REPLY_FORM, id, Map.of(ActionIds.INPUT_REPLY,
                text("Fair point: from now on you get a draft on Wednesdays")));
        Call reply = awaitDm("U222", c -> c.mentions("replied to your feedback"));
        assertThat(reply.mentions("Fair point: from now on you get a draft on Wednesdays")).isTrue();

        Promise done = current(p);
        assertThat(done.status()).isEqualTo(PromiseStatus.ASSURED);
        assertThat(done.feedback().isThanked()).isTrue();
        assertThat(store.history(WS, p.id())).extracting(h -> h.event().name()).containsExactly(
                "CREATED", "MATTERS_NOTED", "DELIVERED", "RATED", "FEEDBACK_GIVEN", "FEEDBACK_THANKED", "FEEDBACK_REPLIED");
        // Feedback went to the two parties only.
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> c.mentions("a draft midway"))
                .extracting(c -> c.param("channel")).containsOnly("U111");
    }

    @Test
    void onlyTheReceiverGivesFeedbackAndOnlyTheProviderThanks() {
        Promise p = promiseToBob("the Q3 deck by friday 3pm");
        String id = p.id().value();
        deliver(p);
        click("U222", ActionIds.RATE, id + ":4");
        awaitDm("U111", c -> c.mentions("Satisfied (4 of 5)"));

        click("U111", ActionIds.FEEDBACK, id);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only <@U222>, who the promise was made to, can give feedback on"));
        click("U333", ActionIds.FEEDBACK, id);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("I don't know a promise"));
        submit("U333", ActionIds.FEEDBACK_FORM, id, Map.of(ActionIds.INPUT_BETTER, text("sneaky")));
        awaitDm("U333", c -> c.mentions("I don't know a promise"));

        submit("U222", ActionIds.FEEDBACK_FORM, id, Map.of(ActionIds.INPUT_THANKS, text("exactly what I needed")));
        awaitDm("U111", c -> c.mentions("shared feedback"));
        click("U222", ActionIds.FEEDBACK_THANK, id);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only <@U111>, who made the promise, can thank for feedback on"));
        assertThat(current(p).feedback().isThanked()).isFalse();
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.mentions("sneaky"));
    }

    @Test
    void feedbackIsShownLiterallyAndOverLongFeedbackIsRefusedWithTheLimit() {
        Promise p = promiseToBob("the Q3 deck by friday 3pm");
        String id = p.id().value();
        deliver(p);
        click("U222", ActionIds.RATE, id + ":5");
        Call invite = awaitReplaced(c -> c.mentions("You rated"));
        assertThat(invite.mentions("Glad it worked out")).isTrue();
        click("U222", ActionIds.FEEDBACK, id);
        Call form = awaitCall("views.open", c -> c.view().contains(ActionIds.FEEDBACK_FORM));
        assertThat(form.view()).contains("\"" + ActionIds.INPUT_THANKS + "\"");   // a high rating invites thanks too

        HttpResponse<String> tooLong = submit("U222", ActionIds.FEEDBACK_FORM, id,
                Map.of(ActionIds.INPUT_BETTER, text("x".repeat(2001))));
        assertThat(tooLong.body()).contains("\"response_action\":\"errors\"").contains("2,000").contains("2,001");
        assertThat(current(p).feedback().isGiven()).isFalse();

        String sneaky = "<!channel> thanks <@U333> *bold* `code` <https://evil.example|click here>";
        submit("U222", ActionIds.FEEDBACK_FORM, id, Map.of(ActionIds.INPUT_THANKS, text(sneaky)));
        Call toAlice = awaitDm("U111", c -> c.mentions("shared feedback"));
        String shown = toAlice.blocks().replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">");
        assertThat(shown).doesNotContain("<!channel>").doesNotContain("<@U333>").doesNotContain("<https://evil")
                .contains("*Their thanks:* &lt;!channel&gt; thanks &lt;@U333&gt;")
                .contains("&lt;https\u2236//evil\u2024example|click here&gt;");
        assertThat(current(p).feedback().thanks()).isEqualTo(sneaky);
    }

    @Test
    void aDmReplyIsAnAnswerOnlyWithinTheWindowAndCommandsStillWork() {
        Promise p = promiseToBob("the Q3 deck by friday 3pm");
        awaitDm("U222", c -> c.mentions("promised you"));

        directMessage("U222", "list");   // a command, not an answer: the question stays open
        awaitAnswerIn("U222", c -> c.mentions("Your open promises"));
        assertThat(current(p).whatMatters()).isEmpty();

        clock.set(clock.instant().plus(Duration.ofHours(25)));
        directMessage("U222", "the revenue numbers");   // too late to be an answer: read as a command
        awaitAnswerIn("U222", c -> c.mentions("Who are you promising?"));
        assertThat(current(p).whatMatters()).isEmpty();
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> "U111".equals(c.param("channel"))
                && c.mentions("what matters most to them"));
    }

    @Test
    void whenAPromiseSlipsTheReceiverOffersTimeOrHelpAndTheProviderHears() {
        Promise p = promiseToBob("the budget by tomorrow 10am");   // Tue 09:00Z
        String id = p.id().value();
        at(Instant.parse("2026-11-24T09:00:00Z"));
        awaitDm("U111", c -> c.mentions("is due now"));
        at(Instant.parse("2026-11-25T09:00:00Z"));
        Call slipped = awaitDm("U222", c -> c.mentions("isn't delivered yet"));
        assertThat(slipped.blocks()).contains(ActionIds.SLIP_HELP, ActionIds.SLIP_TIME, ActionIds.SLIP_CLARIFY);

        click("U222", ActionIds.SLIP_TIME, id);
        awaitCall("views.open", c -> c.view().contains(ActionIds.SLIP_FORM));
        long friday = Instant.parse("2026-11-27T17:00:00Z").getEpochSecond();
        submit("U222", ActionIds.SLIP_FORM, id + ":MORE_TIME", Map.of(
                ActionIds.INPUT_DUE, SlackRequests.dateTime(friday),
                ActionIds.INPUT_NOTE, text("Friday is fine, no stress")));
        Call time = awaitDm("U111", c -> c.mentions("happy to give you more time"));
        assertThat(time.mentions("Friday is fine, no stress")).isTrue();
        assertThat(time.blocks()).contains(ActionIds.ACCEPT_DUE, id + "@" + friday);
        click("U111", ActionIds.ACCEPT_DUE, id + "@" + friday);
        awaitDm("U222", c -> c.mentions("moved"));
        assertThat(current(p).due()).isEqualTo(Instant.ofEpochSecond(friday));

        click("U222", ActionIds.SLIP_HELP, id);
        submit("U222", ActionIds.SLIP_FORM, id + ":HELP", Map.of(ActionIds.INPUT_NOTE, text("I can pull the figures for you")));
        Call help = awaitDm("U111", c -> c.mentions("offers to help"));
        assertThat(help.mentions("I can pull the figures for you")).isTrue();
        assertThat(store.history(WS, p.id())).extracting(h -> h.event().name())
                .contains("SLIP_ANSWERED", "DUE_CHANGED");

        // Alice can't answer her own slip for Bob.
        click("U111", ActionIds.SLIP_CLARIFY, id);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only <@U222>, who the promise was made to, can answer for"));
    }

    @Test
    void someoneWhoOptedOutIsNeverPrompted() {
        settings.save(WS.person("U222"), new PersonalSettings("", null, null, 0, false));
        Promise p = promiseToBob("the budget by tomorrow 10am");
        String id = p.id().value();
        Call made = awaitDm("U222", c -> c.mentions("promised you"));
        assertThat(made.blocks()).doesNotContain(ActionIds.MATTERS);
        assertThat(made.mentions("What matters most")).isFalse();

        at(Instant.parse("2026-11-24T09:00:00Z"));
        awaitDm("U111", c -> c.mentions("is due now"));
        at(Instant.parse("2026-11-25T09:00:00Z"));
        awaitDm("U111", c -> c.mentions("was due"));
        at(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.mentions("isn't delivered yet"));

        deliver(p);
        click("U222", ActionIds.RATE, id + ":2");
        Call thanks = awaitReplaced(c -> c.mentions("You rated"));
        assertThat(thanks.blocks()).doesNotContain(ActionIds.FEEDBACK);
    }
}
