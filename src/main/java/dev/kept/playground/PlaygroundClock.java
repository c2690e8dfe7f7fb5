package dev.kept.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset the playground moves forward ("+1 day", "jump to the next nudge"). It is
 * Kept's clock only when Kept runs as the playground alone; with Slack, time is real. Thread-safe.
 */
public final class PlaygroundClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public PlaygroundClock(Clock real) {
        this.real = real;
    }

    /** Moves time forward by {@code by} (never back). */
    public void advance(Duration by) {
        if (!by.isNegative()) {
            offset.updateAndGet(o -> o.plus(by));
        }
    }

    /** Moves time forward to {@code at}; nothing happens if it is already past. */
    public void advanceTo(Instant at) {
        offset.updateAndGet(o -> {
            Duration missing = Duration.between(real.instant().plus(o), at);
            return missing.isNegative() ? o : o.plus(missing);
        });
    }

    /** How far ahead of real time the playground is. */
    public Duration offset() {
        return offset.get();
    }

    /** Back to real time (the playground's reset). */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Kept works in instants; zones come from people's profiles");
    }
}
