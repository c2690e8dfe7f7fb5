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
    /** Receiver: a satisfaction rating; value is {@code ID:score} with score 1–5. */
    public static final String RATE = "promise.rate";

    /** Form: make a promise. */
    public static final String NEW_PROMISE_FORM = "promise.new";
    /** Form: suggest a change; its context is the promise id. */
    public static final String SUGGEST_FORM = "promise.suggest_form";

    /** Form: a new due date and a note; its context is the promise id. */
    public static final String MORE_TIME_FORM = "promise.more_time_form";
    /** Form: why the provider can't keep it; its context is the promise id. */
    public static final String RELEASE_FORM = "promise.release_form";

    /** Inputs of the forms. */
    public static final String INPUT_RECEIVER = "receiver";
    public static final String INPUT_WHAT = "what";
    public static final String INPUT_MATTERS = "matters";
    public static final String INPUT_DUE = "due";
    public static final String INPUT_NOTE = "note";

    private ActionIds() {
    }
}
