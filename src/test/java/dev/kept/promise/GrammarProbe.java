package dev.kept.promise;

import dev.kept.testing.core.FakeDirectory;
import dev.kept.testing.core.InMemoryPromiseStore;
import dev.kept.testing.core.RecordingMessenger;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one typed command through the real {@link PromiseInbound} and {@link PromiseService} (with the
 * in-memory fakes of {@code dev.kept.testing.core}) with a platform's {@link PlatformText}: for adapter tests
 * in other packages that check their text reaches the core's grammar as it should. Everyone is in UTC.
 */
public final class GrammarProbe {

    public static final Workspace WORKSPACE = new Workspace("test", "T1");

    /** What the command did: the answer, and the promises that exist afterwards. */
    public record Result(Outcome outcome, List<Promise> promises) {
    }

    private GrammarProbe() {
    }

    /**
     * @param people user id → name of everyone in the workspace
     * @param forms  whether the platform can show forms (a command that lacks something then opens one)
     */
    public static Result run(Instant now, Map<String, String> people, String invokerId, PlatformText text,
                             String command, boolean forms) {
        InMemoryPromiseStore store = new InMemoryPromiseStore();
        FakeDirectory directory = new FakeDirectory(WORKSPACE);
        people.forEach((id, name) -> directory.add(id, name, ZoneOffset.UTC, false, true));
        PromiseInbound inbound = new PromiseInbound(PromiseServiceBuilder.with(store, directory,
                new RecordingMessenger(), Clock.fixed(now, ZoneOffset.UTC)).build());
        Person invoker = WORKSPACE.person(invokerId);
        Outcome outcome = inbound.command(new Invocation(invoker, text, forms), command);
        return new Result(outcome, new ArrayList<>(store.promises.values()));
    }
}
