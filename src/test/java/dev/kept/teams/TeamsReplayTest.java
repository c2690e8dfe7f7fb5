package dev.kept.teams;

import dev.kept.testing.teams.FakeBotFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: activities Teams sent, recorded in Microsoft's repositories or printed in Microsoft's Teams
 * documentation (see {@code src/test/resources/teams/real/activities/SOURCES.md}), replayed over HTTP with a
 * Bot Connector token as the fake mints it. Only the tenant, the serviceUrl, the bot's id and the timestamp are
 * filled in (Kept checks them); everything else is as Teams sent it. Each gets the status the Bot Framework
 * specifies, never a 5xx, and Kept answers where a polished bot would: in the personal chat, and with a
 * pointer to it elsewhere.
 */
class TeamsReplayTest extends TeamsHttpTestSupport {

    private static final Logger log = LoggerFactory.getLogger(TeamsReplayTest.class);
    private static final AtomicInteger replayed = new AtomicInteger();

    static List<String> recorded() {
        return List.of("message-personal.json", "message-channel-mention.json",
                "invoke-adaptiveCard-action-personal.json", "invoke-signin-tokenExchange.json",
                "conversationUpdate-bot-added-personal.json", "conversationUpdate-bot-added-team.json",
                "conversationUpdate-teamUnarchived.json", "installationUpdate-add-channel.json",
                "messageReaction-added-channel.json", "invoke-composeExtension-fetchTask-message.json");
    }

    @AfterAll
    static void count() {
        log.info("Teams replay corpus: {} recorded or documented activities replayed", replayed.get());
    }

    ObjectNode activity(String name) {
        return recordedActivity(name);
    }

    HttpResponse<String> replay(String name) {
        HttpResponse<String> response = teams.post(kept(), activity(name), clock.instant());
        replayed.incrementAndGet();
        return response;
    }

    static String conversation(ObjectNode activity) {
        return activity.path("conversation").path("id").asString();
    }

    /** 200 for all but an invoke Kept does not handle, which gets the SDKs' 501 ("not implemented"). */
    @ParameterizedTest(name = "{0} gets the status the Bot Framework specifies")
    @MethodSource("recorded")
    void everyActivityGetsTheStatusTheBotFrameworkSpecifies(String name) {
        int status = replay(name).statusCode();

        assertThat(status).as(name).isEqualTo(name.startsWith("invoke-signin") ? 501 : 200);
    }

    @Test
    void aMessageInThePersonalChatIsAnsweredThereOnce() {
        ObjectNode message = activity("message-personal.json");

        assertThat(replay("message-personal.json").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> teams.sent(conversation(message)).size() == 1);
        assertThat(teams.sent()).hasSize(1);
    }

    @Test
    void aMentionInAChannelIsPointedToThePersonalChat() {
        ObjectNode message = activity("message-channel-mention.json");

        assertThat(replay("message-channel-mention.json").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !teams.sent(conversation(message)).isEmpty());
        FakeBotFramework.Sent answer = teams.sent(conversation(message)).get(0);
        assertThat(answer.readable()).contains("personal chat");
        assertThat(teams.sent()).hasSize(1);
    }

    @Test
    void aClickOnACardThatIsNotKeptsGetsAnInvokeResponseThatSaysSo() {
        HttpResponse<String> response = replay("invoke-adaptiveCard-action-personal.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asString()).isEqualTo(AdaptiveCards.MESSAGE_CONTENT_TYPE);
        assertThat(body.path("value").asString()).contains("didn't understand");
    }

    @Test
    void signInInvokesAreNotImplementedAsTheSdksAnswerThem() {
        assertThat(replay("invoke-signin-tokenExchange.json").statusCode()).isEqualTo(501);
    }

    @Test
    void addedToSomeonesPersonalAppsKeptSaysHelloOnce() {
        ObjectNode added = activity("conversationUpdate-bot-added-personal.json");

        assertThat(replay("conversationUpdate-bot-added-personal.json").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> teams.sent(conversation(added)).size() == 1);
        assertThat(teams.sent(conversation(added)).get(0).readable()).contains("promise");
    }

    @Test
    void teamEventsAndReactionsGetNoAnswer() {
        for (String name : List.of("conversationUpdate-bot-added-team.json", "conversationUpdate-teamUnarchived.json",
                "installationUpdate-add-channel.json", "messageReaction-added-channel.json")) {
            assertThat(replay(name).statusCode()).as(name).isEqualTo(200);
        }
        // One message that must be answered, sent after them: once it is there, the others had their turn.
        ObjectNode message = activity("message-personal.json");
        replay("message-personal.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> !teams.sent(conversation(message)).isEmpty());
        assertThat(teams.sent()).hasSize(1);
    }
}
