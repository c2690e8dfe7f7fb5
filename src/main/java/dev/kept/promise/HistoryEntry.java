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
        CREATED, ACKNOWLEDGED, CHANGE_SUGGESTED, DUE_CHANGED, DELIVERED, RATED, RELEASED, CANCELLED,
        /** A request was made (the receiver asked the provider). */
        REQUESTED,
        /** The asked colleague took the request on, or the asker accepted their date: it is a promise now. */
        ACCEPTED,
        /** The asked colleague proposed another date for a request; detail starts with {@code proposed due <instant>}. */
        DATE_PROPOSED,
        /** The asked colleague can't take the request on. */
        DECLINED,
        /** The receiver said what matters most to them. */
        MATTERS_NOTED,
        /** The receiver answered a slipping promise: offered help, gave more time or clarified. */
        SLIP_ANSWERED,
        FEEDBACK_GIVEN, FEEDBACK_THANKED, FEEDBACK_REPLIED
    }
}
