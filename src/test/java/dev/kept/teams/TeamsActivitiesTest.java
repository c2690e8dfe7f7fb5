package dev.kept.teams;

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
}
