package dev.kept.promise;

import dev.kept.chat.Refusal;
import dev.kept.chat.Markup;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.HistoryEntry.Event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise between two colleagues: the provider promises the receiver {@code what} by {@code due}.
 * Immutable: every transition returns a {@link Change} holding the next state and the history
 * entry that records it, or throws a {@link Refusal} that says why not. Authorization lives here,
 * once, for every platform: only the provider delivers or renegotiates, only the receiver
 * acknowledges, suggests, rates or cancels.
 *
 * @param whatMatters   what matters most to the receiver, empty when not said
 * @param rating        the receiver's satisfaction 1–5 once ASSURED, otherwise 0
 * @param closingNote   the provider's reason for releasing, or the receiver's for cancelling
 * @param version       increases with every change; the store uses it to refuse lost updates
 */
public record Promise(PromiseId id, Workspace workspace, String providerId, String receiverId,
                      String what, String whatMatters, Instant due, Instant created,
                      PromiseStatus status, int renegotiations, int rating, String closingNote,
                      long version) {

    public static final int MAX_WHAT_LENGTH = 1000;
    public static final int MAX_NOTE_LENGTH = 1000;

    public Promise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(receiverId, "receiverId");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        whatMatters = whatMatters == null ? "" : whatMatters;
        closingNote = closingNote == null ? "" : closingNote;
    }

    /** The next state of a promise and the history entry that says how it got there. */
    public record Change(Promise before, Promise after, HistoryEntry entry) {
    }

    public Person provider() {
        return workspace.person(providerId);
    }

    public Person receiver() {
        return workspace.person(receiverId);
    }

    public boolean isParty(String userId) {
        return providerId.equals(userId) || receiverId.equals(userId);
    }

    public boolean isOverdue(Instant now) {
        return status.isOpen() && due.isBefore(now);
    }

    public Optional<String> whatMattersNote() {
        return whatMatters.isBlank() ? Optional.empty() : Optional.of(whatMatters);
    }

    /** Refuses, with the reason, unless {@code actorId} may ask for a new date now (before opening a form). */
    public void checkMayRenegotiate(String actorId) {
        requireProvider(actorId, "change the due date of");
        requireOpen("change");
    }

    /** Refuses, with the reason, unless {@code actorId} may suggest a change now. */
    public void checkMaySuggest(String actorId) {
        requireReceiver(actorId, "suggest a change to");
        requireOpen("change");
    }

    /** Refuses, with the reason, unless {@code actorId} may release the promise now. */
    public void checkMayRelease(String actorId) {
        requireProvider(actorId, "release");
        requireOpen("release");
    }

    /** The receiver says the promise, as made, works for them. */
    public Change acknowledge(String actorId, Instant now) {
        requireReceiver(actorId, "agree to");
        requireOpen("agree to");
        return next(this, now, actorId, Event.ACKNOWLEDGED, "");
    }

    /** The receiver suggests another due date and/or says something; the promise itself stays as it is. */
    public Change suggestChange(String actorId, Optional<Instant> proposedDue, String note, Instant now) {
        requireReceiver(actorId, "suggest a change to");
        requireOpen("change");
        String detail = proposedDue.map(d -> "proposed due " + d).orElse("")
                + (note.isBlank() ? "" : (proposedDue.isPresent() ? "; " : "") + "note: " + note);
        return next(this, now, actorId, Event.CHANGE_SUGGESTED, detail);
    }

    /** The provider moves the due date: a renegotiation, early or late. */
    public Change changeDue(String actorId, Instant newDue, String note, Instant now) {
        requireProvider(actorId, "change the due date of");
        requireOpen("change");
        if (!newDue.isAfter(now)) {
            throw new Refusal("The new due time has to be in the future.");
        }
        if (newDue.equals(due)) {
            throw new Refusal(Markup.builder().plain("").bold(id.value()).plain(" is already due then.").build());
        }
        String when = due.isBefore(now) ? "late" : "early";
        Promise after = copy(status, newDue, renegotiations + 1, rating, closingNote);
        return next(after, now, actorId, Event.DUE_CHANGED,
                "from " + due + " to " + newDue + " (" + when + ")" + (note.isBlank() ? "" : "; note: " + note));
    }

    /** The provider has done what they promised. */
    public Change deliver(String actorId, Instant now) {
        requireProvider(actorId, "deliver");
        requireOpen("deliver");
        String detail = due.isBefore(now) ? "late" : "on time";
        return next(copy(PromiseStatus.DELIVERED, due, renegotiations, rating, closingNote), now, actorId,
                Event.DELIVERED, detail);
    }

    /** The receiver says how satisfied they are, 1 (not at all) to 5 (delighted). */
    public Change rate(String actorId, int score, Instant now) {
        requireReceiver(actorId, "rate");
        if (score < 1 || score > 5) {
            throw new Refusal("A rating goes from 1 (not at all satisfied) to 5 (delighted).");
        }
        if (status == PromiseStatus.ASSURED) {
            throw new Refusal(Markup.builder().plain("You already rated ").bold(id.value())
                    .plain(". Thanks, it's recorded.").build());
        }
        if (status != PromiseStatus.DELIVERED) {
            throw refusedBecauseOfStatus("rate");
        }
        return next(copy(PromiseStatus.ASSURED, due, renegotiations, score, closingNote), now, actorId,
                Event.RATED, String.valueOf(score));
    }

    /**
     * Ends an open promise early: the receiver cancels it (no longer needed); the provider
     * releases it (they can't keep it), which needs a reason so the receiver can plan.
     */
    public Change cancel(String actorId, String note, Instant now) {
        if (!isParty(actorId)) {
            throw notAParty("cancel");
        }
        requireOpen("cancel");
        if (actorId.equals(providerId)) {
            if (note.isBlank()) {
                throw new Refusal(Markup.builder().plain("Let ").person(receiverId)
                        .plain(" know why you can't keep it: ")
                        .plain("`/promise cancel " + id.value() + " <a short reason>`").build());
            }
            return next(copy(PromiseStatus.RELEASED, due, renegotiations, rating, note), now, actorId,
                    Event.RELEASED, note);
        }
        return next(copy(PromiseStatus.CANCELLED, due, renegotiations, rating, note), now, actorId,
                Event.CANCELLED, note);
    }

    private Promise copy(PromiseStatus newStatus, Instant newDue, int newRenegotiations, int newRating,
                         String newNote) {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, newDue, created,
                newStatus, newRenegotiations, newRating, newNote, version);
    }

    private Change next(Promise after, Instant now, String actorId, Event event, String detail) {
        Promise bumped = new Promise(after.id, after.workspace, after.providerId, after.receiverId, after.what,
                after.whatMatters, after.due, after.created, after.status, after.renegotiations, after.rating,
                after.closingNote, version + 1);
        return new Change(this, bumped, new HistoryEntry(now, actorId, event, detail));
    }

    private void requireProvider(String actorId, String verb) {
        if (!actorId.equals(providerId)) {
            throw isParty(actorId)
                    ? new Refusal(Markup.builder().plain("Only ").person(providerId).plain(", who made the promise, can ")
                    .plain(verb + " ").bold(id.value()).plain(".").build())
                    : notAParty(verb);
        }
    }

    private void requireReceiver(String actorId, String verb) {
        if (!actorId.equals(receiverId)) {
            throw isParty(actorId)
                    ? new Refusal(Markup.builder().plain("Only ").person(receiverId)
                    .plain(", who the promise was made to, can ").plain(verb + " ").bold(id.value()).plain(".").build())
                    : notAParty(verb);
        }
    }

    private Refusal notAParty(String verb) {
        return new Refusal(Markup.builder().plain("You can't " + verb + " ").bold(id.value())
                .plain(": it's between ").person(providerId).plain(" and ").person(receiverId).plain(".").build());
    }

    private void requireOpen(String verb) {
        if (!status.isOpen()) {
            throw refusedBecauseOfStatus(verb);
        }
    }

    private Refusal refusedBecauseOfStatus(String verb) {
        Markup.Builder b = Markup.builder().bold(id.value());
        switch (status) {
            case OPEN -> b.plain(" hasn't been delivered yet, so you can't " + verb + " it.");
            case DELIVERED -> b.plain(" has already been delivered, so you can't " + verb + " it.");
            case ASSURED -> b.plain(" was delivered and rated; it's complete, so you can't " + verb + " it.");
            case RELEASED -> b.plain(" was released by ").person(providerId).plain(", so you can't " + verb + " it.");
            case CANCELLED -> b.plain(" was cancelled by ").person(receiverId).plain(", so you can't " + verb + " it.");
        }
        return new Refusal(b.build());
    }
}
