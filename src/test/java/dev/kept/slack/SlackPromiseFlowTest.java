package dev.kept.slack;

import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The issue's acceptance, end to end over HTTP: make, list, refuse the wrong person, deliver. */
class SlackPromiseFlowTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    @Test
    void promiseIsMadeListedRefusedToTheReceiverAndDeliveredByTheProvider() {
        HttpResponse<String> made = slash("U111", "<@U222|bob> send the Q3 deck by friday 3pm");
        assertThat(made.statusCode()).isEqualTo(200);

        // Alice (Berlin) said friday 3pm: Friday 27 Nov 15:00 in Berlin is 09:00 for Bob in New York.
        Call dm = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        assertThat(dm.mentions("Q3 deck")).isTrue();
        assertThat(dm.mentions("Friday 27 Nov, 09:00 (your time)")).isTrue();
        assertThat(dm.blocks()).contains(ActionIds.ACKNOWLEDGE, ActionIds.SUGGEST);
        assertThat(dm.mentions("<@U111> promised you")).isTrue();

        Call confirmation = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        assertThat(confirmation.mentions("Friday 27 Nov, 15:00")).isTrue();
        assertThat(confirmation.param("response_type")).isEqualTo("ephemeral");

        List<Promise> open = store.open(WS.person("U111"), Side.MADE, 10);
        assertThat(open).hasSize(1);
        Promise promise = open.get(0);
        assertThat(promise.what()).isEqualTo("send the Q3 deck");
        assertThat(promise.due()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        String id = promise.id().value();

        slack.reset();
        slash("U111", "list");
        Call list = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Your open promises"));
        assertThat(list.mentions(id)).isTrue();
        assertThat(list.mentions("send the Q3 deck")).isTrue();
        assertThat(list.mentions("Mark delivered")).isTrue();

        slack.reset();
        slash("U222", "done " + id);
        Call refused = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Only"));
        assertThat(refused.mentions("who made the promise, can deliver")).isTrue();
        assertThat(store.find(WS, promise.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.OPEN);
        assertThat(slack.calls("chat.postMessage")).isEmpty();

        slash("U111", "done " + id.toLowerCase());
        Call told = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("has delivered"));
        assertThat(told.mentions("send the Q3 deck")).isTrue();
        assertThat(store.find(WS, promise.id())).get().extracting(Promise::status).isEqualTo(PromiseStatus.DELIVERED);
        assertThat(store.history(WS, promise.id())).extracting(h -> h.event().name())
                .containsExactly("CREATED", "DELIVERED");
    }

    @Test
    void receiverInTheSameZoneReadsTheTimeAsSaid() {
        slack.addUser(FakeSlackApi.FakeUser.person("U222", "bob", "Bob Baker", "Europe/Berlin"));
        slash("U111", "<@U222|bob> send the Q3 deck by friday 3pm");
        Call dm = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        assertThat(dm.mentions("Friday 27 Nov, 15:00 (your time)")).isTrue();
    }

    @Test
    void receiverAgreesWithOneClickAndTheProviderHearsIt() {
        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        String id = onlyOpenPromise().id().value();
        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        slack.reset();

        assertThat(click("U222", ActionIds.ACKNOWLEDGE, id).statusCode()).isEqualTo(200);
        Call replaced = awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")));
        assertThat(replaced.param("replace_original")).isEqualTo("true");
        assertThat(replaced.mentions("You said sounds good")).isTrue();
        assertThat(replaced.blocks()).doesNotContain(ActionIds.ACKNOWLEDGE);
        Call toAlice = awaitCall("chat.postMessage", c -> "U111".equals(c.param("channel")) && c.mentions("said sounds good"));
        assertThat(toAlice.mentions("said sounds good")).isTrue();

        // An old copy of the DM clicked again: answered, but Alice is not told twice.
        click("U222", ActionIds.ACKNOWLEDGE, id);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls(FakeSlackApi.RESPONSE_URL).size() == 2);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(store.history(WS, onlyOpenPromise().id())).extracting(h -> h.event().name())
                .containsExactly("CREATED", "ACKNOWLEDGED");
    }

    @Test
    void receiverSuggestsANewDateAndTheProviderAcceptsItInOneClick() {
        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        Promise promise = onlyOpenPromise();
        String id = promise.id().value();
        slack.reset();

        click("U222", ActionIds.SUGGEST, id);
        Call opened = awaitCall("views.open", c -> true);
        assertThat(opened.view()).contains(ActionIds.SUGGEST_FORM, id, "datetimepicker");

        long monday = Instant.parse("2026-11-30T14:00:00Z").getEpochSecond();
        String submission = dev.kept.testing.slack.SlackRequests.viewSubmissionPayload(TEAM, "U222",
                ActionIds.SUGGEST_FORM, id, java.util.Map.of(
                        ActionIds.INPUT_DUE, java.util.Map.of(ActionIds.INPUT_DUE,
                                dev.kept.testing.slack.SlackRequests.dateTime(monday)),
                        ActionIds.INPUT_NOTE, java.util.Map.of(ActionIds.INPUT_NOTE,
                                dev.kept.testing.slack.SlackRequests.plainText("Monday gives me time to read it"))));
        HttpResponse<String> submitted = signedPost(dev.kept.testing.slack.SlackRequests.FORM,
                dev.kept.testing.slack.SlackRequests.interactionBody(submission));
        assertThat(submitted.statusCode()).isEqualTo(200);

        Call suggestion = awaitCall("chat.postMessage", c -> "U111".equals(c.param("channel")));
        assertThat(suggestion.mentions("suggests a change")).isTrue();
        assertThat(suggestion.mentions("Monday 30 Nov, 15:00 (your time)")).isTrue();
        assertThat(suggestion.mentions("Monday gives me time to read it")).isTrue();
        assertThat(suggestion.blocks()).contains(ActionIds.ACCEPT_DUE, id + "@" + monday);
        slack.reset();

        click("U111", ActionIds.ACCEPT_DUE, id + "@" + monday);
        Call toBob = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("moved"));
        assertThat(toBob.mentions("*Monday 30 Nov, 09:00* (your time)")).isTrue();
        Promise after = store.find(WS, promise.id()).orElseThrow();
        assertThat(after.due()).isEqualTo(Instant.ofEpochSecond(monday));
        assertThat(after.renegotiations()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void directMessagesUseTheSameGrammar() {
        assertThat(directMessage("U111", "promise <@U222> review the budget by tomorrow").statusCode()).isEqualTo(200);
        Call answer = awaitCall("chat.postMessage", c -> "DU111".equals(c.param("channel")));
        assertThat(answer.mentions("You promised")).isTrue();
        assertThat(answer.mentions("review the budget")).isTrue();
        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));

        slack.reset();
        directMessage("U222", "list");
        Call list = awaitCall("chat.postMessage", c -> "DU222".equals(c.param("channel")) && c.mentions("Your open promises"));
        assertThat(list.mentions("Promised to you")).isTrue();
        assertThat(list.mentions("review the budget")).isTrue();
    }

    @Test
    void anEventSlackDeliversTwiceIsActedOnOnce() {
        // Slack retries an event when it did not see the ack in time: same event, same event_id.
        String body = directMessageBody("U111", "promise <@U222> review the budget by tomorrow");
        assertThat(signedPost(dev.kept.testing.slack.SlackRequests.JSON, body).statusCode()).isEqualTo(200);
        assertThat(signedPost(dev.kept.testing.slack.SlackRequests.JSON, body).statusCode()).isEqualTo(200);
        awaitCall("chat.postMessage", c -> "DU111".equals(c.param("channel")));
        onlyOpenPromise();
        directMessage("U111", "list");   // a later, different event is still answered
        awaitCall("chat.postMessage", c -> "DU111".equals(c.param("channel")) && c.mentions("Your open promises"));
        assertThat(store.countOpen(WS.person("U111"), Side.MADE)).isEqualTo(1);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.mentions("I've let them know"))).hasSize(1);
    }

    Promise onlyOpenPromise() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.open(WS.person("U111"), Side.MADE, 10).size() == 1);
        return store.open(WS.person("U111"), Side.MADE, 10).get(0);
    }
}
