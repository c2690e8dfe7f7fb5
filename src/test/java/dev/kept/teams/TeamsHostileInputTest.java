package dev.kept.teams;

import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, for Teams: an activity with a valid token (a buggy proxy, an edited replay) but shaped as Teams never
 * sends one gets 400 with a short reason naming the field, before anything reads it: nothing stored, nothing
 * sent. What Teams really sends passes: {@link TeamsReplayTest} replays recorded activities through the same check.
 */
class TeamsHostileInputTest extends TeamsHttpTestSupport {

    static Arguments broken(String kind, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(kind, field, breakIt);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                broken("type missing", "type", a -> a.remove("type")),
                broken("type a number", "type", a -> a.put("type", 7)),
                broken("from a string", "from", a -> a.put("from", "29:1alice")),
                broken("from without an id", "from.id", a -> a.withObject("from").remove("id")),
                broken("from.id with CR/LF", "from.id", a -> a.withObject("from").put("id", "29:1alice\r\nX")),
                broken("from.id with a NUL", "from.id", a -> a.withObject("from").put("id", "29:1al\u0000ice")),
                broken("from.aadObjectId markup", "from.aadObjectId",
                        a -> a.withObject("from").put("aadObjectId", "<at>bob</at>")),
                broken("from.name a list", "from.name", a -> a.withObject("from").putArray("name").add("Alice")),
                broken("conversation null", "conversation.id", a -> a.putNull("conversation")),
                broken("conversation without an id", "conversation.id", a -> a.withObject("conversation").remove("id")),
                broken("conversation a list", "conversation", a -> a.putArray("conversation")),
                broken("text an object", "text", a -> a.putObject("text").put("x", 1)),
                broken("channelData a list", "channelData", a -> a.putArray("channelData")),
                broken("tenant id with a space", "conversation.tenantId",
                        a -> a.withObject("conversation").put("tenantId", "tenant x")),
                broken("entities numbers", "entities", a -> a.putArray("entities").add(1).add(2)),
                broken("membersAdded a string", "membersAdded", a -> a.put("membersAdded", "28:kept")),
                broken("an id of 2,000 characters", "from.id", a -> a.withObject("from").put("id", "29:" + "x".repeat(2_000))),
                broken("an invoke whose value is a string", "value", a -> {
                    a.put("type", "invoke");
                    a.put("name", "adaptiveCard/action");
                    a.put("value", "promise.deliver");
                }));
    }

    @ParameterizedTest(name = "{0}: 400")
    @MethodSource("hostile")
    void refusedAtTheEdgeWithNothingStoredOrSent(String kind, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode activity = teams.message(alice, "list", clock.instant());
        breakIt.accept(activity);
        var before = TestRedis.snapshot(TestRedis.template());

        HttpResponse<String> response = teams.post(kept(), activity, clock.instant());

        assertThat(response.statusCode()).as(kind + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).as(kind).startsWith(field + " ").doesNotContain("Exception").hasSizeLessThan(120);
        assertThat(TestRedis.snapshot(TestRedis.template())).as(kind + ": nothing stored").isEqualTo(before);

        // Work runs after the answer, in order: once Alice's next message is answered, anything the refused one
        // had set off would have been sent too.
        assertThat(say(alice, "help").statusCode()).isEqualTo(200);
        awaitSent(dm(alice), s -> true);
        assertThat(teams.sent()).as(kind + ": only the answer to the message after it").hasSize(1);
    }

    @Test
    void whatTeamsSendsWithNullsWhereItMayPasses() {
        ObjectNode activity = teams.message(alice, "help", clock.instant());
        activity.putNull("locale");
        activity.putNull("entities");
        activity.withObject("from").putNull("name");
        assertThat(teams.post(kept(), activity, clock.instant()).statusCode()).isEqualTo(200);
        awaitSent(dm(alice), s -> true);
    }
}
