package dev.kept.promise;

/** Which side of a promise a person is on. */
public enum Side {
    /** Promises the person made: they are the provider. */
    MADE,
    /** Promises made to the person: they are the receiver. */
    RECEIVED
}
