package dev.kept.nudge;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUp;
import dev.kept.promise.PromiseId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One message Kept will send later about a promise. Its id is deterministic (promise, kind, the due
 * time it was planned for), so planning it twice is harmless, and a renegotiated due time gives new ids.
 *
 * @param plannedDue the promise's due time when this nudge was planned; if the promise's due time has
 *                   changed since, the nudge is out of date and dropped
 */
public record Nudge(String id, Workspace workspace, NudgeKind kind, PromiseId promiseId, String recipientId,
                    Instant plannedDue) {

    static final String KIND = "kind";
    static final String PROMISE = "promise";
    static final String RECIPIENT = "recipient";
    static final String DUE = "due";
    static final String DAY = "day";

    static String idFor(PromiseId promise, NudgeKind kind, Instant plannedDue) {
        return NudgeIds.of(promise, kind, plannedDue);
    }

    static Nudge of(PromiseId promise, Workspace workspace, NudgeKind kind, String recipientId, Instant plannedDue) {
        return new Nudge(idFor(promise, kind, plannedDue), workspace, kind, promise, recipientId, plannedDue);
    }

    Person recipient() {
        return workspace.person(recipientId);
    }

    FollowUp at(Instant at) {
        return new FollowUp(id, at, Map.of(KIND, kind.name(), PROMISE, promiseId.value(), RECIPIENT, recipientId,
                DUE, Long.toString(plannedDue.toEpochMilli())));
    }

    /** The same nudge again later, under its own id (a snooze). */
    Nudge again(Instant at) {
        return new Nudge(NudgeIds.again(idFor(promiseId, kind, plannedDue), at), workspace, kind,
                promiseId, recipientId, plannedDue);
    }

    /** Reads a queued job back; empty when it is not a promise nudge (a digest) or is malformed. */
    static Optional<Nudge> from(Workspace workspace, String id, Map<String, String> data) {
        try {
            NudgeKind kind = NudgeKind.valueOf(data.get(KIND));
            if (kind == NudgeKind.DIGEST) {
                return Optional.empty();
            }
            return PromiseId.parse(data.get(PROMISE)).map(p -> new Nudge(id, workspace, kind, p, data.get(RECIPIENT),
                    Instant.ofEpochMilli(Long.parseLong(data.get(DUE)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isDigest(Map<String, String> data) {
        return NudgeKind.DIGEST.name().equals(data.get(KIND));
    }

    /** The job that carries a person's held nudges, one per person per local day. */
    static FollowUp digest(Person person, LocalDate day, Instant at) {
        return new FollowUp(NudgeIds.digest(person, day), at,
                Map.of(KIND, NudgeKind.DIGEST.name(), RECIPIENT, person.userId(), DAY, day.toString()));
    }
}
