package dev.kept.promise;

import java.time.Instant;

/**
 * One change to a promise: who did what, when.
 *
 * @param event  what happened, one of {@link Event}
 * @param detail free text about it (old and new due date, a note, …), may be empty
 */
public record HistoryEntry(Instant at, String actorId, Event event, String detail) {

    public HistoryEntry {
        detail = detail == null ? "" : detail;
    }

    public enum Event {
        CREATED, ACKNOWLEDGED, CHANGE_SUGGESTED, DUE_CHANGED, DELIVERED, RATED, RELEASED, CANCELLED
    }
}
