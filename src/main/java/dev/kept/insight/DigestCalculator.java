package dev.kept.insight;

import dev.kept.promise.HistoryEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts a workspace's {@link Digest} for one week from its promises and their histories. Plain code. */
public final class DigestCalculator {

    private DigestCalculator() {
    }

    /**
     * @param promises every promise with an event in the week or a due time in it (more do no harm)
     * @param now      when the digest is made: a promise still open past its due time by then counts as not on time
     */
    public static Digest compute(Instant from, Instant to, Collection<Tracked> promises, Instant now) {
        Window week = new Window(from, to);
        int made = 0;
        int delivered = 0;
        int ratings = 0;
        int ratingTotal = 0;
        Map<String, Integer> keptOnTime = new HashMap<>();
        Map<String, Integer> constructive = new HashMap<>();
        for (Tracked t : promises) {
            for (HistoryEntry e : t.history()) {
                if (!week.contains(e.at())) {
                    continue;
                }
                switch (e.event()) {
                    case CREATED, ACCEPTED -> made++;
                    case DELIVERED -> {
                        delivered++;
                        if (Tracked.ON_TIME.equals(e.detail())) {
                            keptOnTime.merge(t.promise().providerId(), 1, Integer::sum);
                        }
                    }
                    case RATED -> {
                        ratings++;
                        ratingTotal += t.ratingOf(e);
                    }
                    case FEEDBACK_GIVEN -> {
                        if (t.promise().feedback().isConstructive()) {
                            constructive.merge(t.promise().receiverId(), 1, Integer::sum);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        int[] onTime = StatsCalculator.onTime(promises, week, now);
        return new Digest(from, to, made, delivered, onTime[0], onTime[1], ratings, ratingTotal,
                mostFirst(keptOnTime), mostFirst(constructive));
    }

    /** The people to thank, most first; someone Kept was asked to forget is counted in the totals, never named. */
    private static List<Digest.Count> mostFirst(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> !dev.kept.privacy.FormerColleague.is(e.getKey()))
                .map(e -> new Digest.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Digest.Count::times).reversed().thenComparing(Digest.Count::userId))
                .limit(Digest.RECOGNISED)
                .toList();
    }
}
