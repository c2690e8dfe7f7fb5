package dev.kept.teams;

import dev.kept.testing.FullWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: in Teams too, someone whose message or click Kept is too busy to take hears "busy": an
 * {@code Action.Execute} in its invoke response, a typed message and an {@code Action.Submit} (whose 200
 * carries no words) in the chat. Kept's work is filled with tasks that wait, so the next one is refused.
 */
class TeamsBusyTest extends TeamsHttpTestSupport {

    @Autowired
    TeamsWork work;

    private FullWork full;

    void fillTheWork() {
        full = FullWork.fill(work, TeamsWork.WORKERS, TeamsWork.QUEUE);
    }

    @AfterEach
    void freeTheWork() {
        if (full != null) {
            full.close();
        }
    }

    @Test
    void aRefusedMessageIsAnsweredBusyInTheChat() {
        fillTheWork();

        assertThat(say(alice, "list").statusCode()).isEqualTo(200);

        awaitSent(dm(alice), s -> s.mentions("very busy"));
    }

    @Test
    void aRefusedExecuteSaysBusyInItsInvokeResponse() {
        fillTheWork();

        ObjectNode click = teams.execute(alice, "promise.deliver", null, null, clock.instant());
        click.withObject("value").withObject("action").withObject("data").put("kept", "click")
                .put("action", "promise.deliver").put("value", "K7Q2");
        HttpResponse<String> response = teams.post(kept(), click, clock.instant());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("value").asString()).contains("very busy");
    }

    @Test
    void aRefusedSubmitIsAnsweredBusyInTheChat() {
        fillTheWork();
        ObjectNode value = JSON.createObjectNode().put("kept", "click").put("action", "promise.deliver").put("value", "K7Q2");

        assertThat(teams.post(kept(), teams.submit(alice, value, null, clock.instant()), clock.instant()).statusCode())
                .isEqualTo(200);

        awaitSent(dm(alice), s -> s.mentions("very busy"));
    }
}
