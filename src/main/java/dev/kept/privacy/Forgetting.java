package dev.kept.privacy;

import dev.kept.chat.Person;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: the storage side of "forget me". Each call is safe to repeat: a run that stopped half-way is
 * finished by running it again.
 *
 * @throws dev.kept.chat.StoreUnavailableException from any method when the store cannot be reached
 */
public interface Forgetting {

    /**
     * In one atomic step, if the stored promise still has {@code before.version()} and its stored history
     * still has {@code historyRead} entries (what the caller read and rewrote): stores {@code after}
     * (the same promise with the forgotten person's id replaced by {@link FormerColleague#ID}, maybe
     * closed) and {@code history} in place of its history; moves it between the remaining party's open
     * and closed lists as {@code after}'s status says; drops every nudge planned for it.
     *
     * @return false when someone changed the promise first (nothing was written)
     */
    boolean anonymise(Promise before, int historyRead, Promise after, List<HistoryEntry> history);

    /**
     * Deletes everything that is {@code person}'s alone: their cached profile, settings, the question Kept
     * was waiting for them to answer, what an adapter keeps about them, their nudges (queued, held back, counted, failed) and their own lists
     * of promises; and any nudge still queued about one of {@code theirPromises}. Call it after every
     * promise was anonymised: it removes the lists that say which promises were theirs.
     *
     * @return false, with their lists left in place (everything else is deleted), when the lists name a
     *         promise not in {@code theirPromises}: one made with them meanwhile, to be anonymised first
     */
    boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now);
}
