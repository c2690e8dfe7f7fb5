package dev.kept.promise;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One change to a promise: who did what, when.
 *
 * @param event       what happened, one of {@link Event}
 * @param detail      free text about it (old and new due date, a note, …), may be empty; for people to read
 * @param proposedDue the date proposed, on a {@link Event#DATE_PROPOSED} entry
 */
public record HistoryEntry(Instant at, String actorId, Event event, String detail, Optional<Instant> proposedDue) {

    public HistoryEntry {
        detail = detail == null ? "" : detail;
        proposedDue = proposedDue == null ? Optional.empty() : proposedDue;
    }

    /**
     * An entry without a structured proposal. A {@link Event#DATE_PROPOSED} entry written before the proposal was
     * a field of its own still has it at the start of its detail ({@code proposed due <instant>[; note: …]}): it is
     * read from there.
     */
    public HistoryEntry(Instant at, String actorId, Event event, String detail) {
        this(at, actorId, event, detail, event == Event.DATE_PROPOSED ? proposalIn(detail) : Optional.empty());
    }

    /** How {@link Promise#proposeDate} starts the detail of a DATE_PROPOSED entry. */
    static final String PROPOSED_DUE = "proposed due ";

    private static Optional<Instant> proposalIn(String detail) {
        if (detail == null || !detail.startsWith(PROPOSED_DUE)) {
            return Optional.empty();
        }
        String rest = detail.substring(PROPOSED_DUE.length());
        int end = rest.indexOf(';');
        try {
            return Optional.of(Instant.parse((end < 0 ? rest : rest.substring(0, end)).strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public enum Event {
        CREATED, ACKNOWLEDGED, CHANGE_SUGGESTED, DUE_CHANGED, DELIVERED, RATED, RELEASED, CANCELLED,
        /** A request was made (the receiver asked the provider). */
        REQUESTED,
        /** The asked colleague took the request on, or the asker accepted their date: it is a promise now. */
        ACCEPTED,
        /** The asked colleague proposed another date for a request: {@link #proposedDue()}. */
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
