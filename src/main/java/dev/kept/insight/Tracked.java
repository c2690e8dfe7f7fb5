package dev.kept.insight;

import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A promise with its history: every figure Kept shows is counted from these. The rules that the
 * stats, the App Home and the weekly digest share live here, once.
 */
public record Tracked(Promise promise, List<HistoryEntry> history) {

    /** What {@link Promise#deliver} writes when the promise was delivered by its (last agreed) due time. */
    static final String ON_TIME = "on time";
    private static final String NOTE = "; note: ";

    public Tracked {
        Objects.requireNonNull(promise, "promise");
        history = List.copyOf(history);
    }

    /** How a due date was moved: before it passed (early, blameless) or after (late). */
    enum Renegotiation { EARLY, LATE }

    /**
     * A real promise: made directly, or a request the asked colleague took on. A request still
     * waiting, declined or withdrawn is not one.
     */
    boolean isReal() {
        if (history.isEmpty()) {
            return promise.status() != PromiseStatus.REQUESTED && promise.status() != PromiseStatus.DECLINED;
        }
        return history.stream().anyMatch(e -> e.event() == Event.CREATED || e.event() == Event.ACCEPTED);
    }

    /**
     * Whether the promise counts for "kept on time" at {@code now}: a real promise that was delivered
     * or released, or is still open past its due time. One the receiver cancelled does not count.
     */
    boolean countsForOnTime(Instant now) {
        if (!isReal()) {
            return false;
        }
        PromiseStatus s = promise.status();
        if (s == PromiseStatus.DELIVERED || s == PromiseStatus.ASSURED || s == PromiseStatus.RELEASED) {
            return true;
        }
        return s == PromiseStatus.OPEN && promise.due().isBefore(now);
    }

    /** Delivered by its due time, as last agreed (a date moved early and then met is on time). */
    boolean deliveredOnTime() {
        return last(Event.DELIVERED).map(e -> ON_TIME.equals(e.detail())).orElse(false);
    }

    Stream<HistoryEntry> entries(Event event) {
        return history.stream().filter(e -> e.event() == event);
    }

    Optional<HistoryEntry> last(Event event) {
        HistoryEntry found = null;
        for (HistoryEntry e : history) {
            if (e.event() == event) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The score a RATED entry records (1–5), or the promise's rating when the entry says none. */
    int ratingOf(HistoryEntry rated) {
        String d = rated.detail().strip();
        if (d.length() == 1 && d.charAt(0) >= '1' && d.charAt(0) <= '5') {
            return d.charAt(0) - '0';
        }
        return promise.rating();
    }

    /**
     * Early or late, from a DUE_CHANGED entry's detail ({@code from … to … (early)}, maybe followed by
     * {@code ; note: …}, which is the provider's own text and is not looked at).
     */
    static Optional<Renegotiation> renegotiation(HistoryEntry e) {
        if (e.event() != Event.DUE_CHANGED) {
            return Optional.empty();
        }
        String d = e.detail();
        int note = d.indexOf(NOTE);
        String head = (note >= 0 ? d.substring(0, note) : d).strip();
        if (head.endsWith("(early)")) {
            return Optional.of(Renegotiation.EARLY);
        }
        if (head.endsWith("(late)")) {
            return Optional.of(Renegotiation.LATE);
        }
        return Optional.empty();
    }
}
