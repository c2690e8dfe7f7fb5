package dev.kept.nudge;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: durable delayed jobs (nudges), shared by every Kept instance on one store.
 *
 * <p>A job is queued with a due time. {@link #claim} hands due jobs out atomically, each with a
 * lease: only the holder of the lease's token may finish the job ({@link #sent}, {@link #drop},
 * {@link #fail}, {@link #retryAt}, {@link #hold}); if the holder dies, the lease expires and the job is claimed
 * again, with {@link Claim#claims()} one higher. A job finished with {@link #sent} is remembered
 * for a while, so the same id is never queued or sent again.
 *
 * @throws dev.kept.chat.StoreUnavailableException from any method when the store cannot be reached
 */
public interface NudgeQueue {

    /**
     * A job handed to one dispatcher.
     *
     * @param claims   how many times it has been claimed, this time included (more than 1: a previous holder died)
     * @param attempts failed delivery attempts so far (set by {@link #retryAt})
     * @param token    proves the lease; another claim of the same job gets another token
     */
    record Claim(Workspace workspace, String id, Map<String, String> data, Instant dueAt, int claims,
                 int attempts, String token) {
        public Claim {
            data = Map.copyOf(data);
        }
    }

    /** A job held back for a person over their daily cap. */
    record Held(String id, Map<String, String> data) {
        public Held {
            data = Map.copyOf(data);
        }
    }

    /**
     * Claims up to {@code max} jobs, across workspaces, whose due time is at or before {@code now},
     * or whose lease has expired, earliest first; leases them until {@code now + lease}.
     */
    List<Claim> claim(Instant now, Duration lease, int max);

    /** The earliest due time or lease expiry of any job, or empty when nothing is queued. */
    Optional<Instant> nextDue();

    /** Queues jobs that are neither queued nor sent already (the same rule as follow-ups of a promise change). */
    void schedule(Workspace workspace, List<FollowUp> jobs);

    /** Delivered: removes the job, remembers its id as sent, queues {@code followUps}. False if the lease was lost. */
    boolean sent(Claim claim, List<FollowUp> followUps);

    /** Finished without sending: the nudge is no longer relevant. False if the lease was lost. */
    boolean drop(Claim claim);

    /** Finished without sending: it failed for good; {@code reason} is recorded in {@link #failed}. */
    boolean fail(Claim claim, String reason);

    /** Back in the queue, due at {@code at}, with {@code attempts} failed attempts so far. False if the lease was lost. */
    boolean retryAt(Claim claim, Instant at, int attempts);

    /** Has a job with this id been sent? */
    boolean wasSent(Workspace workspace, String id);

    /**
     * Over the cap: moves the job out of the queue into {@code person}'s held jobs, and queues
     * {@code digest} (the one message that will carry them) unless it is queued already.
     */
    boolean hold(Claim claim, Person person, FollowUp digest);

    /** The jobs held for a person, oldest first. */
    List<Held> held(Person person);

    /**
     * The digest that carried held jobs was delivered: marks each of {@code deliveredIds} sent and
     * every id in {@code doneIds} finished, removes them from the held set, finishes the digest claim
     * and queues {@code followUps}. False if the digest's lease was lost.
     */
    boolean sentHeld(Claim digest, Person person, List<String> deliveredIds, List<String> doneIds,
                     List<FollowUp> followUps);

    /**
     * Counts one nudge for a person on a local day and returns the count including it; the count
     * is forgotten after a few days.
     */
    long reserve(Person person, LocalDate day);

    /** Takes back a {@link #reserve} that was not used (over the cap, or the send failed). */
    void release(Person person, LocalDate day);

    /** Jobs that failed for good, newest first, id → reason (for operators and tests). */
    Map<String, String> failed(Workspace workspace);

    /**
     * Stops claiming the workspace's jobs (Kept was uninstalled there, or its token revoked): they stay
     * queued, untouched, until {@link #resume}. {@code reason} is kept for operators.
     */
    void pause(Workspace workspace, String reason);

    /** Claims the workspace's jobs again; true when it was paused. */
    boolean resume(Workspace workspace);

    /** The paused workspaces, with why. */
    Map<Workspace, String> paused();

    /** How many jobs the workspace has queued (due or leased). */
    long queued(Workspace workspace);
}
