package dev.kept.chat;

/** Kept's storage cannot be reached; nothing was changed. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
