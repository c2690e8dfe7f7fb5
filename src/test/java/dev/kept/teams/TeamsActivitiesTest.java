package dev.kept.teams;

import dev.kept.testing.teams.FakeBotFramework.Sent;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: activities Teams sends beyond a typed message and a click, shaped as the Bot Framework sends them,
 * get the status the Bot Framework specifies and a sensible answer.
 */
class TeamsActivitiesTest extends TeamsHttpTestSupport {

    @Test
    void aPictureWithoutWordsIsNotReadAsAnEmptyCommand() {
        ObjectNode photo = teams.message(alice, "<div><img src=\"https://example.invalid/a.png\"></div>", clock.instant());
        ObjectNode attachment = photo.putArray("attachments").addObject();
        attachment.put("contentType", "image/*");
        attachment.put("contentUrl", "https://smba.trafficmanager.net/amer/v3/attachments/0-eus-d1/views/original");

        assertThat(teams.post(kept(), photo, clock.instant()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !teams.sentTo(alice.id()).isEmpty());
        JsonNode answer = teams.sentTo(alice.id()).get(0).activity();
        assertThat(dev.kept.testing.teams.FakeBotFramework.readable(answer)).contains("only read words").doesNotContain("Make a promise");
    }

    @Test
    void anAutomaticRefreshRunsNoAction() {
        ObjectNode refresh = teams.execute(alice, "promise.deliver", null, null, clock.instant());
        refresh.withObject("value").put("trigger", "automatic");

        HttpResponse<String> response = teams.post(kept(), refresh, clock.instant());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body.get("type").asString()).isEqualTo(AdaptiveCards.MESSAGE_CONTENT_TYPE);
    }

    @Test
    void anInvokeKeptDoesNotHandleIsAnswered501AsTheSdksDo() {
        ObjectNode query = teams.message(alice, "", clock.instant());
        query.put("type", "invoke");
        query.put("name", "composeExtension/query");
        query.remove("text");

        assertThat(teams.post(kept(), query, clock.instant()).statusCode()).isEqualTo(501);
    }

    @Test
    void reactionsEditsAndDeletionsAreAcknowledged() {
        for (String type : new String[] {"messageReaction", "messageUpdate", "messageDelete", "typing"}) {
            ObjectNode activity = teams.message(alice, "", clock.instant());
            activity.put("type", type);
            activity.remove("text");
            assertThat(teams.post(kept(), activity, clock.instant()).statusCode()).as(type).isEqualTo(200);
        }
    }

    /** Alice promises Bob the deck through the form; the promise's id. */
    String alicePromisesBobTheDeck() {
        say(alice, "promise");
        Sent form = awaitSent(dm(alice), s -> s.mentions("Make a promise"));
        execute(alice, form, SUBMIT, inputs(
                dev.kept.promise.ActionIds.INPUT_RECEIVER, bob.aadObjectId(),
                dev.kept.promise.ActionIds.INPUT_WHAT, "the Q3 deck",
                dev.kept.promise.ActionIds.INPUT_DUE + ".date", "2026-11-27",
                dev.kept.promise.ActionIds.INPUT_DUE + ".time", "15:00"));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> store.countOpen(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE) == 1);
        return store.open(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE, 1).get(0).id().value();
    }

    @Test
    void markDeliveredOnTheListShowsTheListAsItIsNow() {
        String id = alicePromisesBobTheDeck();
        say(alice, "list");
        Sent list = awaitSent(dm(alice), s -> s.mentions("Your open promises") && s.mentions("the Q3 deck"));

        JsonNode answer = execute(alice, list, button(dev.kept.promise.ActionIds.DELIVER, id), null);

        assertThat(answer.path("type").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        String card = answer.path("value").toString();
        assertThat(card).contains("Your open promises").doesNotContain("the Q3 deck").doesNotContain("Mark delivered");
        awaitSent(dm(alice), s -> s.mentions("Marked ") && s.mentions(") delivered."));
    }

    @Test
    void aClickInAChannelIsAnsweredInThePersonalChatNotInTheChannel() {
        String id = alicePromisesBobTheDeck();
        say(alice, "list");
        Sent list = awaitSent(dm(alice), s -> s.mentions("Your open promises") && s.mentions("the Q3 deck"));
        int inAlicesChat = teams.sent(dm(alice)).size();
        JsonNode deliver = actions(list.card()).stream().filter(button(dev.kept.promise.ActionIds.DELIVER, id))
                .findFirst().orElseThrow();
        ObjectNode click = teams.execute(alice, deliver.get("verb").asString(), (ObjectNode) deliver.get("data"),
                list.activityId(), clock.instant());
        String channel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";
        click.withObject("conversation").put("conversationType", "channel").put("id", channel).put("isGroup", true);

        HttpResponse<String> response = teams.post(kept(), click, clock.instant());

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> teams.sent(dm(alice)).size() > inAlicesChat);
        assertThat(teams.sent(dm(alice)).get(inAlicesChat).readable()).contains("delivered");
        assertThat(teams.sent(channel)).isEmpty();
        assertThat(teams.updates().stream().filter(u -> channel.equals(u.conversationId()))).isEmpty();
    }

    /** Microsoft documents the people picker for desktop and web only: on a phone the colleague's name is typed. */
    @Test
    void withoutThePickerTheColleaguesTypedNameNamesThem() {
        say(bob, "help");   // Kept learns Bob's name when he writes
        awaitSent(dm(bob), s -> true);
        say(alice, "promise");
        Sent form = awaitSent(dm(alice), s -> s.mentions("Make a promise"));
        assertThat(form.card().toString()).contains(dev.kept.promise.ActionIds.INPUT_RECEIVER + AdaptiveCards.NAME_SUFFIX);

        JsonNode unknown = execute(alice, form, SUBMIT, inputs(
                dev.kept.promise.ActionIds.INPUT_RECEIVER + AdaptiveCards.NAME_SUFFIX, "Zed <Nobody>",
                dev.kept.promise.ActionIds.INPUT_WHAT, "the Q3 deck",
                dev.kept.promise.ActionIds.INPUT_DUE + ".date", "2026-11-27",
                dev.kept.promise.ActionIds.INPUT_DUE + ".time", "15:00"));
        assertThat(unknown.path("value").toString()).contains("anyone called").contains("Zed <Nobody>")
                .contains("the Q3 deck");
        assertThat(store.countOpen(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE)).isZero();

        JsonNode made = execute(alice, form, SUBMIT, inputs(
                dev.kept.promise.ActionIds.INPUT_RECEIVER + AdaptiveCards.NAME_SUFFIX, "@bob baker",
                dev.kept.promise.ActionIds.INPUT_WHAT, "the Q3 deck",
                dev.kept.promise.ActionIds.INPUT_DUE + ".date", "2026-11-27",
                dev.kept.promise.ActionIds.INPUT_DUE + ".time", "15:00"));
        assertThat(made.toString()).contains("Sent.");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> store.countOpen(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE) == 1);
        assertThat(store.open(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE, 1).get(0).receiverId())
                .isEqualTo(bob.aadObjectId());
    }

    /**
     * Issue 12's worst case in Teams: 30 open promises of 1,000 characters with emoji and right-to-left text, then
     * the list. Every card is judged after the test (parser, schema, Teams' message size).
     */
    @Test
    void thirtyLongOpenPromisesFitInTheListCard() {
        for (int i = 1; i <= 30; i++) {
            say(alice, "promise");
            int n = i;
            Sent form = awaitSent(dm(alice), s -> s.mentions("Make a promise") && teams.sent(dm(alice)).indexOf(s)
                    == teams.sent(dm(alice)).size() - 1);
            String what = ("מסמך " + n + " 🙂 العرض التقديمي " + "x".repeat(1000)).substring(0, 1000);
            execute(alice, form, SUBMIT, inputs(
                    dev.kept.promise.ActionIds.INPUT_RECEIVER, bob.aadObjectId(),
                    dev.kept.promise.ActionIds.INPUT_WHAT, what,
                    dev.kept.promise.ActionIds.INPUT_DUE + ".date", "2026-11-27",
                    dev.kept.promise.ActionIds.INPUT_DUE + ".time", "15:00"));
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> store.countOpen(WS.person(alice.aadObjectId()), dev.kept.promise.Side.MADE) == n);
        }

        say(alice, "list");

        Sent list = awaitSent(dm(alice), s -> s.mentions("Your open promises"));
        assertThat(list.activity().toString().length() * 2).isLessThanOrEqualTo(TEAMS_MESSAGE_BYTES);
        assertThat(list.readable()).contains("more");
    }
}
