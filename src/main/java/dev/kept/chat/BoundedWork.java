package dev.kept.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an adapter puts the work that follows its answer to the platform: chat platforms want to hear
 * back within seconds, so the adapter answers at once and hands the rest over here. Bounded: when it
 * is full, {@link #submit} says so at once and the adapter answers "busy" instead of making anyone wait.
 */
public class BoundedWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BoundedWork.class);

    static final Duration REFUSALS_LOGGED_EVERY = Duration.ofSeconds(10);

    private final String name;
    private final ThreadPoolExecutor executor;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    /** When the last refusal was logged (nanoTime); far enough in the past that the first one is. */
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSALS_LOGGED_EVERY.toNanos());

    public BoundedWork(String name, int workers, int queue) {
        this.name = name;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "kept-" + name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * What every platform tells a person whose command, click, form or message Kept was too busy to take:
     * one text, so people meet one voice wherever they use Kept.
     */
    public static final String BUSY = "I'm very busy right now and couldn't take that on. Please try again in a moment.";

    /** How many "busy" notices may wait for the refusals lane before even they are only logged. */
    static final int REFUSALS_QUEUED = 256;

    /**
     * Runs {@code work} soon, or, when Kept is too busy to take it, {@code tellThem}: the person must hear
     * "busy" (for a click or a message the platform's ack carries no words). {@code tellThem} runs on a
     * small lane of its own, so a full queue never keeps the notice from going out; false when refused.
     */
    public boolean submitOrTell(Runnable work, Runnable tellThem) {
        if (submit(work)) {
            return true;
        }
        tell(tellThem);
        return false;
    }

    /** Runs a "busy" notice on the refusals lane (for work refused elsewhere, e.g. by {@link #call}). */
    public void tell(Runnable tellThem) {
        try {
            refusals().execute(() -> {
                try {
                    tellThem.run();
                } catch (RuntimeException e) {
                    log.warn("Could not tell someone that {} work was refused: {}", name, e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Too busy even to say so: a {} refusal notice was dropped", name);
        }
    }

    private volatile ThreadPoolExecutor refusals;

    private ThreadPoolExecutor refusals() {
        ThreadPoolExecutor lane = refusals;
        if (lane == null) {
            synchronized (this) {
                if (refusals == null) {
                    refusals = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                            new ArrayBlockingQueue<>(REFUSALS_QUEUED), r -> {
                                Thread t = new Thread(r, "kept-" + name + "-busy");
                                t.setDaemon(true);
                                return t;
                            });
                    refusals.allowCoreThreadTimeOut(true);
                }
                lane = refusals;
            }
        }
        return lane;
    }

    /** Runs {@code work} soon; false when Kept is too busy to take it now. */
    public boolean submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("{} work failed", name, e);
                }
            });
            KeptMetrics.work(name, true);
            return true;
        } catch (RejectedExecutionException e) {
            noteRefusal();
            KeptMetrics.work(name, false);
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
            log.warn("Too busy: refused {} piece(s) of {} work since the last such line ({} queued, {} workers)",
                    count, name, executor.getQueue().size(), executor.getMaximumPoolSize());
        }
    }

    /** Runs {@code work} soon, for a caller that waits a while for its result; empty when too busy. */
    public <T> Optional<CompletableFuture<T>> call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean taken = submit(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return taken ? Optional.of(result) : Optional.empty();
    }

    @Override
    public void destroy() throws InterruptedException {
        if (refusals != null) {
            refusals.shutdown();
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Stopped with {} {} tasks unfinished", executor.getQueue().size(), name);
            executor.shutdownNow();
        }
    }
}
