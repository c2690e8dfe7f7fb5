package dev.kept.store.redis;

import dev.kept.chat.StoreUnavailableException;
import org.springframework.dao.DataAccessException;

import java.util.function.Supplier;

/** Turns any Redis failure into the core's {@link StoreUnavailableException}. */
final class RedisFailures {

    private RedisFailures() {
    }

    /**
     * Runs one Redis step.
     *
     * @param action what was being done, for the message: "read promise K7Q2 in slack:T123"
     */
    static <T> T guard(String action, Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessException | io.lettuce.core.RedisException e) {
            dev.kept.chat.KeptMetrics.storeFailure();
            throw new StoreUnavailableException("Kept's store (Redis) is unavailable: could not " + action
                    + " (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root != e && e.getMessage() != null && (message == null || !e.getMessage().contains(message))) {
            return e.getMessage() + (message == null ? "" : ": " + message);
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
