package dev.kept.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where listeners put the work that follows an ack: Slack must hear back within 3 seconds, so
 * listeners only hand the work over here and ack. Bounded: when it is full, the listener answers
 * "busy" at once instead of making Slack wait.
 */
@Component
public class SlackWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    private final ThreadPoolExecutor executor;

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
            log.warn("Too busy: refused work ({} queued)", executor.getQueue().size());
            return false;
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
