package dev.kept.promise;

import dev.kept.promise.HistoryEntry.Event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Questions about what already happened to one promise, answered from its history entries (oldest first). */
final class PromiseHistory {

    private final List<HistoryEntry> entries;

    PromiseHistory(List<HistoryEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Whether the receiver acknowledged it since it was made or last given a new date. */
    boolean acknowledgedSinceLastDate() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Event event = entries.get(i).event();
            if (event == Event.ACKNOWLEDGED) {
                return true;
            }
            if (event == Event.DUE_CHANGED || event == Event.CREATED) {
                return false;
            }
        }
        return false;
    }

    /** When it was last delivered. */
    Optional<Instant> deliveredAt() {
        return last(Event.DELIVERED).map(HistoryEntry::at);
    }

    /** The date the asked colleague proposed most recently for a request. */
    Optional<Instant> latestProposal() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.event() == Event.DATE_PROPOSED && e.proposedDue().isPresent()) {
                return e.proposedDue();
            }
        }
        return Optional.empty();
    }

    private Optional<HistoryEntry> last(Event event) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).event() == event) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }
}
