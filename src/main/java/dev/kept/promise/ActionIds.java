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

    /** Form: make a promise. */
    public static final String NEW_PROMISE_FORM = "promise.new";
    /** Form: suggest a change; its context is the promise id. */
    public static final String SUGGEST_FORM = "promise.suggest_form";

    /** Inputs of the forms. */
    public static final String INPUT_RECEIVER = "receiver";
    public static final String INPUT_WHAT = "what";
    public static final String INPUT_MATTERS = "matters";
    public static final String INPUT_DUE = "due";
    public static final String INPUT_NOTE = "note";

    private ActionIds() {
    }
}
