package dev.kept.slack;

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

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /promise ask}: a request from the receiver's side, and its three answers (take it on,
 * suggest another date that the asker accepts, can't take it on), in both directions.
 */
class SlackRequestTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    /** {@code asker} asks {@code asked}; returns the stored request once the asked colleague has their DM. */
    Promise ask(String asker, String asked, String text) {
        slash(asker, "ask <@" + asked + "> " + text);
        // "asks you for the deck", or "asks you to present…" when the asker said what to do
        Call dm = awaitDm(asked, c -> c.mentions("asks you "));
        assertThat(dm.blocks()).contains(ActionIds.REQUEST_ACCEPT, ActionIds.REQUEST_PROPOSE, ActionIds.REQUEST_DECLINE);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You asked"));
        return store.open(WS.person(asked), Side.MADE, 10).stream()
                .filter(p -> p.status() == PromiseStatus.REQUESTED && p.receiverId().equals(asker)).findFirst().orElseThrow();
    }

    Promise current(Promise p) {
        return store.find(WS, p.id()).orElseThrow();
    }

    @Override
    HttpResponse<String> submit(String user, String formId, String context, Map<String, Map<String, Object>> inputs) {
        HttpResponse<String> response = super.submit(user, formId, context, inputs);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    @Test
    void theAskedColleagueTakesItOnAndItBecomesTheirPromise() {
        Promise r = ask("U111", "U222", "for the Q3 figures by friday 3pm");
        assertThat(r.what()).isEqualTo("the Q3 figures");
        assertThat(r.providerId()).isEqualTo("U222");
        assertThat(r.due()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));   // Friday 15:00 in Alice's Berlin
        Call dm = awaitDm("U222", c -> c.mentions("asks you for"));
        assertThat(dm.mentions("*Friday 27 Nov, 09:00* (your time)")).isTrue();   // Bob is in New York

        // Alice sees her request waiting; she can't answer it herself.
        slash("U111", "list");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Your requests, waiting for an answer") && c.mentions(r.id().value()));
        click("U111", ActionIds.REQUEST_ACCEPT, r.id().value());
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only <@U222>, who made the promise, can take on"));
        click("U333", ActionIds.REQUEST_ACCEPT, r.id().value());
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("I don't know a promise"));
        assertThat(current(r).status()).isEqualTo(PromiseStatus.REQUESTED);

        click("U222", ActionIds.REQUEST_ACCEPT, r.id().value());
        Call taken = awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")));
        assertThat(taken.mentions("You took on")).isTrue();
        Call toAlice = awaitDm("U111", c -> c.mentions("will do"));
        assertThat(toAlice.mentions("the Q3 figures")).isTrue();
        Promise p = current(r);
        assertThat(p.status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(store.history(WS, r.id())).extracting(h -> h.event().name()).containsExactly("REQUESTED", "ACCEPTED");
        // Now a promise like any other: Bob is reminded of it, Alice sees it promised to her.
        assertThat(store.open(WS.person("U111"), Side.RECEIVED, 10)).extracting(Promise::id).containsExactly(r.id());

        click("U222", ActionIds.REQUEST_ACCEPT, r.id().value());   // an old copy of the DM
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("isn't waiting for an answer any more"));
    }

    @Test
    void anotherDateIsSuggestedAndTheAskerAcceptsIt() {
        // The other direction: Bob asks Carol.
        Promise r = ask("U222", "U333", "for a review of the contract by tomorrow 5pm");
        String id = r.id().value();
        click("U333", ActionIds.REQUEST_PROPOSE, id);
        awaitCall("views.open", c -> c.view().contains(ActionIds.REQUEST_PROPOSE_FORM));
        long monday = Instant.parse("2026-11-30T08:00:00Z").getEpochSecond();
        submit("U333", ActionIds.REQUEST_PROPOSE_FORM, id, Map.of(
                ActionIds.INPUT_DUE, SlackRequests.dateTime(monday),
                ActionIds.INPUT_NOTE, SlackRequests.plainText("I'm at the offsite until Friday")));
        Call proposal = awaitDm("U222", c -> c.mentions("can do"));
        assertThat(proposal.mentions("I'm at the offsite until Friday")).isTrue();
        assertThat(proposal.mentions("*Monday 30 Nov, 03:00* (your time)")).isTrue();
        assertThat(proposal.blocks()).contains(ActionIds.REQUEST_ACCEPT_DATE, id + "@" + monday, ActionIds.REQUEST_WITHDRAW);
        awaitDm("U333", c -> c.mentions("I've suggested your date"));

        // A date Carol never proposed can't be accepted by crafting a button value.
        click("U222", ActionIds.REQUEST_ACCEPT_DATE, id + "@" + (monday + 86400));
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("isn't the latest one"));
        // Only Bob, who asked, can accept.
        click("U333", ActionIds.REQUEST_ACCEPT_DATE, id + "@" + monday);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only <@U222>, who the promise was made to, can accept a date for"));

        click("U222", ActionIds.REQUEST_ACCEPT_DATE, id + "@" + monday);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")) && c.mentions("will do"));
        Call toCarol = awaitDm("U333", c -> c.mentions("accepted your date"));
        assertThat(toCarol.mentions("a review of the contract")).isTrue();
        Promise p = current(r);
        assertThat(p.status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(p.due()).isEqualTo(Instant.ofEpochSecond(monday));
        assertThat(store.history(WS, r.id())).extracting(h -> h.event().name())
                .containsExactly("REQUESTED", "DATE_PROPOSED", "ACCEPTED");
    }

    @Test
    void theAskedColleagueCantTakeItOnAndSaysWhy() {
        Promise r = ask("U333", "U111", "to present at the all-hands by next friday");
        String id = r.id().value();
        click("U111", ActionIds.REQUEST_DECLINE, id);
        awaitCall("views.open", c -> c.view().contains(ActionIds.REQUEST_DECLINE_FORM));
        submit("U111", ActionIds.REQUEST_DECLINE_FORM, id, Map.of(ActionIds.INPUT_NOTE,
                SlackRequests.plainText("I'm on leave that week; Bob knows the numbers best")));
        Call toCarol = awaitDm("U333", c -> c.mentions("can't take on"));
        assertThat(toCarol.mentions("I'm on leave that week; Bob knows the numbers best")).isTrue();
        awaitDm("U111", c -> c.mentions("Declined"));
        Promise p = current(r);
        assertThat(p.status()).isEqualTo(PromiseStatus.DECLINED);
        assertThat(store.open(WS.person("U333"), Side.RECEIVED, 10)).isEmpty();
        assertThat(store.closed(WS.person("U333"), Side.RECEIVED, 10)).extracting(Promise::id).containsExactly(r.id());
    }

    @Test
    void theAskerCanWithdrawAndTheRequestGetsNoNudges() {
        Promise r = ask("U111", "U222", "for the slides by tomorrow");
        slash("U111", "cancel " + r.id());
        awaitDm("U222", c -> c.mentions("withdrew their request"));
        assertThat(current(r).status()).isEqualTo(PromiseStatus.CANCELLED);
        click("U222", ActionIds.REQUEST_ACCEPT, r.id().value());
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("was cancelled"));
    }

    @Test
    void badRequestsGetClearAnswers() {
        // What can't be read opens the request form, saying what is missing.
        slash("U111", "ask the slides by friday");
        awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_REQUEST_FORM) && c.view().contains("Who are you asking?"));
        slash("U111", "ask <@U222|bob> for the slides");
        awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_REQUEST_FORM) && c.view().contains("By when?")
                && c.view().contains("U222"));
        slash("U111", "ask <@U111|alice> for the slides by friday");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You can't ask yourself"));
        slash("U111", "ask <@UBOT1|bot> for the slides by friday");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("can't take requests"));
        assertThat(store.all(WS.person("U111"), Side.RECEIVED)).isEmpty();
    }
}
