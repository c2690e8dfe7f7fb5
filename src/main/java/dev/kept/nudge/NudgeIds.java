package dev.kept.nudge;

import dev.kept.chat.Person;
import dev.kept.promise.PromiseId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How nudge job ids are spelled, in one place: the planner makes them here, and forget-me finds a
 * person's nudges by them. Ids are deterministic, so planning the same nudge twice is harmless:
 * <pre>
 * K7Q2.due.1764345600               a promise's nudge: promise id, kind, the due time it was planned for (epoch s)
 * K7Q2.due.1764345600.again1764349200   the same nudge snoozed to a later time (epoch s)
 * digest.U111.2026-03-02           a person's digest of held-back nudges, one per local day
 * </pre>
 */
public final class NudgeIds {

    private static final String DIGEST = "digest.";
    private static final String AGAIN = ".again";

    private NudgeIds() {
    }

    /** Every kind that is planned for a promise (all but {@link NudgeKind#DIGEST}, which is a person's). */
    public static Set<NudgeKind> promiseKinds() {
        return EnumSet.complementOf(EnumSet.of(NudgeKind.DIGEST));
    }

    /** The id of a promise's nudge of {@code kind}, planned when the promise was due at {@code plannedDue}. */
    public static String of(PromiseId promise, NudgeKind kind, Instant plannedDue) {
        return aboutPromise(promise) + kind.name().toLowerCase(Locale.ROOT) + "." + plannedDue.getEpochSecond();
    }

    /** The ids of every kind of nudge a promise can have while it is due at {@code due}. */
    public static List<String> plannedFor(PromiseId promise, Instant due) {
        List<String> ids = new ArrayList<>();
        for (NudgeKind kind : promiseKinds()) {
            ids.add(of(promise, kind, due));
        }
        return ids;
    }

    /** A nudge snoozed to {@code at}, under its own id. */
    public static String again(String id, Instant at) {
        return id + AGAIN + at.getEpochSecond();
    }

    /** What every id of a nudge about {@code promise} starts with, whatever its kind, due time or snooze. */
    public static String aboutPromise(PromiseId promise) {
        return promise.value() + ".";
    }

    /** The id of {@code person}'s digest for their local {@code day}. */
    public static String digest(Person person, LocalDate day) {
        return digestsOf(person) + day;
    }

    /** What every id of {@code person}'s digests starts with. */
    public static String digestsOf(Person person) {
        return DIGEST + person.userId() + ".";
    }
}
