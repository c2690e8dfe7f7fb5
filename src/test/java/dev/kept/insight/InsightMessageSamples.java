package dev.kept.insight;

import dev.kept.chat.Message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stats and digest messages {@link InsightMessages} builds, by name: for renderer tests of other packages. */
public final class InsightMessageSamples {

    private InsightMessageSamples() {
    }

    public static Map<String, Message> all(String someone, String other, ZoneId zone, Instant now) {
        Stats.Figures month = new Stats.Figures(3, 4, 1, 0, 2, 9, 1, 2, 1);
        Stats.Figures allTime = new Stats.Figures(10, 12, 2, 1, 5, 21, 3, 4, 2);
        LocalDate monday = LocalDate.ofInstant(now, zone).with(java.time.DayOfWeek.MONDAY);
        Stats stats = new Stats(YearMonth.from(monday), month, allTime,
                List.of(new Stats.Week(monday.minusWeeks(1), 1, 2), new Stats.Week(monday, 0, 0)));
        Digest digest = new Digest(now.minusSeconds(7 * 86_400), now, 5, 4, 3, 4, 3, 13,
                List.of(new Digest.Count(someone, 2)), List.of(new Digest.Count(other, 1)));
        Map<String, Message> all = new LinkedHashMap<>();
        all.put("stats", InsightMessages.stats(stats));
        all.put("digest", InsightMessages.digest(digest, zone));
        return all;
    }
}
