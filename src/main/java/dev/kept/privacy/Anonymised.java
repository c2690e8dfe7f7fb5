package dev.kept.privacy;

import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shared promise with a forgotten person's side made anonymous: their id, wherever it stands (as
 * provider or receiver, as the actor of a history entry, or typed into a text), becomes
 * {@link FormerColleague}. A promise still waiting for someone is closed, so nobody is nudged about
 * it, with the status that fits what happened:
 * <ul>
 *   <li>an open promise they made is RELEASED (they can't keep it);</li>
 *   <li>an open promise made to them is CANCELLED (they no longer need it);</li>
 *   <li>a request made to them is DECLINED; a request they made is CANCELLED (withdrawn).</li>
 * </ul>
 * Everything else (what was promised, dates, ratings, feedback) stays: it is the other person's record too.
 *
 * @param closed true when the promise was still active and is closed now (the other party is told once)
 */
record Anonymised(Promise after, List<HistoryEntry> history, boolean closed) {

    static final String CLOSING_NOTE = "Closed by Kept: the other person asked Kept to forget them.";

    /** {@code userId}'s side of {@code p} made anonymous, as of {@code now}. */
    static Anonymised of(Promise p, List<HistoryEntry> history, String userId, Instant now) {
        if (!p.isParty(userId)) {
            throw new IllegalArgumentException(userId + " is not a party of " + p.id());
        }
        boolean provider = p.providerId().equals(userId);
        PromiseStatus status = p.status();
        String note = scrub(p.closingNote(), userId);
        List<HistoryEntry> entries = new ArrayList<>(history.size() + 1);
        for (HistoryEntry e : history) {
            entries.add(new HistoryEntry(e.at(), e.actorId().equals(userId) ? FormerColleague.ID : e.actorId(),
                    e.event(), scrub(e.detail(), userId), e.proposedDue()));
        }
        boolean closed = p.status().isActive();
        if (closed) {
            Event event;
            String detail;
            if (p.status() == PromiseStatus.REQUESTED) {
                status = provider ? PromiseStatus.DECLINED : PromiseStatus.CANCELLED;
                event = provider ? Event.DECLINED : Event.CANCELLED;
                detail = provider ? CLOSING_NOTE : "request withdrawn; " + CLOSING_NOTE;
            } else {
                status = provider ? PromiseStatus.RELEASED : PromiseStatus.CANCELLED;
                event = provider ? Event.RELEASED : Event.CANCELLED;
                detail = CLOSING_NOTE;
            }
            note = CLOSING_NOTE;
            entries.add(new HistoryEntry(now, FormerColleague.ID, event, detail));
        }
        Feedback f = p.feedback();
        Feedback feedback = f.isGiven()
                ? new Feedback(scrub(f.better(), userId), scrub(f.easier(), userId), scrub(f.thanks(), userId),
                f.given(), f.thanked(), scrub(f.reply(), userId))
                : f;
        Promise after = new Promise(p.id(), p.workspace(),
                provider ? FormerColleague.ID : p.providerId(),
                provider ? p.receiverId() : FormerColleague.ID,
                scrub(p.what(), userId), scrub(p.whatMatters(), userId), p.due(), p.created(), status,
                p.renegotiations(), p.rating(), note, feedback, p.version() + 1);
        return new Anonymised(after, List.copyOf(entries), closed);
    }

    /**
     * The text with every mention of {@code userId} ({@code <@U222>}, {@code <@U222|bob>} or the bare id)
     * replaced by the marker's words, wherever it stands. Kept stores what people typed as plain text, with
     * mentions already turned into names, so this is rarely needed; it makes sure the id itself goes.
     */
    static String scrub(String text, String userId) {
        if (text == null || text.isEmpty() || !text.contains(userId)) {
            return text;
        }
        String id = Pattern.quote(userId);
        String words = Matcher.quoteReplacement(FormerColleague.WORDS);
        return text.replaceAll("<@" + id + "(\\|[^>]*)?>", words).replace(userId, FormerColleague.WORDS);
    }
}
