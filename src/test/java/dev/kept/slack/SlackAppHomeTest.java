package dev.kept.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Opening Kept's Home tab in Slack publishes the person's own page. */
@TestPropertySource(properties = {"kept.nudges.enabled=false", "kept.digest.channel=" + SlackAppHomeTest.DIGEST_CHANNEL,
        "kept.digest.poll=1h"})
class SlackAppHomeTest extends SlackHttpTestSupport {

    /** The digest channel of the insight tests (they share one Spring context); the poller looks only hourly. */
    static final String DIGEST_CHANNEL = "C0DIGEST";
    private static final AtomicInteger events = new AtomicInteger();

    @Autowired
    PromiseStore store;

    /** An {@code app_home_opened} event as Slack sends it, on the given tab ("home" or "messages"). */
    static String homeOpenedBody(String userId, String tab) {
        int n = events.incrementAndGet();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D" + userId);
        event.addProperty("tab", tab);
        event.addProperty("event_ts", "1764493200." + String.format("%06d", n));
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", SlackRequests.VERIFICATION_TOKEN);
        envelope.addProperty("team_id", TEAM);
        envelope.addProperty("api_app_id", SlackRequests.API_APP_ID);
        envelope.add("event", event);
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "EvHOME" + String.format("%08d", n));
        envelope.addProperty("event_time", 1764493200L);
        return envelope.toString();
    }

    /**
     * What a person reads in a view, a message's blocks or a response_url body: one line a block (a button as
     * [label]), Slack's escapes undone and the bold stars dropped.
     */
    static String readable(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        JsonArray blocks = parsed.isJsonArray() ? parsed.getAsJsonArray() : parsed.getAsJsonObject().getAsJsonArray("blocks");
        List<String> lines = new ArrayList<>();
        for (JsonElement e : blocks) {
            JsonObject block = e.getAsJsonObject();
            switch (block.get("type").getAsString()) {
                case "section" -> {
                    if (block.has("text")) {
                        lines.add(text(block.getAsJsonObject("text")));
                    }
                    if (block.has("fields")) {
                        block.getAsJsonArray("fields").forEach(f -> lines.add(text(f.getAsJsonObject())));
                    }
                }
                case "context" -> block.getAsJsonArray("elements").forEach(x -> lines.add(text(x.getAsJsonObject())));
                case "actions" -> block.getAsJsonArray("elements").forEach(
                        x -> lines.add("[" + text(x.getAsJsonObject().getAsJsonObject("text")) + "]"));
                default -> lines.add("<" + block.get("type").getAsString() + ">");
            }
        }
        return String.join("\n", lines);
    }

    private static String text(JsonObject textObject) {
        return textObject.get("text").getAsString().replace("*", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    HttpResponse<String> openHome(String userId) {
        return signedPost(SlackRequests.JSON, homeOpenedBody(userId, "home"));
    }

    @Test
    void openingTheHomeTabShowsEachPersonTheirOwnPage() {
        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U111"), Side.MADE) == 1);
        Promise deck = store.open(WS.person("U111"), Side.MADE, 1).get(0);
        slack.reset();

        assertThat(openHome("U222").statusCode()).isEqualTo(200);
        Call bobs = awaitHome("U222");
        assertThat(bobs.view()).contains("\"type\":\"home\"");
        String bobsPage = readable(bobs.view());
        // Friday 27 Nov 15:00 in Berlin is 09:00 for Bob in New York
        assertThat(bobsPage).contains("Promised to you\n" + deck.id() + " · the Q3 deck from <@U111> · due Friday 27 Nov, 09:00")
                .contains("You promised\nNothing open.")
                .contains("Times are in your time zone (America/New_York)")
                .doesNotContain("Mark delivered");

        openHome("U111");
        Call alices = awaitHome("U111");
        assertThat(readable(alices.view()))
                .contains("You promised\n" + deck.id() + " · the Q3 deck to <@U222> · due Friday 27 Nov, 15:00\n[Mark delivered]")
                .contains("How you're doing")
                .contains("Kept on time: nothing has fallen due yet");
        assertThat(alices.view()).contains(ActionIds.DELIVER).contains("\"value\":\"" + deck.id() + "\"");
    }

    @Test
    void theMessagesTabIsLeftAlone() {
        HttpResponse<String> acked = signedPost(SlackRequests.JSON, homeOpenedBody("U333", "messages"));

        // The listener decides before it acks: nothing was handed over, so nothing can be published later.
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(slack.calls("views.publish")).isEmpty();
        openHome("U333");
        assertThat(readable(awaitHome("U333").view())).contains("Promised to you\nNothing open right now.");
        assertThat(slack.count("views.publish")).isEqualTo(1);
    }

    @Test
    void aHomeTabOpenedTwiceIsPublishedAgainWithWhatIsNew() {
        openHome("U222");
        awaitHome("U222");
        slash("U111", "<@U222|bob> the budget by tomorrow 10am");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U222"), Side.RECEIVED) == 1);

        openHome("U222");
        Call second = await().atMost(Duration.ofSeconds(10)).until(
                () -> slack.calls("views.publish").stream().filter(c -> c.mentions("the budget")).findFirst().orElse(null),
                c -> c != null);
        assertThat(second.param("user_id")).isEqualTo("U222");
        assertThat(slack.calls(FakeSlackApi.RESPONSE_URL)).isNotEmpty();
    }

    /** A click on a button in the Home tab: Slack sends the view, and no response_url. */
    HttpResponse<String> clickOnHome(String userId, String actionId, String value) {
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b1");
        action.addProperty("value", value);
        action.addProperty("action_ts", "1764493200.000200");
        JsonArray actions = new JsonArray();
        actions.add(action);
        JsonObject view = new JsonObject();
        view.addProperty("id", "VHOME" + userId);
        view.addProperty("type", "home");
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("team_id", TEAM);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("team", team);
        payload.add("user", user);
        payload.addProperty("api_app_id", SlackRequests.API_APP_ID);
        payload.addProperty("token", SlackRequests.VERIFICATION_TOKEN);
        payload.addProperty("trigger_id", "trigger-home-" + events.incrementAndGet());
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "VHOME" + userId);
        payload.add("container", container);
        payload.add("view", view);
        payload.add("actions", actions);
        return signedPost(SlackRequests.FORM, SlackRequests.interactionBody(payload.toString()));
    }

    @Test
    void aClickOnTheHomeTabIsAnsweredByDmAndThePageShowsTheNewState() {
        slash("U333", "ask <@U222|bob> for the contract review by friday 3pm");
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !store.open(WS.person("U222"), Side.MADE, 5).isEmpty());
        String id = store.open(WS.person("U222"), Side.MADE, 5).get(0).id().value();
        openHome("U222");
        Call before = awaitHome("U222");
        assertThat(before.view()).contains(ActionIds.REQUEST_ACCEPT, id);
        slack.reset();

        clickOnHome("U222", ActionIds.REQUEST_ACCEPT, id);
        Call answer = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("You took on"));
        assertThat(answer.mentions("the contract review")).isTrue();
        Call after = awaitHome("U222");
        assertThat(after.view()).doesNotContain(ActionIds.REQUEST_ACCEPT).contains("the contract review");
    }
}
