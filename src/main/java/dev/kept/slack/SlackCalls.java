package dev.kept.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls the Slack Web API with Slack's rules for trying again: on HTTP 429 it waits as long as
 * {@code Retry-After} says; on 5xx and network errors it backs off exponentially with jitter;
 * {@code ok:false} errors are final and reported as they are.
 */
@Component
public class SlackCalls {

    static final int ATTEMPTS = 5;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

    private final Sleeper sleeper;

    public SlackCalls() {
        this(Sleeper.REAL);
    }

    SlackCalls(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** Waits between attempts; replaced in unit tests. */
    interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /** The Web API said no ({@code ok:false}), or could not be reached after every attempt. */
    public static class SlackCallFailed extends RuntimeException {
        private final String error;

        SlackCallFailed(String method, String error, Throwable cause) {
            super(method + " failed: " + error, cause);
            this.error = error;
        }

        /** Slack's error code, e.g. {@code user_not_found}, or a description of the transport failure. */
        public String error() {
            return error;
        }
    }

    public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        return call(method, call, null);
    }

    /**
     * The same, for a call that must take effect once (a message): after an attempt whose answer never came
     * (a timeout, a reset connection), {@code tookEffect} is asked first whether it did anyway, and when it
     * did, nothing is tried again and null is returned. A 429 or a 5xx answer means it did not.
     */
    public <T extends SlackApiTextResponse> T call(String method, Call<T> call, java.util.function.BooleanSupplier tookEffect) {
        Throwable last = null;
        boolean unanswered = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (unanswered && tookEffect != null && tookEffectSafely(method, tookEffect)) {
                log.info("{} took effect although its answer never came; not sent again", method);
                return null;
            }
            unanswered = false;
            try {
                T response = call.run();
                if (!response.isOk()) {
                    dev.kept.chat.KeptMetrics.apiCall("slack", method, "error");
                    throw new SlackCallFailed(method, response.getError(), null);
                }
                dev.kept.chat.KeptMetrics.apiCall("slack", method, "ok");
                return response;
            } catch (SlackApiException e) {
                last = e;
                int status = e.getResponse().code();
                dev.kept.chat.KeptMetrics.apiCall("slack", method, status == 429 ? "429" : status >= 500 ? "5xx" : "4xx");
                if (status == 429) {
                    Duration wait = retryAfter(e).orElse(Duration.ofSeconds(1));
                    dev.kept.chat.KeptMetrics.retryAfter("slack", wait);
                    waitBefore(attempt, method, wait);
                } else if (status >= 500) {
                    waitBefore(attempt, method, backoff(attempt));
                } else {
                    String error = e.getError() != null ? e.getError().getError() : "HTTP " + status;
                    throw new SlackCallFailed(method, error, e);
                }
            } catch (IOException e) {
                last = e;
                unanswered = true;
                dev.kept.chat.KeptMetrics.apiCall("slack", method, "network");
                waitBefore(attempt, method, backoff(attempt));
            }
        }
        if (unanswered && tookEffect != null && tookEffectSafely(method, tookEffect)) {
            return null;
        }
        throw new SlackCallFailed(method, "gave up after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    private void waitBefore(int attempt, String method, Duration wait) {
        if (attempt == ATTEMPTS) {
            return;
        }
        Duration bounded = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        log.info("{}: Slack asked to wait; trying again in {} ms (attempt {} of {})", method, bounded.toMillis(),
                attempt + 1, ATTEMPTS);
        try {
            sleeper.sleep(bounded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(method, "interrupted while waiting to try again", e);
        }
    }

    static Optional<Duration> retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    static Duration backoff(int attempt) {
        long base = 250L << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base));
    }

    /** Whether it took effect; when even that can't be learnt, "no" (sending again beats losing it). */
    private static boolean tookEffectSafely(String method, java.util.function.BooleanSupplier tookEffect) {
        try {
            return tookEffect.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Could not learn whether {} took effect: {}", method, e.getMessage());
            return false;
        }
    }
}
