package dev.kept.slack;

import dev.kept.promise.ActionIds;
import dev.kept.testing.FullWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: when Kept is too busy to take what someone did, they hear "busy", whatever they did. A command's
 * ack carries the words; a click's and a message's ack carry none, so the notice comes by the click's
 * response_url or in the DM. Kept's work is filled here with tasks that wait, so the next one is refused.
 */
@TestPropertySource(properties = {"kept.slack.workers=1", "kept.slack.queue=1"})
class SlackBusyTest extends SlackHttpTestSupport {

    @Autowired
    SlackWork work;

    private FullWork full;

    /** Occupies the one worker and the one queue place until {@link #freeTheWork}. */
    void fillTheWork() {
        full = FullWork.fill(work, 1, 1);
    }

    @AfterEach
    void freeTheWork() {
        if (full != null) {
            full.close();
        }
    }

    @Test
    void aRefusedCommandSaysBusyInItsAck() {
        fillTheWork();

        HttpResponse<String> response = slash("U111", "list");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("very busy").contains("Please try again in a moment");
    }

    @Test
    void aRefusedClickIsToldBusyThroughItsResponseUrl() {
        fillTheWork();

        assertThat(click("U111", ActionIds.DELIVER, "K7Q2").statusCode()).isEqualTo(200);

        awaitCall(dev.kept.testing.slack.FakeSlackApi.RESPONSE_URL, c -> c.mentions("very busy"));
    }

    @Test
    void aRefusedDirectMessageIsAnsweredBusyInTheChat() {
        fillTheWork();

        assertThat(directMessage("U111", "list").statusCode()).isEqualTo(200);

        awaitCall("chat.postMessage", c -> "DU111".equals(c.param("channel")) && c.mentions("very busy"));
    }
}
