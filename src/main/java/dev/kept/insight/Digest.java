package dev.kept.insight;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A workspace's week, in aggregates only: what the weekly digest says. It holds no rating of anyone
 * in particular and no feedback text; {@link DigestCalculator} counts it.
 *
 * @param from          the week's first instant
 * @param to            the end of the week (the time the digest is sent), excluded
 * @param made          promises made directly or taken on (requests accepted) in the week
 * @param delivered     promises delivered in the week
 * @param onTime        promises counted in {@code due} that were delivered on time
 * @param due           promises whose due time fell in the week and were delivered, released or overdue
 * @param ratings       ratings given in the week
 * @param ratingTotal   their sum
 * @param keptOnTime    people who delivered promises on time in the week, most first
 * @param constructive  people who gave feedback with something to do better or easier in the week, most first
 */
public record Digest(Instant from, Instant to, int made, int delivered, int onTime, int due, int ratings,
                     int ratingTotal, List<Count> keptOnTime, List<Count> constructive) {

    /** Fewer ratings or due promises than this and the rate is not shown: it would point at someone. */
    public static final int SMALLEST_GROUP = 3;
    /** People named in each recognition list, at most. */
    public static final int RECOGNISED = 10;

    public Digest {
        keptOnTime = List.copyOf(keptOnTime);
        constructive = List.copyOf(constructive);
    }

    /** Someone and how many times. */
    public record Count(String userId, int times) {
    }

    public OptionalDouble averageRating() {
        return ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingTotal / ratings);
    }

    /** Nothing happened worth a post. */
    public boolean isQuiet() {
        return made == 0 && delivered == 0 && due == 0 && ratings == 0 && constructive.isEmpty();
    }
}
