package dev.kept.promise;

/**
 * OPEN → DELIVERED → ASSURED (rated), or OPEN → RELEASED (the provider can't), or
 * OPEN → CANCELLED (the receiver no longer needs it). A request starts before all that:
 * REQUESTED → OPEN (taken on), REQUESTED → DECLINED (they can't take it on) or REQUESTED →
 * CANCELLED (withdrawn by the person who asked).
 */
public enum PromiseStatus {
    OPEN, DELIVERED, ASSURED, RELEASED, CANCELLED, REQUESTED, DECLINED;

    /** A promise someone is working on: it can be delivered, renegotiated or released. */
    public boolean isOpen() {
        return this == OPEN;
    }

    /** Still waiting for someone to act (an open promise or an unanswered request): listed as open. */
    public boolean isActive() {
        return this == OPEN || this == REQUESTED;
    }

    /** A request that was never taken on (waiting, or declined). */
    public boolean isRequest() {
        return this == REQUESTED || this == DECLINED;
    }
}
