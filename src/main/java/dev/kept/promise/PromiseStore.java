package dev.kept.promise;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;

import java.util.List;
import java.util.Optional;

/**
 * Port: where promises live. Every method is one atomic step: a promise is stored whole with its
 * indexes and history, or not at all.
 *
 * @throws dev.kept.chat.StoreUnavailableException from any method when the store cannot be reached
 */
public interface PromiseStore {

    /**
     * Stores a new promise under a fresh id unique in its workspace, with its first history entry and
     * the follow-ups {@code plan} gives for it (called with the promise as it will be stored).
     */
    Promise create(PromiseDraft draft, HistoryEntry created, java.util.function.Function<Promise, FollowUps.Plan> plan);

    Optional<Promise> find(Workspace workspace, PromiseId id);

    /**
     * Applies a change if the stored promise still has {@code change.before().version()}: writes the
     * new state, moves it between open/closed indexes and appends the history entry.
     *
     * In the same step, schedules and cancels the follow-ups in {@code plan}.
     *
     * @return false when someone else changed the promise first (nothing was written)
     */
    boolean apply(Promise.Change change, FollowUps.Plan plan);

    /** Active promises (open, or requests waiting for an answer) on one side of a person, soonest due first. */
    List<Promise> open(Person person, Side side, int limit);

    /** How many open promises a person has on one side. */
    long countOpen(Person person, Side side);

    /** Closed promises on one side of a person (delivered, rated, released, cancelled), most recently due first. */
    List<Promise> closed(Person person, Side side, int limit);

    List<HistoryEntry> history(Workspace workspace, PromiseId id);

    /** Every promise and request on one side of a person, active or closed, in no particular order. */
    List<Promise> all(Person person, Side side);

    /** Promises of a workspace whose last change (or creation) was in {@code [from, to)}. */
    List<Promise> changedBetween(Workspace workspace, java.time.Instant from, java.time.Instant to);

    /** The histories of several promises at once, in one round trip; missing ones map to an empty list. */
    java.util.Map<PromiseId, List<HistoryEntry>> histories(Workspace workspace, java.util.Collection<PromiseId> ids);

    /** Promises and requests of a workspace whose current due time is in {@code [from, to)}, in any state. */
    List<Promise> dueBetween(Workspace workspace, java.time.Instant from, java.time.Instant to);

    /** Every workspace in which a promise or request was ever made (for work done per workspace, like the weekly digest). */
    java.util.Set<Workspace> workspaces();
}
