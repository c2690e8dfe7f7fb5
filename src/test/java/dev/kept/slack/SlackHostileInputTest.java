package dev.kept.slack;

import dev.kept.promise.ActionIds;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: requests signed correctly (a leaked secret, a buggy proxy, an edited replay) but shaped as Slack never
 * sends them get 400 with a short reason at the edge, before any listener: nothing stored, nothing sent, and
 * never Spring's 500. Each kind below answered 500 before, or was answered at an address Slack never gives.
 */
class SlackHostileInputTest extends SlackHttpTestSupport {

    static String command(String team, String user, String responseUrl) {
        return SlackRequests.slashCommandBody(team, user, "alice", "/promise", "list", responseUrl, "t", "C0GENERAL");
    }

    static Stream<Arguments> hostile() {
        String url = slack.responseUrl("hostile");
        return Stream.of(
                Arguments.of("user_id empty", SlackRequests.FORM, command(TEAM, "", url)),
                Arguments.of("team_id empty", SlackRequests.FORM, command("", "U111", url)),
                Arguments.of("team_id with a NUL", SlackRequests.FORM, command("T12\u00003", "U111", url)),
                Arguments.of("user_id with CR/LF", SlackRequests.FORM, command(TEAM, "U111\r\nX", url)),
                Arguments.of("user_id of a mention", SlackRequests.FORM, command(TEAM, "<@U222>", url)),
                Arguments.of("response_url elsewhere", SlackRequests.FORM, command(TEAM, "U111", "http://evil.example/x")),
                Arguments.of("response_url a file", SlackRequests.FORM, command(TEAM, "U111", "file:///etc/passwd")),
                Arguments.of("response_url Slack's host over http", SlackRequests.FORM,
                        command(TEAM, "U111", "http://hooks.slack.com/commands/T123/1/x")),
                Arguments.of("a JSON array", SlackRequests.JSON, "[1,2,3]"),
                Arguments.of("type null", SlackRequests.JSON, "{\"type\": null}"),
                Arguments.of("url_verification without a challenge", SlackRequests.JSON, "{\"type\": \"url_verification\"}"),
                Arguments.of("event null", SlackRequests.JSON,
                        "{\"type\": \"event_callback\", \"team_id\": \"T123\", \"event\": null}"),
                Arguments.of("app_home_opened without a user", SlackRequests.JSON,
                        "{\"type\": \"event_callback\", \"team_id\": \"T123\", \"event_id\": \"Ev1\", "
                                + "\"event\": {\"type\": \"app_home_opened\", \"user\": null, \"tab\": \"home\"}}"),
                Arguments.of("a DM from a malformed user", SlackRequests.JSON,
                        SlackRequests.messageImEventBody(TEAM, "U1\n11", "DU111", "list", "1763800000.000001")),
                Arguments.of("a click whose payload is not JSON", SlackRequests.FORM, "payload=%7Bnot+json"),
                Arguments.of("a click with no user", SlackRequests.FORM, SlackRequests.interactionBody(
                        "{\"type\": \"block_actions\", \"team\": {\"id\": \"T123\"}, \"actions\": []}")),
                Arguments.of("a click answered elsewhere", SlackRequests.FORM, SlackRequests.interactionBody(
                        SlackRequests.blockActionPayload(TEAM, "U111", ActionIds.DELIVER, "K7Q2", "DU111",
                                "1763800000.000100", "t", "https://evil.example/hooks"))),
                Arguments.of("a message shortcut without its message", SlackRequests.FORM, SlackRequests.interactionBody(
                        "{\"type\": \"message_action\", \"callback_id\": \"promise.from_message\", \"team\": {\"id\": \"T123\"}, "
                                + "\"user\": {\"id\": \"U111\"}, \"channel\": {\"id\": \"C0GENERAL\"}, \"message\": null, "
                                + "\"message_ts\": \"1583636382.000300\", \"trigger_id\": \"t\"}")),
                Arguments.of("a message shortcut on a message by a forged user", SlackRequests.FORM, SlackRequests.interactionBody(
                        "{\"type\": \"message_action\", \"callback_id\": \"promise.from_message\", \"team\": {\"id\": \"T123\"}, "
                                + "\"user\": {\"id\": \"U111\"}, \"channel\": {\"id\": \"C0GENERAL\"}, "
                                + "\"message\": {\"user\": \"<!channel>\", \"text\": \"x\"}, "
                                + "\"message_ts\": \"1583636382.000300\", \"trigger_id\": \"t\"}")),
                Arguments.of("a form body that is neither", SlackRequests.FORM, "hello=world"),
                Arguments.of("broken URL encoding", SlackRequests.FORM, "command=%2&team_id=T123"));
    }

    @ParameterizedTest(name = "{0}: 400")
    @MethodSource("hostile")
    void refusedAtTheEdgeWithNothingStoredOrSent(String kind, String contentType, String body) {
        var before = TestRedis.snapshot(TestRedis.template());

        HttpResponse<String> response = signedPost(contentType, body);

        assertThat(response.statusCode()).as(kind + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).as(kind).doesNotContain("Exception").doesNotContain("at dev.").hasSizeLessThan(200);
        assertThat(slack.calls()).as(kind + ": no call to Slack, no answer anywhere").isEmpty();
        assertThat(TestRedis.snapshot(TestRedis.template())).as(kind + ": nothing stored").isEqualTo(before);
    }

    @Test
    void whatSlackReallySendsStillPasses() {
        assertThat(slash("U111", "list").statusCode()).isEqualTo(200);
        assertThat(signedPost(SlackRequests.FORM, command("E0GRID1", "W0GRIDUSER", slack.responseUrl("grid"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlySlacksHostOrTheConfiguredApiOriginMayBeAnsweredAt() {
        SlackResponseUrls urls = new SlackResponseUrls(new SlackProperties("x", "", "s", "https://slack.com/api/", 1, 1, java.time.Duration.ofSeconds(10)));
        assertThat(urls.allowed("https://hooks.slack.com/commands/T123/1/abc")).isTrue();
        assertThat(urls.allowed("https://hooks.slack.com:443/actions/T123/1/abc")).isTrue();
        assertThat(urls.allowed("http://hooks.slack.com/commands/T123/1/abc")).isFalse();
        assertThat(urls.allowed("https://hooks.slack.com.evil.example/x")).isFalse();
        assertThat(urls.allowed("https://user@hooks.slack.com/x")).isFalse();
        assertThat(urls.allowed("https://127.0.0.1:9999/response/x")).isFalse();
        SlackResponseUrls test = new SlackResponseUrls(new SlackProperties("x", "", "s", slack.baseUrl(), 1, 1, java.time.Duration.ofSeconds(10)));
        assertThat(test.allowed(slack.responseUrl("x"))).isTrue();
        assertThat(test.allowed("http://evil.example/x")).isFalse();
    }

    @Test
    void whatSpringRefusesStaysA4xxWithAShortPlainAnswer() throws Exception {
        var get = http.send(java.net.http.HttpRequest.newBuilder(events()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).doesNotContain("timestamp").doesNotContain("Exception").hasSizeLessThan(200);
        var nowhere = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/no/such/page")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).doesNotContain("Exception");
    }
}
