package dev.kept.promise;

/**
 * The ids of everything a person can click or submit about promises, in one place. Adapters
 * register one listener per id; button values carry the promise id.
 */
public final class ActionIds {

    /** Receiver: "Sounds good". */
    public static final String ACKNOWLEDGE = "promise.acknowledge";
    /** Receiver: "Suggest a change" (opens {@link #SUGGEST_FORM}). */
    public static final String SUGGEST = "promise.suggest";
    /** Provider: "Mark delivered". */
    public static final String DELIVER = "promise.deliver";
    /** Provider: accept the receiver's suggested date; value is {@code ID@epochSeconds}. */
    public static final String ACCEPT_DUE = "promise.accept_due";

    /** Provider: "Need more time" (opens {@link #MORE_TIME_FORM}). */
    public static final String MORE_TIME = "promise.more_time";
    /** Provider: "Can't make it" (opens {@link #RELEASE_FORM}). */
    public static final String RELEASE = "promise.release";
    /**
     * Receiver: a satisfaction rating; value is {@code ID:score} with score 1–5. The five buttons carry
     * {@link #rate(int)} ids, one per score, because Slack refuses a block whose buttons share an action_id
     * ({@code invalid_blocks}); this bare id is still understood, for cards sent before.
     */
    public static final String RATE = "promise.rate";
    /** The five rating buttons' ids, {@code promise.rate.1} … {@code promise.rate.5}. */
    public static final java.util.List<String> RATE_SCORES = java.util.List.of(
            RATE + ".1", RATE + ".2", RATE + ".3", RATE + ".4", RATE + ".5");

    /** The id of the button that rates {@code score} (1–5). */
    public static String rate(int score) {
        return RATE_SCORES.get(score - 1);
    }

    /** Form: make a promise. */
    public static final String NEW_PROMISE_FORM = "promise.new";
    /** Asking a colleague for something, when {@code ask …} was not complete (or empty) and a form can open. */
    public static final String NEW_REQUEST_FORM = "request.new";
    /** Form: suggest a change; its context is the promise id. */
    public static final String SUGGEST_FORM = "promise.suggest_form";

    /** Form: a new due date and a note; its context is the promise id. */
    public static final String MORE_TIME_FORM = "promise.more_time_form";
    /** Form: why the provider can't keep it; its context is the promise id. */
    public static final String RELEASE_FORM = "promise.release_form";

    // ---------------------------------------------------------------- explore

    /** Receiver: "Tell them what matters" (opens {@link #MATTERS_FORM}). */
    public static final String MATTERS = "promise.matters";
    /** Form: what matters most to the receiver; its context is the promise id. */
    public static final String MATTERS_FORM = "promise.matters_form";

    // ---------------------------------------------------------------- requests (/promise ask)

    /** Asked colleague: "I'll do it". */
    public static final String REQUEST_ACCEPT = "request.accept";
    /** Asked colleague: "Suggest another date" (opens {@link #REQUEST_PROPOSE_FORM}). */
    public static final String REQUEST_PROPOSE = "request.propose";
    /** Asked colleague: "Can't take this on" (opens {@link #REQUEST_DECLINE_FORM}). */
    public static final String REQUEST_DECLINE = "request.decline";
    /** Asker: accept the proposed date; value is {@code ID@epochSeconds}. */
    public static final String REQUEST_ACCEPT_DATE = "request.accept_date";
    /** Asker: withdraw the request. */
    public static final String REQUEST_WITHDRAW = "request.withdraw";
    public static final String REQUEST_PROPOSE_FORM = "request.propose_form";
    public static final String REQUEST_DECLINE_FORM = "request.decline_form";

    // ---------------------------------------------------------------- service in reverse

    /** Receiver, when a promise slips: offer help / give more time / clarify (each opens {@link #SLIP_FORM}). */
    public static final String SLIP_HELP = "slip.help";
    public static final String SLIP_TIME = "slip.time";
    public static final String SLIP_CLARIFY = "slip.clarify";
    /** Form: the receiver's answer to a slip; its context is {@code ID:HELP|MORE_TIME|CLARIFY}. */
    public static final String SLIP_FORM = "slip.form";

    /** Receiver, after rating: "Share feedback" (opens {@link #FEEDBACK_FORM}). */
    public static final String FEEDBACK = "feedback.give";
    public static final String FEEDBACK_FORM = "feedback.form";
    /** Provider: "Thank them" for feedback. */
    public static final String FEEDBACK_THANK = "feedback.thank";
    /** Provider: "Reply" to feedback (opens {@link #FEEDBACK_REPLY_FORM}). */
    public static final String FEEDBACK_REPLY = "feedback.reply";
    public static final String FEEDBACK_REPLY_FORM = "feedback.reply_form";

    /** Inputs of the forms. */
    public static final String INPUT_RECEIVER = "receiver";
    public static final String INPUT_WHAT = "what";
    public static final String INPUT_MATTERS = "matters";
    public static final String INPUT_DUE = "due";
    public static final String INPUT_NOTE = "note";
    public static final String INPUT_BETTER = "better";
    public static final String INPUT_EASIER = "easier";
    public static final String INPUT_THANKS = "thanks";
    public static final String INPUT_REPLY = "reply";

    /** Kinds of question Kept asks in DMs ({@link DirectMessages}). */
    public static final String QUESTION_MATTERS = "matters";

    private ActionIds() {
    }
}
