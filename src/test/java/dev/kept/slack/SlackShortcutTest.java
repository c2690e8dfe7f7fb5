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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: the promise is made where it was said. Slack's message shortcuts ("Make this a promise", "Ask for
 * this") and the global "New promise", replayed from recorded payloads over signed HTTP: the form opens
 * pre-filled from the message (the author as the other person, the date it names), the promise keeps the
 * message's link, and every DM about it links back "from this message".
 */
class SlackShortcutTest extends SlackHttpTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The link the fake Slack gives the recorded message (C0GENERAL, ts 1583636382.000300). */
    static final String LINK = "https://kept-test.slack.com/archives/C0GENERAL/p1583636382000300";

    @Autowired
    PromiseStore store;

    /** The recorded message shortcut, changed as {@code edit} says, its response_url pointed at the fake. */
    HttpResponse<String> messageShortcut(Consumer<ObjectNode> edit) {
        ObjectNode p = (ObjectNode) JSON.readTree(SlackReplayTest.resource("interaction-message_action.json"));
        p.put("response_url", slack.responseUrl("shortcut-U111-1"));
        edit.accept(p);
        return signedPost(SlackRequests.FORM, SlackRequests.interactionBody(JSON.writeValueAsString(p)));
    }

    static JsonNode view(Call viewsOpen) {
        return JSON.readTree(viewsOpen.view());
    }

    /** The initial value of input {@code id} in an opened view, as text. */
    static String initial(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            JsonNode element = block.path("element");
            if (id.equals(element.path("action_id").asString(""))) {
                for (String field : new String[] {"initial_value", "initial_user", "initial_date_time"}) {
                    if (element.has(field)) {
                        return element.get(field).asString("");
                    }
                }
                return "";
            }
        }
        throw new AssertionError("no input " + id + " in " + view);
    }

    @Test
    void makeThisAPromiseOpensTheFormFromTheMessageAndThePromiseKeepsItsLink() {
        HttpResponse<String> ack = messageShortcut(p -> { });
        assertThat(ack.statusCode()).isEqualTo(200);

        Call opened = awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_PROMISE_FORM));
        assertThat(opened.param("trigger_id")).isEqualTo("111.222.xxx");
        JsonNode view = view(opened);
        assertThat(view.path("private_metadata").asString()).isEqualTo(LINK);
        assertThat(initial(view, ActionIds.INPUT_RECEIVER)).as("the author is the receiver").isEqualTo("U222");
        assertThat(initial(view, ActionIds.INPUT_WHAT)).isEqualTo("@alice could you send me the Q3 deck");
        // "by friday 3pm", read in Alice's zone (Berlin): Friday 27 Nov, 15:00 there
        assertThat(initial(view, ActionIds.INPUT_DUE)).isEqualTo(Long.toString(Instant.parse("2026-11-27T14:00:00Z").getEpochSecond()));
        assertThat(opened.view()).contains("this message").contains(LINK);

        HttpResponse<String> sent = submit("U111", ActionIds.NEW_PROMISE_FORM, LINK, Map.of(
                ActionIds.INPUT_RECEIVER, SlackRequests.userSelect("U222"),
                ActionIds.INPUT_WHAT, text("the Q3 deck"),
                ActionIds.INPUT_DUE, SlackRequests.dateTime(Instant.parse("2026-11-27T14:00:00Z").getEpochSecond())));
        assertThat(sent.statusCode()).isEqualTo(200);

        Call toBob = awaitDm("U222", c -> c.mentions("promised you"));
        assertThat(toBob.mentions("<" + LINK + "|from this message>")).isTrue();
        Call toAlice = awaitDm("U111", c -> c.mentions("You promised"));
        assertThat(toAlice.mentions("<" + LINK + "|from this message>")).isTrue();
        Promise made = store.open(WS.person("U111"), Side.MADE, 5).get(0);
        assertThat(made.source()).isEqualTo(LINK);
        assertThat(made.what()).isEqualTo("the Q3 deck");

        // The link stays with it: Bob hears of the delivery with it too.
        click("U111", ActionIds.DELIVER, made.id().value());
        Call delivered = awaitDm("U222", c -> c.mentions("has delivered"));
        assertThat(delivered.mentions("<" + LINK + "|from this message>")).isTrue();
    }

    @Test
    void askForThisOpensTheRequestFormForTheAuthor() {
        messageShortcut(p -> p.put("callback_id", "request.from_message"));

        Call opened = awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_REQUEST_FORM));
        JsonNode view = view(opened);
        assertThat(initial(view, ActionIds.INPUT_RECEIVER)).as("the author is asked").isEqualTo("U222");
        assertThat(view.path("private_metadata").asString()).isEqualTo(LINK);

        submit("U111", ActionIds.NEW_REQUEST_FORM, LINK, Map.of(
                ActionIds.INPUT_RECEIVER, SlackRequests.userSelect("U222"),
                ActionIds.INPUT_WHAT, text("the Q3 deck"),
                ActionIds.INPUT_DUE, SlackRequests.dateTime(Instant.parse("2026-11-27T14:00:00Z").getEpochSecond())));
        Call asked = awaitDm("U222", c -> c.mentions("asks you"));
        assertThat(asked.mentions("<" + LINK + "|from this message>")).isTrue();
        Promise request = store.open(WS.person("U222"), Side.MADE, 5).get(0);
        assertThat(request.status()).isEqualTo(PromiseStatus.REQUESTED);
        assertThat(request.source()).isEqualTo(LINK);
    }

    @Test
    void aQuestionMarkAfterTheDateStillLeavesTheDateRead() {
        messageShortcut(p -> ((ObjectNode) p.get("message")).put("text", "Could you review my draft by tomorrow 10am?"));

        JsonNode view = view(awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_PROMISE_FORM)));
        assertThat(initial(view, ActionIds.INPUT_WHAT)).isEqualTo("Could you review my draft");
        assertThat(initial(view, ActionIds.INPUT_DUE))   // tomorrow 10:00 in Berlin
                .isEqualTo(Long.toString(Instant.parse("2026-11-24T09:00:00Z").getEpochSecond()));
    }

    @Test
    void onYourOwnMessageTheOtherPersonIsLeftToPick() {
        messageShortcut(p -> ((ObjectNode) p.get("message")).put("user", "U111"));

        JsonNode view = view(awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_PROMISE_FORM)));
        assertThat(initial(view, ActionIds.INPUT_RECEIVER)).isEmpty();
    }

    @Test
    void aMessageKeptCannotSeeIsRefusedWithWhatToDo() {
        slack.notAMemberOf("G0SECRET");

        assertThat(messageShortcut(p -> ((ObjectNode) p.get("channel")).put("id", "G0SECRET")).statusCode()).isEqualTo(200);

        Call refused = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("I can't open that message"));
        assertThat(refused.mentions("/invite @Kept")).isTrue();
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(store.countOpen(WS.person("U111"), Side.MADE)).isZero();
    }

    @Test
    void aLinkForgedIntoTheFormIsNotKept() {
        submit("U111", ActionIds.NEW_PROMISE_FORM, "javascript:alert(1)", Map.of(
                ActionIds.INPUT_RECEIVER, SlackRequests.userSelect("U222"),
                ActionIds.INPUT_WHAT, text("the Q3 deck"),
                ActionIds.INPUT_DUE, SlackRequests.dateTime(Instant.parse("2026-11-27T14:00:00Z").getEpochSecond())));

        Call toBob = awaitDm("U222", c -> c.mentions("promised you"));
        assertThat(toBob.mentions("from this message")).isFalse();
        assertThat(store.open(WS.person("U111"), Side.MADE, 5).get(0).source()).isEmpty();
    }

    @Test
    void theGlobalShortcutOpensAnEmptyPromiseForm() {
        HttpResponse<String> ack = signedPost(SlackRequests.FORM,
                SlackRequests.interactionBody(SlackReplayTest.resource("interaction-shortcut.json")));
        assertThat(ack.statusCode()).isEqualTo(200);

        Call opened = awaitCall("views.open", c -> c.view().contains(ActionIds.NEW_PROMISE_FORM));
        assertThat(opened.param("trigger_id")).isEqualTo("111.111.xxxxxx");
        assertThat(initial(view(opened), ActionIds.INPUT_WHAT)).isEmpty();
    }
}
