package dev.kept.nudge;

/** What a nudge is for. */
public enum NudgeKind {
    /** DELIVER, to the provider: before the due time. */
    REMINDER,
    /** DELIVER, to the provider: at the due time, if not delivered. */
    DUE,
    /** DELIVER, to the provider: once, a working day after the due time; then Kept stops. */
    OVERDUE,
    /** Service in reverse, to the receiver: it slipped; offer help, more time or clarity. Sent with OVERDUE. */
    SLIPPED,
    /** ASSURE, to the receiver: how satisfied are you? */
    RATING,
    /** ASSURE, to the receiver: asked once more if unanswered. */
    RATING_AGAIN,
    /** Nudges held back over a person's daily cap, combined into one message in their next window. */
    DIGEST
}
