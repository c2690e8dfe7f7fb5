package dev.kept.testing.core;

import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link PromiseStore} in maps; versions are checked like the real store does. Ids come from a seeded
 * random, so a test sees the same ids on every run. Not thread-safe: for tests that call it from one thread.
 */
public final class InMemoryPromiseStore implements PromiseStore {

    public final Map<PromiseId, Promise> promises = new LinkedHashMap<>();
    public final Map<PromiseId, List<HistoryEntry>> history = new HashMap<>();
    private final Random random = new Random(11);
    /** The store is unreachable: its calls throw {@link StoreUnavailableException}. */
    public volatile boolean down;
    /** Its calls throw an unexpected {@link IllegalStateException}. */
    public volatile boolean explodes;

    private void reachable() {
        if (down) {
            throw new StoreUnavailableException("connection refused", null);
        }
        if (explodes) {
            throw new IllegalStateException("boom");
        }
    }

    @Override
    public Promise create(PromiseDraft draft, HistoryEntry created, Function<Promise, FollowUps.Plan> plan) {
        reachable();
        PromiseId id;
        do {
            id = PromiseId.random(random, 4);
        } while (promises.containsKey(id));
        // as PromiseDraft.withId (package-private) and RedisPromiseStore make it: version 1, nothing rated yet
        Promise p = new Promise(id, draft.workspace(), draft.providerId(), draft.receiverId(), draft.what(),
                draft.whatMatters(), draft.due(), draft.created(), draft.status(), 0, 0, "", 1);
        promises.put(id, p);
        history.computeIfAbsent(id, k -> new ArrayList<>()).add(created);
        return p;
    }

    @Override
    public Optional<Promise> find(Workspace workspace, PromiseId id) {
        reachable();
        return Optional.ofNullable(promises.get(id)).filter(p -> p.workspace().equals(workspace));
    }

    @Override
    public boolean apply(Promise.Change change, FollowUps.Plan plan) {
        reachable();
        Promise current = promises.get(change.before().id());
        if (current == null || current.version() != change.before().version()) {
            return false;
        }
        promises.put(current.id(), change.after());
        history.get(current.id()).add(change.entry());
        return true;
    }

    private List<Promise> mine(Person person, Side side, boolean open) {
        reachable();
        return promises.values().stream()
                .filter(p -> p.workspace().equals(person.workspace()))
                .filter(p -> (side == Side.MADE ? p.providerId() : p.receiverId()).equals(person.userId()))
                .filter(p -> p.status().isActive() == open)
                .collect(Collectors.toList());
    }

    @Override
    public List<Promise> open(Person person, Side side, int limit) {
        return mine(person, side, true).stream().sorted(Comparator.comparing(Promise::due)).limit(limit).toList();
    }

    @Override
    public long countOpen(Person person, Side side) {
        return mine(person, side, true).size();
    }

    @Override
    public List<Promise> closed(Person person, Side side, int limit) {
        return mine(person, side, false).stream().sorted(Comparator.comparing(Promise::due).reversed())
                .limit(limit).toList();
    }

    @Override
    public List<HistoryEntry> history(Workspace workspace, PromiseId id) {
        reachable();
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public List<Promise> all(Person person, Side side) {
        List<Promise> all = new ArrayList<>(mine(person, side, true));
        all.addAll(mine(person, side, false));
        return all;
    }

    @Override
    public List<Promise> changedBetween(Workspace workspace, java.time.Instant from, java.time.Instant to) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public Map<PromiseId, List<HistoryEntry>> histories(Workspace workspace, java.util.Collection<PromiseId> ids) {
        Map<PromiseId, List<HistoryEntry>> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, history(workspace, id)));
        return out;
    }

    @Override
    public List<Promise> dueBetween(Workspace workspace, java.time.Instant from, java.time.Instant to) {
        reachable();
        return promises.values().stream().filter(p -> p.workspace().equals(workspace))
                .filter(p -> !p.due().isBefore(from) && p.due().isBefore(to)).toList();
    }

    @Override
    public Set<Workspace> workspaces() {
        reachable();
        return promises.values().stream().map(Promise::workspace).collect(Collectors.toSet());
    }
}
