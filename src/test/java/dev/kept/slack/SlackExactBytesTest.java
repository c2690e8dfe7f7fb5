package dev.kept.slack;

import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: in HTTP mode the signature is checked over the bytes exactly as Slack sent them. Slack form-encodes
 * every byte outside the RFC 3986 unreserved set, so {@code *bold*} arrives as {@code %2Abold%2A}; a body rebuilt
 * from parsed parameters would bring the {@code *} back raw and fail the HMAC.
 */
class SlackExactBytesTest extends SlackHttpTestSupport {

    @Test
    void slacksEncodingDiffersFromUrlEncoderWhereItMatters() {
        assertThat(SlackRequests.slackEncode("*bold* ~x~")).isEqualTo("%2Abold%2A+~x~");
        assertThat(URLEncoder.encode("*bold* ~x~", StandardCharsets.UTF_8)).isEqualTo("*bold*+%7Ex%7E");
        assertThat(SlackRequests.slackEncode("'()!é🙂")).isEqualTo("%27%28%29%21%C3%A9%F0%9F%99%82");
    }

    @ParameterizedTest(name = "a slash command with {0} signed over Slack''s bytes is accepted")
    @ValueSource(strings = {"*", "~", "'", "(", ")", "!", "é", "🙂", "*bold* and _it_"})
    void aSlashCommandSignedOverSlacksEncodingIsAccepted(String chars) {
        String body = SlackRequests.slashCommandBody(TEAM, "U111", "alice", "/promise",
                "<@U222|bob> the " + chars + " deck by friday 3pm", slack.responseUrl("exact"), "trigger-exact", "C0GENERAL");

        HttpResponse<String> response = signedPost(SlackRequests.FORM, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "the same command with one byte changed is refused ({0})")
    @ValueSource(strings = {"*", "~", "é"})
    void oneByteChangedIsRefused(String chars) {
        String body = SlackRequests.slashCommandBody(TEAM, "U111", "alice", "/promise",
                "<@U222|bob> the " + chars + " deck by friday 3pm", slack.responseUrl("exact"), "trigger-exact", "C0GENERAL");
        long ts = clock.instant().getEpochSecond();
        String signature = SlackRequests.signature(SECRET, ts, body);
        String changed = body.replace("deck", "desk");

        assertThat(post(SlackRequests.FORM, changed, ts, signature).statusCode()).isEqualTo(401);
        // the very bytes Slack signed, decoded and re-encoded the Java way (* raw): refused, as Spring's rebuilt body was
        String reencoded = body.replace("%2A", "*");
        if (!reencoded.equals(body)) {
            assertThat(post(SlackRequests.FORM, reencoded, ts, signature).statusCode()).isEqualTo(401);
        }
        assertThat(post(SlackRequests.FORM, body, ts, signature).statusCode()).isEqualTo(200);
    }

    @Test
    void aClickOnAMessageWithBoldTextIsAccepted() {
        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        String payload = SlackRequests.blockActionPayload(TEAM, "U222", "promise.acknowledge", "K0000",
                "DU222", "1763800000.000100", "trigger-click", slack.responseUrl("click-exact"));
        String body = SlackRequests.interactionBody(payload);
        assertThat(body).contains("%2Abold%2A");
        long ts = clock.instant().getEpochSecond();
        String signature = SlackRequests.signature(SECRET, ts, body);

        assertThat(post(SlackRequests.FORM, body, ts, signature).statusCode()).isEqualTo(200);
        assertThat(post(SlackRequests.FORM, body.replace("%2Abold%2A", "*bold*"), ts, signature).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aJsonEventIsCheckedOverItsBytesToo() {
        String body = directMessageBody("U111", "*help* me — é 🙂");
        long ts = clock.instant().getEpochSecond();
        String signature = SlackRequests.signature(SECRET, ts, body);

        assertThat(post(SlackRequests.JSON, body, ts, signature).statusCode()).isEqualTo(200);
        assertThat(post(SlackRequests.JSON, body.replace("help", "hel p"), ts, signature).statusCode()).isEqualTo(401);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() {
        String body = "payload=" + "a".repeat(SlackEventsController.MAX_BODY_BYTES + 1);
        long ts = clock.instant().getEpochSecond();

        assertThat(post(SlackRequests.FORM, body, ts, SlackRequests.signature(SECRET, ts, body)).statusCode())
                .isEqualTo(413);
    }

    private HttpResponse<String> post(String contentType, String body, long ts, String signature) {
        return SlackRequests.postWithSignature(http, events(), signature, ts, contentType, body);
    }
}
