package dev.kept.promise;

/**
 * OPEN → DELIVERED → ASSURED (rated), or OPEN → RELEASED (the provider can't), or
 * OPEN → CANCELLED (the receiver no longer needs it).
 */
public enum PromiseStatus {
    OPEN, DELIVERED, ASSURED, RELEASED, CANCELLED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
