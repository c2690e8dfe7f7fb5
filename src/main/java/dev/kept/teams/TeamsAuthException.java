package dev.kept.teams;

/**
 * An inbound request from the Bot Framework was refused: {@link #status()} is the HTTP status to answer
 * (401: no valid token; 403: a valid token that does not cover this activity) and the message a short reason
 * for logs. The token itself never appears in it.
 */
public class TeamsAuthException extends RuntimeException {

    private final int status;

    public TeamsAuthException(int status, String reason) {
        super(reason);
        if (status != 401 && status != 403) {
            throw new IllegalArgumentException("status must be 401 or 403: " + status);
        }
        this.status = status;
    }

    static TeamsAuthException unauthorized(String reason) {
        return new TeamsAuthException(401, reason);
    }

    static TeamsAuthException forbidden(String reason) {
        return new TeamsAuthException(403, reason);
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }

    /** The short reason, for logs. */
    public String reason() {
        return getMessage();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // refusals are routine; a stack trace adds nothing to the log line
    }
}
