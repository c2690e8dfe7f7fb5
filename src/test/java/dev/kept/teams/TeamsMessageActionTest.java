package dev.kept.teams;

import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.Side;
import dev.kept.testing.teams.FakeBotFramework.Sent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, for Teams: "Make this a promise" and "Ask for this" in a message's "⋯" menu (an action-based message
 * extension). The recorded {@code composeExtension/fetchTask} gets the form as a dialog, pre-filled from the
 * message; {@code composeExtension/submitAction} makes the promise, which keeps the message's link, and the DM
 * about it links back to it.
 */
class TeamsMessageActionTest extends TeamsHttpTestSupport {

    static final String LINK = "https://teams.microsoft.com/l/message/19:6decf54d86d945e4b3924b63a9161a78@thread.skype/1611060744833";

    ObjectNode recorded() {
        return recordedActivity("invoke-composeExtension-fetchTask-message.json");
    }

    /** The recorded invoke, sent by Alice on Bob's message {@code html}. */
    ObjectNode aliceOnBobsMessage(String command, String html) {
        ObjectNode a = recorded();
        a.withObject("from").put("id", alice.id()).put("name", alice.name()).put("aadObjectId", alice.aadObjectId());
        ObjectNode payload = a.withObject("value").withObject("messagePayload");
        payload.withObject("from").withObject("user").put("id", bob.aadObjectId()).put("displayName", bob.name());
        payload.withObject("body").put("content", html);
        a.withObject("value").put("commandId", command);
        return a;
    }

    JsonNode invoke(ObjectNode activity) {
        HttpResponse<String> response = teams.post(kept(), activity, clock.instant());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The dialog's card, checked and kept for Microsoft's parser and schema. */
    ObjectNode dialogCard(JsonNode answer) {
        assertThat(answer.path("task").path("type").asString()).as(answer.toString()).isEqualTo("continue");
        JsonNode card = answer.path("task").path("value").path("card");
        assertThat(card.path("contentType").asString()).isEqualTo(AdaptiveCards.CARD_CONTENT_TYPE);
        ObjectNode content = (ObjectNode) card.path("content");
        judgeToo(content);
        assertThat(content.toString()).contains("Action.Submit").doesNotContain("Action.Execute");
        return content;
    }

    static String input(JsonNode card, String id) {
        return CardChecker.input(card, id).path("value").asString("");
    }

    /** What Teams sends when the dialog's submit is pressed: the action's data with the inputs merged in. */
    ObjectNode submitted(ObjectNode card, String... inputs) {
        JsonNode submit = actions(card).stream().filter(a -> "Action.Submit".equals(a.path("type").asString())).findFirst()
                .orElseThrow();
        ObjectNode data = (ObjectNode) submit.get("data").deepCopy();
        for (int i = 0; i < inputs.length; i += 2) {
            data.put(inputs[i], inputs[i + 1]);
        }
        ObjectNode a = recorded();
        a.withObject("from").put("id", alice.id()).put("name", alice.name()).put("aadObjectId", alice.aadObjectId());
        a.put("name", TeamsMessageActions.SUBMIT_ACTION);
        a.withObject("value").set("data", data);
        return a;
    }

    @Test
    void makeThisAPromiseOpensTheFormFromTheMessageAndThePromiseKeepsItsLink() {
        JsonNode answer = invoke(aliceOnBobsMessage(TeamsMessageActions.MAKE_FROM_MESSAGE,
                "<p>Could you send me the Q3 deck by friday 3pm?</p>"));

        ObjectNode card = dialogCard(answer);
        assertThat(input(card, ActionIds.INPUT_WHAT)).isEqualTo("Could you send me the Q3 deck");
        assertThat(input(card, ActionIds.INPUT_RECEIVER)).as("the author is the receiver").isEqualTo(bob.aadObjectId());
        assertThat(input(card, ActionIds.INPUT_DUE + ".date")).isEqualTo("2026-11-27");
        assertThat(card.toString()).contains(LINK);

        JsonNode done = invoke(submitted(card, ActionIds.INPUT_WHAT, "the Q3 deck", ActionIds.INPUT_RECEIVER, bob.aadObjectId(),
                ActionIds.INPUT_DUE + ".date", "2026-11-27", ActionIds.INPUT_DUE + ".time", "15:00"));
        assertThat(done.path("task").path("type").asString()).as(done.toString()).isEqualTo("message");

        Sent toBob = awaitSent(dm(bob), s -> s.mentions("promised you"));
        assertThat(toBob.mentions("from this message")).isTrue();
        assertThat(toBob.activity().toString()).contains(LINK);
        Promise made = store.open(WS.person(alice.aadObjectId()), Side.MADE, 5).get(0);
        assertThat(made.source()).isEqualTo(LINK);
        assertThat(made.status()).isEqualTo(PromiseStatus.OPEN);
        awaitSent(dm(alice), s -> s.mentions("You promised"));
    }

    @Test
    void askForThisOpensTheRequestForm() {
        ObjectNode card = dialogCard(invoke(aliceOnBobsMessage(TeamsMessageActions.ASK_FROM_MESSAGE,
                "<p>I can review the draft by tomorrow</p>")));

        assertThat(card.toString()).contains(ActionIds.NEW_REQUEST_FORM);
        assertThat(input(card, ActionIds.INPUT_RECEIVER)).isEqualTo(bob.aadObjectId());
    }

    @Test
    void aFormWithProblemsStaysOpenWithThemNamed() {
        ObjectNode card = dialogCard(invoke(aliceOnBobsMessage(TeamsMessageActions.MAKE_FROM_MESSAGE,
                "<p>the Q3 deck</p>")));

        JsonNode again = invoke(submitted(card, ActionIds.INPUT_WHAT, "the Q3 deck", ActionIds.INPUT_RECEIVER, bob.aadObjectId()));

        ObjectNode shown = dialogCard(again);
        assertThat(shown.toString()).contains("Pick when it will be done");
        assertThat(store.countOpen(WS.person(alice.aadObjectId()), Side.MADE)).isZero();
    }

    @Test
    void theRecordedInvokeOnOnesOwnMessageLeavesTheReceiverToPick() {
        ObjectNode card = dialogCard(invoke(recorded()));

        assertThat(input(card, ActionIds.INPUT_RECEIVER)).isEmpty();
        assertThat(input(card, ActionIds.INPUT_WHAT)).isEqualTo("@Testing outgoing Webhook-Nikitha - Hi");
    }

    @Test
    void anInvokeFromTheComposeBoxIsAnsweredWithWhatToDo() {
        ObjectNode a = recorded();
        a.withObject("value").put("commandContext", "compose");
        a.withObject("value").remove("messagePayload");

        JsonNode answer = invoke(a);

        assertThat(answer.path("task").path("type").asString()).isEqualTo("message");
        assertThat(answer.path("task").path("value").asString()).contains("menu of a message");
    }
}
