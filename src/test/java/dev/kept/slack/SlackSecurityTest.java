package dev.kept.slack;

import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Only Slack gets in, and nothing people type can ping a channel or fake a link. */
class SlackSecurityTest extends SlackHttpTestSupport {

    String command() {
        return SlackRequests.slashCommandBody(TEAM, "U111", "alice", "/promise",
                "<@U222|bob> the Q3 deck by friday", slack.responseUrl("x"), "t", "C0GENERAL");
    }

    @Test
    void aWrongSignatureIsRefusedAndNothingHappens() {
        String body = command();
        long now = clock.instant().getEpochSecond();
        String forged = SlackRequests.signature("not-the-secret", now, body);
        HttpResponse<String> response = SlackRequests.postWithSignature(http, events(), forged, now, SlackRequests.FORM, body);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void aRequestOlderThanFiveMinutesIsRefused() {
        long old = clock.instant().getEpochSecond() - 5 * 60 - 1;
        HttpResponse<String> response = SlackRequests.post(http, events(), SECRET, old, SlackRequests.FORM, command());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void aRequestFromMoreThanFiveMinutesInTheFutureIsRefused() {
        long ahead = clock.instant().getEpochSecond() + 5 * 60 + 1;
        HttpResponse<String> response = SlackRequests.post(http, events(), SECRET, ahead, SlackRequests.FORM, command());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestWithoutSignatureHeadersIsRefused() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(events())
                .header("Content-Type", SlackRequests.FORM)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(command())).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        long now = clock.instant().getEpochSecond();
        String body = command();
        String signature = SlackRequests.signature(SECRET, now, body);
        HttpResponse<String> response = SlackRequests.postWithSignature(http, events(), signature, now,
                SlackRequests.FORM, body.replace("U111", "U333"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void textPeopleTypeCannotPingAChannelOrHideALink() {
        // Slack escapes & < > typed by people; Kept must keep them inert when it echoes the text.
        slash("U111", "<@U222|bob> tell &lt;!channel&gt; about &lt;https://evil.example|the prize&gt; "
                + "and <!here> by friday");
        Call dm = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        String rendered = decoded(dm.blocks()) + decoded(dm.text());
        // the link's scheme and host shown with lookalikes (∶ ․), so Slack can't link them by itself either
        assertThat(rendered).contains("&lt;!channel&gt;", "&lt;https\u2236//evil\u2024example|the prize&gt;", "@here");
        assertThat(rendered).doesNotContain("<!channel>", "<!here>", "<https://evil.example", "https://evil.example");
        assertThat(rendered).contains("<@U111>");
    }

    static String decoded(String json) {
        return json == null ? "" : json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
    }
}
