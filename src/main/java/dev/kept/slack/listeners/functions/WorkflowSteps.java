package dev.kept.slack.listeners.functions;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.FunctionExecutedEvent;
import dev.kept.chat.BoundedWork;
import dev.kept.chat.Person;
import dev.kept.inbox.Inbox;
import dev.kept.promise.PromiseInbound;
import dev.kept.slack.SlackCalls;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Kept's Workflow Builder steps (custom steps: {@code functions} in {@code manifest.yml}, {@code function_executed}
 * events): "Make a promise" and "Ask a colleague". Acked at once; the step is then done through the core, with
 * the checks of {@code /promise}, and finished with {@code functions.completeSuccess} (outputs: the promise's id
 * and status) or {@code functions.completeError} (what was wrong). Custom steps need a paid Slack plan.
 */
@Component
class WorkflowSteps implements ListenerRegistrar {

    /** The callback ids the manifest gives the steps. */
    static final String MAKE_PROMISE = "make_promise";
    static final String ASK_COLLEAGUE = "ask_colleague";

    private static final Logger log = LoggerFactory.getLogger(WorkflowSteps.class);

    private final Inbox inbox;
    private final SlackWork work;
    private final SlackCalls calls;

    WorkflowSteps(Inbox inbox, SlackWork work, SlackCalls calls) {
        this.inbox = inbox;
        this.work = work;
        this.calls = calls;
    }

    @Override
    public void register(App app) {
        app.function(MAKE_PROMISE, (payload, context) -> {
            run(payload.getTeamId(), payload.getEvent(), context, "provider_id", "receiver_id", false);
            return context.ack();
        });
        app.function(ASK_COLLEAGUE, (payload, context) -> {
            run(payload.getTeamId(), payload.getEvent(), context, "requester_id", "asked_id", true);
            return context.ack();
        });
    }

    private void run(String teamId, FunctionExecutedEvent event, EventContext context, String actorInput,
                     String otherInput, boolean asking) {
        Map<String, FunctionExecutedEvent.InputValue> inputs = event.getInputs() == null ? Map.of() : event.getInputs();
        boolean taken = work.submit(() -> {
            Optional<String> actor = text(inputs, actorInput);
            if (actor.isEmpty() || !actor.get().matches("[UW][A-Z0-9]{2,31}")) {
                fail(context, (asking ? "Who asks" : "Who promises") + " is missing. Fill in every input of the step.");
                return;
            }
            Person person = SlackResponder.workspace(teamId).person(actor.get());
            PromiseInbound.Step step = inbox.workflowStep(person, text(inputs, otherInput).orElse(null),
                    text(inputs, "what").orElse(""), due(inputs).orElse(null), asking);
            if (step.made().isPresent()) {
                Map<String, Object> outputs = Map.of("promise_id", step.made().get().id().value(),
                        "status", step.made().get().status().name());
                calls.call("functions.completeSuccess", () -> context.complete(outputs));
            } else {
                fail(context, step.error());
            }
        });
        if (!taken) {
            fail(context, BoundedWork.BUSY);
        }
    }

    private void fail(EventContext context, String error) {
        try {
            calls.call("functions.completeError", () -> context.fail(error));
        } catch (SlackCalls.SlackCallFailed e) {
            log.warn("Could not finish a workflow step with an error: {}", e.getMessage());
        }
    }

    private static Optional<String> text(Map<String, FunctionExecutedEvent.InputValue> inputs, String name) {
        FunctionExecutedEvent.InputValue v = inputs.get(name);
        return Optional.ofNullable(v == null ? null : v.asString()).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A {@code slack#/types/timestamp} input: seconds since the epoch. */
    private static Optional<Instant> due(Map<String, FunctionExecutedEvent.InputValue> inputs) {
        return text(inputs, "due").flatMap(s -> {
            try {
                return Optional.of(Instant.ofEpochSecond((long) Double.parseDouble(s)));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }
}
