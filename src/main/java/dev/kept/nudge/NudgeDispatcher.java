package dev.kept.nudge;

import dev.kept.chat.KeptMetrics;
import dev.kept.chat.Delivery;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.promise.FollowUp;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends nudges when they are due. One poller per instance claims due jobs in batches (each with a
 * lease), and workers send them. Before sending, a nudge re-reads its promise and is dropped quietly
 * if the promise has moved on; outside the recipient's working hours (their own, when they set them)
 * it waits for their next window; over their daily cap (their own, else Kept's) it is held and goes out combined with the others in their next window. Slack's
 * answers decide what happens next: 429 → again after Retry-After; 5xx or timeout → again with
 * exponential backoff and jitter, up to a limit; a permanent error → recorded, not retried.
 *
 * <p>A job claimed again after its sender died first asks the platform whether the message already
 * arrived, so nobody gets the same nudge twice.
 */
@Component
public class NudgeDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NudgeDispatcher.class);
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final NudgeQueue queue;
    private final PromiseStore promises;
    private final PromiseService promiseService;
    private final Messenger messenger;
    private final NudgePlanner planner;
    private final NudgeProperties settings;
    private final Clock clock;
    private final Object signal = new Object();

    private volatile boolean running;
    private final java.util.concurrent.atomic.AtomicLong sentCount = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failedCount = new java.util.concurrent.atomic.AtomicLong();
    private long lastReport = System.nanoTime();
    private Thread poller;
    private ExecutorService workers;
    /**
     * The poller's sends under way: at most two batches, so it claims the next batch while the
     * workers still send the last one, instead of leaving them idle until the whole batch is done.
     */
    private Semaphore inFlight;

    public NudgeDispatcher(NudgeQueue queue, PromiseStore promises, PromiseService promiseService, Messenger messenger,
                           NudgePlanner planner, NudgeProperties settings, Clock clock) {
        this.queue = queue;
        this.promises = promises;
        this.promiseService = promiseService;
        this.messenger = messenger;
        this.planner = planner;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "kept-nudge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        inFlight = new Semaphore(2 * settings.batch());
        running = true;
        poller = new Thread(this::pollUntilStopped, "kept-nudge-poller");
        poller.setDaemon(true);
        poller.start();
        log.info("Nudges: dispatching (working hours {}, daily cap {})",
                settings.workingHours().enabled() ? "on" : "off", settings.dailyCap());
    }

    /** Stops claiming; sends already under way finish (or their leases expire and another instance takes them). */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            poller.join(settings.lease().toMillis());
            workers.shutdown();
            if (!workers.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Look again now (new work was queued, or a test moved the clock). */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void pollUntilStopped() {
        while (running) {
            reportNowAndThen();
            try {
                if (dispatchOverlapped() == 0) {
                    waitForWork();
                }
            } catch (StoreUnavailableException e) {
                log.warn("Nudges paused: {}", e.getMessage());
                pause(settings.pollMax());
            } catch (RuntimeException e) {
                log.error("Nudge poller failed; going on", e);
                pause(settings.pollMax());
            }
        }
    }

    /** One line a minute while nudges go out, so operators can see this instance at work. */
    private void reportNowAndThen() {
        if (System.nanoTime() - lastReport < REPORT_EVERY.toNanos()) {
            return;
        }
        lastReport = System.nanoTime();
        long sent = sentCount.getAndSet(0);
        long failed = failedCount.getAndSet(0);
        if (sent > 0 || failed > 0) {
            log.info("Nudges: {} sent, {} failed for good in the last minute", sent, failed);
        }
    }

    private void waitForWork() {
        Duration wait = settings.pollMax();
        Optional<Instant> next = queue.nextDue();
        if (next.isPresent()) {
            Duration untilNext = Duration.between(clock.instant(), next.get());
            if (untilNext.compareTo(wait) < 0) {
                wait = untilNext.isNegative() ? Duration.ZERO : untilNext;
            }
        }
        pause(wait);
    }

    private void pause(Duration wait) {
        if (wait.isZero() || !running) {
            return;
        }
        synchronized (signal) {
            try {
                signal.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    // ---------------------------------------------------------------- one round

    /**
     * Claims one batch of due nudges and sends them (in parallel when started, in this thread
     * otherwise), returning how many were claimed.
     */
    public int dispatchDue() {
        List<NudgeQueue.Claim> claims = queue.claim(clock.instant(), settings.lease(), settings.batch());
        if (claims.isEmpty()) {
            return 0;
        }
        ExecutorService pool = workers;
        if (pool == null || pool.isShutdown()) {
            claims.forEach(this::process);
        } else {
            CompletableFuture<?>[] all = claims.stream()
                    .map(c -> CompletableFuture.runAsync(() -> process(c), pool))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(all).join();
        }
        return claims.size();
    }

    /**
     * The poller's round: like {@link #dispatchDue()}, but it doesn't wait for the batch to be sent.
     * It waits only until a batch's worth of the two allowed in flight is free, so the workers always
     * have the next batch queued (a JFR profile of the dispatch benchmark showed them idle at the end
     * of each batch, waiting for its slowest send, while the poller claimed the next one).
     */
    private int dispatchOverlapped() {
        int batch = settings.batch();
        try {
            inFlight.acquire(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return 0;
        }
        if (!running) {
            inFlight.release(batch);
            return 0;
        }
        List<NudgeQueue.Claim> claims;
        try {
            claims = queue.claim(clock.instant(), settings.lease(), batch);
        } catch (RuntimeException e) {
            inFlight.release(batch);
            throw e;
        }
        inFlight.release(batch - claims.size());
        int handed = 0;
        try {
            for (NudgeQueue.Claim claim : claims) {
                workers.execute(() -> {
                    try {
                        process(claim);
                    } finally {
                        inFlight.release();
                    }
                });
                handed++;
            }
        } catch (RejectedExecutionException e) {
            // stopping: the rest keep their lease and are claimed again (here or by another instance)
            inFlight.release(claims.size() - handed);
        }
        return claims.size();
    }

    void process(NudgeQueue.Claim claim) {
        try {
            if (Nudge.isDigest(claim.data())) {
                sendDigest(claim);
            } else {
                sendOne(claim);
            }
        } catch (StoreUnavailableException e) {
            log.warn("Nudge {} waits: {}", claim.id(), e.getMessage()); // its lease expires; it is claimed again
        } catch (RuntimeException e) {
            log.error("Nudge {} failed unexpectedly; it will be tried again", claim.id(), e);
            safely(() -> queue.retryAt(claim, clock.instant().plus(backoff(claim.attempts() + 1)), claim.attempts() + 1));
        }
    }

    private void sendOne(NudgeQueue.Claim claim) {
        Optional<Nudge> parsed = Nudge.from(claim.workspace(), claim.id(), claim.data());
        if (parsed.isEmpty()) {
            queue.fail(claim, "unreadable nudge data " + claim.data());
            return;
        }
        Nudge nudge = parsed.get();
        Optional<Promise> promise = promises.find(nudge.workspace(), nudge.promiseId());
        if (promise.isEmpty() || !NudgePlanner.stillRelevant(nudge, promise.get(), clock.instant())) {
            queue.drop(claim);
            KeptMetrics.nudge("dropped");
            return;
        }
        Person recipient = nudge.recipient();
        if (nudge.kind() == NudgeKind.SLIPPED && !promiseService.wantsPrompts(recipient)) {
            queue.drop(claim); // they opted out of feedback prompts
            return;
        }
        Instant now = clock.instant();
        NudgePlanner.Rhythm rhythm = planner.rhythmOf(recipient);
        ZoneId zone = rhythm.zone();
        WorkingHours hours = rhythm.hours();
        if (!hours.isWorking(now, zone)) {
            queue.retryAt(claim, hours.nextWorking(now, zone), claim.attempts());
            return;
        }
        LocalDate day = hours.localDate(now, zone);
        if (queue.reserve(recipient, day) > rhythm.dailyCap()) {
            queue.release(recipient, day);
            Instant window = hours.nextMorning(now, zone);
            queue.hold(claim, recipient, Nudge.digest(recipient, hours.localDate(window, zone), window));
            KeptMetrics.nudge("capped");
            return;
        }
        List<FollowUp> next = planner.afterSent(nudge, promise.get(), now, rhythm);
        if (claim.claims() > 1 && messenger.alreadyDelivered(recipient, nudge.id())) {
            queue.sent(claim, next);
            return;
        }
        Delivery delivery = messenger.deliver(recipient, message(nudge, promise.get(), zone, now), nudge.id());
        settle(claim, delivery, next, recipient, day);
    }

    private Message message(Nudge nudge, Promise p, ZoneId zone, Instant now) {
        switch (nudge.kind()) {
            case REMINDER -> {
                return NudgeMessages.reminder(nudge, p, zone, now);
            }
            case DUE -> {
                return NudgeMessages.due(p, zone, now);
            }
            case OVERDUE -> {
                return NudgeMessages.overdue(p, zone, now);
            }
            case SLIPPED -> {
                return promiseService.messages().slipped(p, zone);
            }
            case RATING, RATING_AGAIN -> {
                return promiseService.messages().askRating(p, nudge.kind() == NudgeKind.RATING_AGAIN);
            }
            default -> throw new IllegalArgumentException("not a promise nudge: " + nudge.kind());
        }
    }

    /** Sends the nudges held for a person over their cap, together. */
    private void sendDigest(NudgeQueue.Claim claim) {
        Person recipient = claim.workspace().person(claim.data().get(Nudge.RECIPIENT));
        Instant now = clock.instant();
        NudgePlanner.Rhythm rhythm = planner.rhythmOf(recipient);
        ZoneId zone = rhythm.zone();
        if (!rhythm.hours().isWorking(now, zone)) {
            queue.retryAt(claim, rhythm.hours().nextWorking(now, zone), claim.attempts());
            return;
        }
        List<String> carried = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<Message> parts = new ArrayList<>();
        List<FollowUp> next = new ArrayList<>();
        int more = 0;
        for (NudgeQueue.Held held : queue.held(recipient)) {
            Optional<Nudge> nudge = Nudge.from(claim.workspace(), held.id(), held.data());
            Optional<Promise> promise = nudge.flatMap(n -> promises.find(n.workspace(), n.promiseId()));
            if (nudge.isEmpty() || promise.isEmpty() || !NudgePlanner.stillRelevant(nudge.get(), promise.get(), now)) {
                done.add(held.id());
            } else if (parts.size() == NudgeMessages.DIGEST_LIMIT) {
                done.add(held.id()); // named in the digest's "…and N more", never sent on its own
                more++;
            } else {
                carried.add(held.id());
                parts.add(message(nudge.get(), promise.get(), zone, now));
                next.addAll(planner.afterSent(nudge.get(), promise.get(), now, rhythm));
            }
        }
        if (parts.isEmpty()) {
            queue.sentHeld(claim, recipient, List.of(), done, List.of());
            return;
        }
        if (claim.claims() > 1 && messenger.alreadyDelivered(recipient, claim.id())) {
            queue.sentHeld(claim, recipient, carried, done, next);
            return;
        }
        LocalDate day = rhythm.hours().localDate(now, zone);
        queue.reserve(recipient, day);
        Delivery delivery = messenger.deliver(recipient, NudgeMessages.digest(parts, more), claim.id());
        if (delivery instanceof Delivery.Sent) {
            queue.sentHeld(claim, recipient, carried, done, next);
            sentCount.incrementAndGet();
        } else {
            settle(claim, delivery, List.of(), recipient, day);
        }
    }

    /** What happens after one delivery attempt. */
    private void settle(NudgeQueue.Claim claim, Delivery delivery, List<FollowUp> next, Person recipient, LocalDate day) {
        Instant now = clock.instant();
        if (delivery instanceof Delivery.Sent) {
            queue.sent(claim, next);
            sentCount.incrementAndGet();
            KeptMetrics.nudge("sent");
            KeptMetrics.nudgeLateness(java.time.Duration.between(claim.dueAt(), now));
            return;
        }
        queue.release(recipient, day);
        if (delivery instanceof Delivery.RateLimited limited) {
            // Slack said when: not a failure, so it does not count as an attempt.
            KeptMetrics.nudge("rate_limited");
            queue.retryAt(claim, now.plus(limited.retryAfter()), claim.attempts());
        } else if (delivery instanceof Delivery.Failed failed) {
            int attempts = claim.attempts() + 1;
            if (failed.permanent()) {
                log.warn("Nudge {} to {} failed for good: {}", claim.id(), recipient.userId(), failed.error());
                queue.fail(claim, failed.error());
                failedCount.incrementAndGet();
                KeptMetrics.nudge("failed");
            } else if (attempts >= settings.maxAttempts()) {
                log.warn("Nudge {} to {} failed {} times; giving up: {}", claim.id(), recipient.userId(), attempts,
                        failed.error());
                queue.fail(claim, "gave up after " + attempts + " attempts: " + failed.error());
                failedCount.incrementAndGet();
                KeptMetrics.nudge("failed");
            } else {
                KeptMetrics.nudge("retried");
                queue.retryAt(claim, now.plus(backoff(attempts)), attempts);
            }
        }
    }

    /** 2, 4, 8 … seconds, with ±50 % jitter, at most ten minutes. */
    static Duration backoff(int attempts) {
        long base = 1000L << Math.min(attempts, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base);
        return Duration.ofMillis(Math.min(jittered, LONGEST_BACKOFF.toMillis()));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("Could not put a nudge back: {}", e.getMessage());
        }
    }
}
