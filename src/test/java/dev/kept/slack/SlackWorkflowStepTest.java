package dev.kept.slack;

import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: Kept's Workflow Builder steps. The recorded {@code function_executed} event, signed and over HTTP:
 * "Make a promise" makes it through the core (the receiver is DMed as after {@code /promise}) and completes the
 * step with the promise's id and status; "Ask a colleague" makes a request; bad inputs complete it with an error
 * that says what is wrong, and store nothing.
 */
class SlackWorkflowStepTest extends SlackHttpTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PromiseStore store;

    HttpResponse<String> step(Consumer<ObjectNode> edit) {
        ObjectNode body = (ObjectNode) JSON.readTree(SlackReplayTest.resource("event-function_executed.json"));
        edit.accept(body);
        return signedPost(SlackRequests.JSON, JSON.writeValueAsString(body));
    }

    static tools.jackson.databind.JsonNode done(Call completeSuccess) {
        return JSON.readTree(completeSuccess.param("outputs"));
    }

    static ObjectNode inputs(ObjectNode body) {
        return ((ObjectNode) body.get("event")).withObject("inputs");
    }

    @Test
    void makeAPromiseMakesItAndCompletesTheStepWithItsId() {
        assertThat(step(b -> { }).statusCode()).isEqualTo(200);

        Call done = awaitCall("functions.completeSuccess", c -> "Fx111".equals(c.param("function_execution_id")));
        String id = JSON.readTree(done.param("outputs")).path("promise_id").asString();
        Promise made = store.find(WS, new dev.kept.promise.PromiseId(id)).orElseThrow();
        assertThat(made.providerId()).isEqualTo("U111");
        assertThat(made.what()).isEqualTo("the Q3 deck");
        assertThat(made.receiverId()).isEqualTo("U222");
        assertThat(made.due()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(JSON.readTree(done.param("outputs")).path("status").asString()).isEqualTo("OPEN");
        awaitDm("U222", c -> c.mentions("promised you") && c.mentions("the Q3 deck"));
        Call toProvider = awaitDm("U111", c -> c.mentions("A workflow did this in your name"));
        assertThat(toProvider.mentions("You promised")).isTrue();
        assertThat(toProvider.mentions(made.id().value())).as("the id to cancel it by").isTrue();
        assertThat(slack.calls("functions.completeError")).isEmpty();
    }

    @Test
    void askAColleagueMakesARequest() {
        step(b -> {
            ((ObjectNode) b.get("event")).withObject("function").put("callback_id", "ask_colleague");
            inputs(b).removeAll();
            inputs(b).put("requester_id", "U111").put("asked_id", "U222").put("what", "the Q3 figures")
                    .put("due", "1795791600");
        });

        Call done = awaitCall("functions.completeSuccess", c -> done(c).path("status").asString().equals("REQUESTED"));
        Promise request = store.find(WS, new dev.kept.promise.PromiseId(done(done).path("promise_id").asString())).orElseThrow();
        assertThat(request.status()).isEqualTo(PromiseStatus.REQUESTED);
        awaitDm("U222", c -> c.mentions("asks you"));
    }

    @Test
    void badInputsCompleteTheStepWithAnErrorAndStoreNothing() {
        step(b -> inputs(b).put("due", "1700000000"));   // 2023: in the past
        Call past = awaitCall("functions.completeError", c -> true);
        assertThat(past.body()).containsIgnoringCase("past");

        slack.reset();
        step(b -> inputs(b).put("receiver_id", "U111"));   // to oneself
        Call self = awaitCall("functions.completeError", c -> true);
        assertThat(self.body()).contains("yourself");

        slack.reset();
        step(b -> inputs(b).remove("receiver_id"));
        Call missing = awaitCall("functions.completeError", c -> true);
        assertThat(missing.body()).contains("missing");

        assertThat(slack.calls("functions.completeSuccess")).isEmpty();
        assertThat(store.countOpen(WS.person("U111"), Side.MADE)).as("nothing stored").isZero();
    }
}
