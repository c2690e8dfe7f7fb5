package dev.kept.testing.slack;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a {@link FakeSlackApi} answer a share of the calls to one Web API method with HTTP 429
 * ({@code Retry-After}) or 500, picked at random with a fixed seed. Built on
 * {@link FakeSlackApi#onCall} and {@link FakeSlackApi#failNext}: after each call to the method,
 * a coin decides whether one of the next calls fails, so about {@code share} of all calls do.
 * Off until {@link #on()}; {@link #off()} stops it (listeners can't be removed from the fake).
 */
public final class RandomSlackFaults {

    private final FakeSlackApi slack;
    private final String method;
    private final double share;
    private final int retryAfterSeconds;
    private final Random random;
    private volatile boolean on;
    private final AtomicInteger armed429 = new AtomicInteger();
    private final AtomicInteger armed500 = new AtomicInteger();

    private RandomSlackFaults(FakeSlackApi slack, String method, double share, int retryAfterSeconds, long seed) {
        this.slack = slack;
        this.method = method;
        this.share = share;
        this.retryAfterSeconds = retryAfterSeconds;
        this.random = new Random(seed);
    }

    /** Installs the listener (off); half of the faults are 429, half 500. */
    public static RandomSlackFaults install(FakeSlackApi slack, String method, double share, int retryAfterSeconds,
                                            long seed) {
        RandomSlackFaults faults = new RandomSlackFaults(slack, method, share, retryAfterSeconds, seed);
        slack.onCall(faults::afterCall);
        return faults;
    }

    public RandomSlackFaults on() {
        on = true;
        return this;
    }

    public RandomSlackFaults off() {
        on = false;
        return this;
    }

    public int armed429() {
        return armed429.get();
    }

    public int armed500() {
        return armed500.get();
    }

    private void afterCall(FakeSlackApi.Call call) {
        if (!on || !call.method().equals(method)) {
            return;
        }
        boolean fail;
        boolean rateLimit;
        synchronized (random) {
            fail = random.nextDouble() < share;
            rateLimit = random.nextBoolean();
        }
        if (!fail) {
            return;
        }
        if (rateLimit) {
            armed429.incrementAndGet();
            slack.failNext(method, 1, 429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}");
        } else {
            armed500.incrementAndGet();
            slack.failNext(method, 1, 500, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}");
        }
    }
}
