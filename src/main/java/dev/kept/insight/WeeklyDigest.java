package dev.kept.insight;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Messenger;
import dev.kept.chat.Once;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts each workspace's weekly digest to the configured channel, once a week at the configured day
 * and time. Every instance looks about once a minute; {@link Once} makes sure only one of them posts
 * a given week's digest. A digest missed (Kept was down, the store unreachable) is still posted up to
 * {@link #CATCH_UP} after its time; a week in which nothing happened is not posted at all.
 */
@Component
public class WeeklyDigest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    /** How late a digest may still go out. */
    static final Duration CATCH_UP = Duration.ofDays(1);
    /** How long "this week's digest was posted" is remembered (well beyond {@link #CATCH_UP}). */
    static final Duration REMEMBER = Duration.ofDays(14);

    private final PromiseStore store;
    private final InsightService insight;
    private final Messenger messenger;
    private final Once once;
    private final DigestProperties settings;
    private final Clock clock;

    private ScheduledExecutorService poller;

    public WeeklyDigest(PromiseStore store, InsightService insight, Messenger messenger, Once once,
                        DigestProperties settings, Clock clock) {
        this.store = store;
        this.insight = insight;
        this.messenger = messenger;
        this.once = once;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        if (!settings.enabled()) {
            log.info("Weekly digest: off (set KEPT_DIGEST_CHANNEL for Slack or KEPT_DIGEST_TEAMS_CHANNEL for Teams to turn it on)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kept-digest");
            t.setDaemon(true);
            return t;
        });
        long every = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        log.info("Weekly digest: to {} every {} at {} ({})",
                String.join(" and ", settings.channels().values()), settings.day(), settings.time(), settings.zone());
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** One look; whatever goes wrong is logged and the next look comes anyway. */
    private void tick() {
        try {
            runNow();
        } catch (StoreUnavailableException e) {
            log.warn("Weekly digest waits for the store: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Weekly digest failed; trying again at the next look", e);
        }
    }

    // ---------------------------------------------------------------- one look

    /**
     * Posts the digest of every workspace whose digest is due and not posted yet (by any instance).
     *
     * @return how many digests this call posted
     * @throws StoreUnavailableException when the store can't be reached (nothing is lost: the next look tries again)
     */
    public int runNow() {
        if (!settings.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        ZonedDateTime sendAt = lastSendTime(now, settings.day(), settings.time(), settings.zone());
        if (!now.isBefore(sendAt.toInstant().plus(CATCH_UP))) {
            return 0;
        }
        int posted = 0;
        for (Workspace workspace : store.workspaces()) {
            String channel = settings.channelFor(workspace.platform());
            if (!channel.isEmpty() && post(workspace, channel, sendAt, now)) {
                posted++;
            }
        }
        return posted;
    }

    private boolean post(Workspace workspace, String channel, ZonedDateTime sendAt, Instant now) {
        Digest digest = digest(workspace, sendAt.minusWeeks(1).toInstant(), sendAt.toInstant(), now);
        if (digest.isQuiet()) {
            return false;
        }
        if (!once.first("digest:" + workspace.key() + ":" + sendAt.toLocalDate(), REMEMBER)) {
            return false;   // posted already, by this instance or another
        }
        try {
            messenger.postToChannel(workspace, channel, InsightMessages.digest(digest, settings.zone()));
            log.info("Weekly digest for {} posted to {}", workspace.key(), channel);
            return true;
        } catch (DeliveryFailedException e) {
            log.error("Weekly digest for {} could not be posted to {} (is Kept a member of the channel?): {}",
                    workspace.key(), channel, e.getMessage());
            return false;
        }
    }

    /** A workspace's digest for {@code [from, to)}, counted at {@code now}. */
    public Digest digest(Workspace workspace, Instant from, Instant to, Instant now) {
        // Everything with an event in the week changed on or after 'from'; a promise due in the week may not have.
        List<Promise> candidates = new ArrayList<>(store.changedBetween(workspace, from, now.plus(Duration.ofDays(1))));
        candidates.addAll(store.dueBetween(workspace, from, to));
        return DigestCalculator.compute(from, to, insight.track(workspace, candidates).values(), now);
    }

    /** The latest scheduled send time at or before {@code now}. */
    static ZonedDateTime lastSendTime(Instant now, DayOfWeek day, LocalTime time, ZoneId zone) {
        ZonedDateTime candidate = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day))
                .atTime(time).atZone(zone);
        return candidate.toInstant().isAfter(now) ? candidate.minusWeeks(1) : candidate;
    }
}
