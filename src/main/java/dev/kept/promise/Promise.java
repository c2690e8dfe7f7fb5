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
 * @param closingNote   the provider's reason for releasing or declining, or the receiver's for cancelling
 * @param feedback      the receiver's feedback after rating, and the provider's answer to it
 * @param version       increases with every change; the store uses it to refuse lost updates
 *
 * <p>{@code source} is the link to the chat message the promise was made from ("" when it was not), shown in
 * every message about it.
 */
public record Promise(PromiseId id, Workspace workspace, String providerId, String receiverId,
                      String what, String whatMatters, Instant due, Instant created,
                      PromiseStatus status, int renegotiations, int rating, String closingNote,
                      Feedback feedback, long version, String source) {

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
        feedback = feedback == null ? Feedback.NONE : feedback;
        source = source == null ? "" : source;
    }

    /** A promise that did not start from a message. */
    public Promise(PromiseId id, Workspace workspace, String providerId, String receiverId, String what,
                   String whatMatters, Instant due, Instant created, PromiseStatus status, int renegotiations,
                   int rating, String closingNote, Feedback feedback, long version) {
        this(id, workspace, providerId, receiverId, what, whatMatters, due, created, status, renegotiations,
                rating, closingNote, feedback, version, "");
    }

    /** A promise without feedback. */
    public Promise(PromiseId id, Workspace workspace, String providerId, String receiverId, String what,
                   String whatMatters, Instant due, Instant created, PromiseStatus status, int renegotiations,
                   int rating, String closingNote, long version) {
        this(id, workspace, providerId, receiverId, what, whatMatters, due, created, status, renegotiations,
                rating, closingNote, Feedback.NONE, version);
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
        if (status == PromiseStatus.REQUESTED) {
            if (actorId.equals(providerId)) {
                throw new Refusal(Markup.builder().bold(id.value()).plain(" is still a request: ").person(providerId)
                        .plain(" hasn't taken it on yet. To say no, use ").bold("Can't take this on")
                        .plain(" on the request, or ").code("/promise decline " + id.value() + " <a short reason>")
                        .plain(".").build());
            }
            return next(copy(PromiseStatus.CANCELLED, due, renegotiations, rating, note), now, actorId,
                    Event.CANCELLED, note.isBlank() ? "request withdrawn" : "request withdrawn; " + note);
        }
        requireOpen("cancel");
        if (actorId.equals(providerId)) {
            if (note.isBlank()) {
                throw new Refusal(Markup.builder().plain("Let ").person(receiverId)
                        .plain(" know why you can't keep it: ")
                        .code("/promise cancel " + id.value() + " <a short reason>").build());
            }
            return next(copy(PromiseStatus.RELEASED, due, renegotiations, rating, note), now, actorId,
                    Event.RELEASED, note);
        }
        return next(copy(PromiseStatus.CANCELLED, due, renegotiations, rating, note), now, actorId,
                Event.CANCELLED, note);
    }

    // ---------------------------------------------------------------- explore

    /** Refuses, with the reason, unless {@code actorId} may answer this request now (before opening a form). */
    public void checkMayAnswerRequest(String actorId) {
        requireProvider(actorId, "answer");
        requireRequested("answer");
    }

    /** Refuses, with the reason, unless {@code actorId} may say what matters to them now. */
    public void checkMayNoteWhatMatters(String actorId) {
        requireReceiver(actorId, "say what matters about");
        if (!status.isActive()) {
            throw refusedBecauseOfStatus("change what matters about");
        }
    }

    /** Refuses, with the reason, unless {@code actorId} may answer a slip now. */
    public void checkMayAnswerSlip(String actorId) {
        requireReceiver(actorId, "answer for");
        requireOpen("answer for");
    }

    /** Refuses, with the reason, unless {@code actorId} may give feedback now. */
    public void checkMayGiveFeedback(String actorId) {
        giveFeedback(actorId, ".", "", "", created);
    }

    /** Refuses, with the reason, unless {@code actorId} may reply to the feedback now. */
    public void checkMayReplyToFeedback(String actorId) {
        replyToFeedback(actorId, ".", created);
    }

    /** The receiver says what matters most to them about it (while it is asked for or being worked on). */
    public Change noteWhatMatters(String actorId, String matters, Instant now) {
        checkMayNoteWhatMatters(actorId);
        String clean = matters == null ? "" : matters.strip();
        if (clean.isEmpty()) {
            throw new Refusal("Say in a few words what matters most to you about it.");
        }
        if (clean.length() > MAX_NOTE_LENGTH) {
            throw new Refusal(tooLong("What matters", clean, MAX_NOTE_LENGTH));
        }
        return next(withMatters(clean), now, actorId, Event.MATTERS_NOTED, "");
    }

    // ---------------------------------------------------------------- requests

    /** The asked colleague takes the request on: it becomes an open promise, due when asked. */
    public Change accept(String actorId, Instant now) {
        requireProvider(actorId, "take on");
        requireRequested("take on");
        if (!due.isAfter(now)) {
            throw new Refusal(Markup.builder().plain("The date asked for ").bold(id.value())
                    .plain(" has passed: suggest another date instead.").build());
        }
        return next(copy(PromiseStatus.OPEN, due, renegotiations, rating, closingNote), now, actorId,
                Event.ACCEPTED, "");
    }

    /** The asked colleague can do it, but by another date; the asker can accept that date. */
    public Change proposeDate(String actorId, Instant proposedDue, String note, Instant now) {
        requireProvider(actorId, "suggest a date for");
        requireRequested("suggest a date for");
        if (!proposedDue.isAfter(now)) {
            throw new Refusal("The date you suggest has to be in the future.");
        }
        return next(this, now, actorId, Event.DATE_PROPOSED,
                PROPOSED_DUE + proposedDue + (note == null || note.isBlank() ? "" : "; note: " + note.strip()),
                Optional.of(proposedDue));
    }

    static final String PROPOSED_DUE = HistoryEntry.PROPOSED_DUE;

    /** The asker accepts the date the asked colleague proposed: it becomes an open promise, due then. */
    public Change acceptProposal(String actorId, Instant proposedDue, Instant now) {
        requireReceiver(actorId, "accept a date for");
        requireRequested("accept a date for");
        if (!proposedDue.isAfter(now)) {
            throw new Refusal("That date has passed already. Ask again with a new one.");
        }
        return next(copy(PromiseStatus.OPEN, proposedDue, renegotiations, rating, closingNote), now, actorId,
                Event.ACCEPTED, PROPOSED_DUE + proposedDue);
    }

    /** The asked colleague can't take the request on, and says why. */
    public Change decline(String actorId, String note, Instant now) {
        requireProvider(actorId, "decline");
        requireRequested("decline");
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty()) {
            throw new Refusal(Markup.builder().plain("Tell ").person(receiverId)
                    .plain(" in a few words why you can't take it on: it helps them find another way.").build());
        }
        if (clean.length() > MAX_NOTE_LENGTH) {
            throw new Refusal(tooLong("The reason", clean, MAX_NOTE_LENGTH));
        }
        return next(copy(PromiseStatus.DECLINED, due, renegotiations, rating, clean), now, actorId,
                Event.DECLINED, clean);
    }

    private void requireRequested(String verb) {
        if (status != PromiseStatus.REQUESTED) {
            Markup.Builder b = Markup.builder().bold(id.value());
            if (status == PromiseStatus.DECLINED) {
                b.plain(" was already declined, so you can't " + verb + " it.");
            } else if (status == PromiseStatus.CANCELLED) {
                b.plain(" was cancelled, so you can't " + verb + " it.");
            } else {
                b.plain(" isn't waiting for an answer any more: it's a promise now. ").code("/promise list")
                        .plain(" shows where it stands.");
            }
            throw new Refusal(b.build());
        }
    }

    // ---------------------------------------------------------------- service in reverse

    /** What the receiver can offer when a promise slips. */
    public enum SlipAnswer {
        /** Offer to help with it. */
        HELP,
        /** Give the provider more time (a later date the provider can accept in one click). */
        MORE_TIME,
        /** Clarify what they need. */
        CLARIFY
    }

    /** The receiver answers a slipping promise with help, time or clarity instead of a complaint. */
    public Change answerSlip(String actorId, SlipAnswer answer, String note, Instant now) {
        checkMayAnswerSlip(actorId);
        String clean = note == null ? "" : note.strip();
        if (clean.length() > MAX_NOTE_LENGTH) {
            throw new Refusal(tooLong("The note", clean, MAX_NOTE_LENGTH));
        }
        return next(this, now, actorId, Event.SLIP_ANSWERED,
                answer.name().toLowerCase(java.util.Locale.ROOT) + (clean.isEmpty() ? "" : "; note: " + clean));
    }

    /** After rating, the receiver tells the provider what could be even better, and what they could have done. */
    public Change giveFeedback(String actorId, String better, String easier, String thanks, Instant now) {
        requireReceiver(actorId, "give feedback on");
        if (status != PromiseStatus.ASSURED) {
            throw status == PromiseStatus.DELIVERED
                    ? new Refusal(Markup.builder().plain("Rate ").bold(id.value()).plain(" first, then share your feedback.").build())
                    : refusedBecauseOfStatus("give feedback on");
        }
        if (feedback.isGiven()) {
            throw new Refusal(Markup.builder().plain("You already shared feedback on ").bold(id.value())
                    .plain(". Thank you, ").person(providerId).plain(" has it.").build());
        }
        String b = strip(better);
        String e = strip(easier);
        String t = strip(thanks);
        if (b.isEmpty() && e.isEmpty() && t.isEmpty()) {
            throw new Refusal("Write at least one thing, or just close the form: feedback is optional.");
        }
        for (String[] field : new String[][]{{"What they could do better", b}, {"What you could have done", e},
                {"Your thanks", t}}) {
            if (field[1].length() > Feedback.MAX_LENGTH) {
                throw new Refusal(tooLong(field[0], field[1], Feedback.MAX_LENGTH));
            }
        }
        return next(withFeedback(new Feedback(b, e, t, now, null, "")), now, actorId, Event.FEEDBACK_GIVEN, "");
    }

    /** The provider thanks the receiver for their feedback: the receiver hears their voice was heard. */
    public Change thankForFeedback(String actorId, Instant now) {
        requireProvider(actorId, "thank for feedback on");
        requireFeedback();
        if (feedback.isThanked()) {
            throw new Refusal(Markup.builder().plain("You already thanked ").person(receiverId)
                    .plain(" for their feedback on ").bold(id.value()).plain(".").build());
        }
        return next(withFeedback(new Feedback(feedback.better(), feedback.easier(), feedback.thanks(),
                feedback.given(), now, feedback.reply())), now, actorId, Event.FEEDBACK_THANKED, "");
    }

    /** The provider replies to the receiver's feedback (once). */
    public Change replyToFeedback(String actorId, String reply, Instant now) {
        requireProvider(actorId, "reply to feedback on");
        requireFeedback();
        if (feedback.hasReply()) {
            throw new Refusal(Markup.builder().plain("You already replied to ").person(receiverId)
                    .plain(" about ").bold(id.value()).plain(". Write to them directly to say more.").build());
        }
        String clean = strip(reply);
        if (clean.isEmpty()) {
            throw new Refusal("Write your reply first.");
        }
        if (clean.length() > Feedback.MAX_LENGTH) {
            throw new Refusal(tooLong("Your reply", clean, Feedback.MAX_LENGTH));
        }
        return next(withFeedback(new Feedback(feedback.better(), feedback.easier(), feedback.thanks(),
                feedback.given(), feedback.thanked(), clean)), now, actorId, Event.FEEDBACK_REPLIED, "");
    }

    private void requireFeedback() {
        if (!feedback.isGiven()) {
            throw new Refusal(Markup.builder().person(receiverId).plain(" hasn't shared feedback on ")
                    .bold(id.value()).plain(".").build());
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** "That's 2,345 characters; keep … under 2,000." */
    static String tooLong(String what, String text, int limit) {
        return String.format(java.util.Locale.ROOT, "%s is %,d characters long; please keep it under %,d characters.",
                what, text.length(), limit);
    }

    private Promise copy(PromiseStatus newStatus, Instant newDue, int newRenegotiations, int newRating,
                         String newNote) {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, newDue, created,
                newStatus, newRenegotiations, newRating, newNote, feedback, version, source);
    }

    private Promise withMatters(String matters) {
        return new Promise(id, workspace, providerId, receiverId, what, matters, due, created,
                status, renegotiations, rating, closingNote, feedback, version, source);
    }

    private Promise withFeedback(Feedback newFeedback) {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, due, created,
                status, renegotiations, rating, closingNote, newFeedback, version, source);
    }

    private Change next(Promise after, Instant now, String actorId, Event event, String detail) {
        return next(after, now, actorId, event, detail, Optional.empty());
    }

    private Change next(Promise after, Instant now, String actorId, Event event, String detail,
                        Optional<Instant> proposedDue) {
        Promise bumped = new Promise(after.id, after.workspace, after.providerId, after.receiverId, after.what,
                after.whatMatters, after.due, after.created, after.status, after.renegotiations, after.rating,
                after.closingNote, after.feedback, version + 1, after.source);
        return new Change(this, bumped, new HistoryEntry(now, actorId, event, detail, proposedDue));
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
            case REQUESTED -> b.plain(" is still a request: ").person(providerId)
                    .plain(" hasn't taken it on yet, so you can't " + verb + " it.");
            case DECLINED -> b.plain(" was a request that ").person(providerId)
                    .plain(" couldn't take on, so you can't " + verb + " it.");
        }
        return new Refusal(b.build());
    }
}
