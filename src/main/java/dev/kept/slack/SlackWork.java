package dev.kept.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where listeners put the work that follows an ack: Slack must hear back within 3 seconds, so
 * listeners only hand the work over here and ack. Bounded: when it is full, the listener answers
 * "busy" at once instead of making Slack wait.
 */
@Component
public class SlackWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    static final Duration REFUSALS_LOGGED_EVERY = Duration.ofSeconds(10);

    private final ThreadPoolExecutor executor;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    /** When the last refusal was logged (nanoTime); far enough in the past that the first one is. */
    private final AtomicLong lastRefusalLog =
            new AtomicLong(System.nanoTime() - REFUSALS_LOGGED_EVERY.toNanos());

    SlackWork(SlackProperties properties) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queue()), r -> {
            Thread t = new Thread(r, "kept-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} soon; false when Kept is too busy to take it now. */
    public boolean submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Slack work failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            noteRefusal();
            return false;
        }
    }

    /**
     * One log line per {@link #REFUSALS_LOGGED_EVERY} at most, with the count since the last one:
     * refusals come in bursts, and a line for each would add work exactly when Kept has too much.
     */
    private void noteRefusal() {
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last >= REFUSALS_LOGGED_EVERY.toNanos() && lastRefusalLog.compareAndSet(last, now)) {
            long count = refusedSinceLog.getAndSet(0);
            log.warn("Too busy: refused {} piece(s) of work since the last such line ({} queued, {} workers)",
                    count, executor.getQueue().size(), executor.getMaximumPoolSize());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Stopped with {} Slack tasks unfinished", executor.getQueue().size());
            executor.shutdownNow();
        }
    }
}
