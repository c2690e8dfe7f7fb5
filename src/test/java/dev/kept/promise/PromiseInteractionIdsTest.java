package dev.kept.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ids {@link PromiseInbound} announces are the ones it answers, because both come from one table. */
class PromiseInteractionIdsTest {

    private final PromiseInbound inbound = new PromiseInbound(PromiseServiceBuilder.with(
            new dev.kept.testing.core.InMemoryPromiseStore(), new dev.kept.testing.core.FakeDirectory(new Workspace("test", "T1")),
            new dev.kept.testing.core.RecordingMessenger(), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
            .build());
    private final Person alice = new Workspace("test", "T1").person("UALICE");

    @Test
    void theButtonsAndFormsArePromises() {
        Set<String> buttons = new HashSet<>(Set.of(ActionIds.ACKNOWLEDGE, ActionIds.SUGGEST, ActionIds.DELIVER,
                ActionIds.ACCEPT_DUE, ActionIds.MORE_TIME, ActionIds.RELEASE, ActionIds.RATE));
        buttons.addAll(ActionIds.RATE_SCORES);
        assertThat(inbound.actionIds()).containsExactlyInAnyOrderElementsOf(buttons);
        assertThat(inbound.formIds()).containsExactlyInAnyOrder(ActionIds.NEW_PROMISE_FORM, ActionIds.NEW_REQUEST_FORM,
                ActionIds.SUGGEST_FORM, ActionIds.MORE_TIME_FORM, ActionIds.RELEASE_FORM);
    }

    @Test
    void everyAnnouncedButtonIsAnsweredAndNoOther() {
        for (String id : inbound.actionIds()) {
            // a value that is no promise: the button is known, its value out of date
            assertThat(text(inbound.action(alice, id, "not an id"))).as(id).contains("That button is out of date");
        }
        assertThat(text(inbound.action(alice, "promise.nope", "K7Q2"))).contains("That button isn't one I know any more");
        assertThat(text(inbound.action(alice, ActionIds.REQUEST_ACCEPT, "K7Q2"))).contains("isn't one I know");
    }

    @Test
    void anIdCanHaveOneHandlerOnly() {
        HandlerTable.Builder<String> table = HandlerTable.<String>builder().on("promise.deliver", "one");
        assertThatThrownBy(() -> table.on("promise.deliver", "two")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promise.deliver");
    }

    private static String text(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Reply.class);
        return ((Outcome.Reply) outcome).message().summary().toPlainString();
    }
}
