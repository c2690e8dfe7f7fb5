package dev.kept.slack;

import dev.kept.promise.ActionIds;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input gets a clear private answer, and nothing is stored or sent to anyone else. */
class SlackBadInputTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    Call answerTo(String user, String text) {
        assertThat(slash(user, text).statusCode()).isEqualTo(200);
        return awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
    }

    void nothingStoredOrSent() {
        assertThat(store.countOpen(WS.person("U111"), Side.MADE)).isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    /** Alice promises Bob; returns the id once both the DM and Alice's confirmation have gone out. */
    String makeOne() {
        slash("U111", "<@U222|bob> the deck by friday");
        awaitCall("chat.postMessage", c -> true);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        slack.reset();
        return store.open(WS.person("U111"), Side.MADE, 1).get(0).id().value();
    }

    @Test
    void promisingYourself() {
        assertThat(answerTo("U111", "<@U111|alice> the deck by friday").mentions("can't make a promise to yourself")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void promisingABot() {
        assertThat(answerTo("U111", "<@UBOT1|deploybot> the deck by friday").mentions("is a bot or app")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void promisingADeactivatedColleague() {
        assertThat(answerTo("U111", "<@UGONE|gone> the deck by friday").mentions("deactivated")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void promisingSomeoneSlackDoesNotKnow() {
        assertThat(answerTo("U111", "<@U999|nobody> the deck by friday").mentions("couldn't find that colleague")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void aDueDateInThePast() {
        assertThat(answerTo("U111", "<@U222|bob> the deck by 2026-11-20").mentions("already in the past")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void overLongText() {
        Call answer = answerTo("U111", "<@U222|bob> " + "x".repeat(1001) + " by friday");
        assertThat(answer.mentions("1,001 characters")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void aNameThatIsNotAMentionOpensTheFormWithAHint() {
        slash("U111", "@bob the deck by friday");
        Call form = awaitCall("views.open", c -> true);
        assertThat(form.view()).contains(ActionIds.NEW_PROMISE_FORM, "the deck");
        assertThat(form.mentions("couldn't find @bob")).isTrue();
        nothingStoredOrSent();
    }

    @Test
    void aDateKeptCannotReadOpensTheFormPrefilled() {
        slash("U111", "<@U222|bob> the deck by someday soon");
        Call form = awaitCall("views.open", c -> true);
        assertThat(form.view()).contains("U222", "the deck", "someday soon");
        nothingStoredOrSent();
    }

    @Test
    void promiseAloneOpensAnEmptyForm() {
        slash("U111", "");
        Call form = awaitCall("views.open", c -> true);
        assertThat(form.view()).contains(ActionIds.NEW_PROMISE_FORM, "users_select", "datetimepicker");
    }

    @Test
    void anUnknownIdAndAThirdPartyGetTheSameAnswer() {
        String id = makeOne();

        assertThat(answerTo("U333", "cancel " + id + " not needed").mentions("I don't know a promise")).isTrue();
        slack.reset();
        assertThat(answerTo("U111", "done ZZZZ").mentions("I don't know a promise")).isTrue();
        slack.reset();
        assertThat(answerTo("U111", "done").mentions("Which promise?")).isTrue();
        assertThat(store.countOpen(WS.person("U111"), Side.MADE)).isEqualTo(1);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void theProviderReleasesWithAReasonAndTheReceiverIsTold() {
        String id = makeOne();

        assertThat(answerTo("U111", "cancel " + id).mentions("know why you can't keep it")).isTrue();
        slack.reset();
        assertThat(answerTo("U111", "cancel " + id + " the numbers aren't ready").mentions("Released")).isTrue();
        Call told = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        assertThat(told.mentions("the numbers aren't ready")).isTrue();
        assertThat(store.countOpen(WS.person("U222"), Side.RECEIVED)).isZero();
    }

    @Test
    void aFormWithProblemsStaysOpenWithTheProblemUnderTheField() {
        String payload = dev.kept.testing.slack.SlackRequests.viewSubmissionPayload(TEAM, "U111",
                ActionIds.NEW_PROMISE_FORM, "", java.util.Map.of(
                        ActionIds.INPUT_RECEIVER, java.util.Map.of(ActionIds.INPUT_RECEIVER,
                                dev.kept.testing.slack.SlackRequests.userSelect("U111")),
                        ActionIds.INPUT_WHAT, java.util.Map.of(ActionIds.INPUT_WHAT,
                                dev.kept.testing.slack.SlackRequests.plainText("the deck")),
                        ActionIds.INPUT_DUE, java.util.Map.of(ActionIds.INPUT_DUE,
                                dev.kept.testing.slack.SlackRequests.dateTime(clock.instant().getEpochSecond() - 60))));
        var response = signedPost(dev.kept.testing.slack.SlackRequests.FORM,
                dev.kept.testing.slack.SlackRequests.interactionBody(payload));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_action\":\"errors\"", "yourself", "in the past");
        nothingStoredOrSent();
    }
}
