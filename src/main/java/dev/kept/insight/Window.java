package dev.kept.insight;

import java.time.Instant;

/** A span of time, {@code [from, to)}. */
record Window(Instant from, Instant to) {

    static final Window ALWAYS = new Window(Instant.MIN, Instant.MAX);

    boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
