package dev.kept.testing;

import dev.kept.chat.BoundedWork;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills an adapter's {@link BoundedWork} with tasks that wait, so the next piece of work is refused ("busy"),
 * until {@link #close}. Every worker is seen busy before the queue is filled, so nothing queued is taken by a
 * worker that was still idle.
 */
public final class FullWork implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private FullWork() {
    }

    /** Fills {@code work}, which has {@code workers} threads and a queue of at most {@code maxQueued}. */
    public static FullWork fill(BoundedWork work, int workers, int maxQueued) {
        FullWork full = new FullWork();
        CountDownLatch working = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            assertThat(work.submit(() -> {
                working.countDown();
                full.waitForRelease();
            })).as("an idle worker takes it").isTrue();
        }
        try {
            assertThat(working.await(10, TimeUnit.SECONDS)).as("every worker busy").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        int queued = 0;
        while (work.submit(full::waitForRelease)) {
            queued++;
            assertThat(queued).as("the queue should fill up").isLessThanOrEqualTo(maxQueued);
        }
        return full;
    }

    private void waitForRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets every waiting task finish. */
    @Override
    public void close() {
        release.countDown();
    }
}
