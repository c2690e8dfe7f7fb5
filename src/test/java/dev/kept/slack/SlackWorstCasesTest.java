package dev.kept.slack;

import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: the largest things Kept allows, rendered for Slack and judged by Slack's Block Kit limits (the judge
 * runs after every test of {@link SlackHttpTestSupport}; here it meets the worst cases).
 */
class SlackWorstCasesTest extends SlackHttpTestSupport {

    @Test
    void aThousandCharacterPromiseOfEscapedCharactersStaysWithinSlacksLimits() {
        String what = "&<".repeat(500);   // 1,000 characters typed; 4,500 once escaped for mrkdwn
        assertThat(what).hasSize(1000);

        slash("U111", "<@U222|bob> " + what + " by friday 3pm");

        Call confirmation = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        assertThat(confirmation.blocks()).contains("…");
        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        assertThat(slack.takeLimitViolations()).isEmpty();
    }

    @Test
    void thirtyOpenPromisesWithEmojiAndRightToLeftTextInTheListAndTheHomeTab() {
        for (int i = 1; i <= 30; i++) {
            slash("U111", "<@U222|bob> מסמך " + i + " 🙂 العرض التقديمي " + "x".repeat(900) + " by friday 3pm");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> slack.calls(FakeSlackApi.RESPONSE_URL).stream().filter(c -> c.mentions("You promised")).count() == 30);

        slack.reset();
        slash("U111", "list");
        Call list = awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        assertThat(list.blocks()).isNotEmpty();

        signedPost(SlackRequests.JSON, SlackAppHomeTest.homeOpenedBody("U111", "home"));
        awaitCall("views.publish", c -> true);
        assertThat(slack.takeLimitViolations()).isEmpty();
    }
}
