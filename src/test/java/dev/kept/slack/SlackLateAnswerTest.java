package dev.kept.slack;

import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21: Slack posts a message at once but answers after Kept's client gave up (Slack's API has such
 * latency spikes). Kept's attempt looks unanswered, so before trying again it looks for the message's own
 * key in the DM: a new-promise DM and an answer in the DM arrive exactly once. (The client's limit is made
 * one second here, and the fake answers after two.)
 */
@TestPropertySource(properties = "kept.slack.call-timeout=1s")
class SlackLateAnswerTest extends SlackHttpTestSupport {

    static List<Call> postsTo(String channel, String words) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel")) && c.mentions(words)).toList();
    }

    @Test
    void aNewPromiseDmAnsweredLateReachesTheReceiverOnce() {
        slack.answerLateNext("chat.postMessage", 1, Duration.ofSeconds(2));

        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");

        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("promised you"));
        // long enough for Kept to have given up, looked, and (wrongly) sent again
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(postsTo("U222", "promised you")).hasSize(1);
        assertThat(slack.calls("conversations.history")).isNotEmpty();
    }

    @Test
    void anAnswerInTheDmAnsweredLateIsPostedOnce() {
        slack.answerLateNext("chat.postMessage", 1, Duration.ofSeconds(2));

        directMessage("U111", "help");

        awaitCall("chat.postMessage", c -> "DU111".equals(c.param("channel")));
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "DU111".equals(c.param("channel")))).hasSize(1);
    }
}
