package dev.kept.insight;

import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts a person's {@link Stats} from the promises they made and received, with their histories.
 * Plain code without storage or clock: the caller says who, in which zone, and when "now" is.
 */
public final class StatsCalculator {

    /** Weeks in the trend, the current one included. */
    public static final int WEEKS = 8;

    private StatsCalculator() {
    }

    /**
     * @param made     promises {@code userId} made (they are the provider)
     * @param received promises made to {@code userId} (they are the receiver)
     */
    public static Stats compute(String userId, Collection<Tracked> made, Collection<Tracked> received,
                                ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        YearMonth month = YearMonth.from(local);
        Window thisMonth = new Window(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Stats.Week> weeks = new ArrayList<>(WEEKS);
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate start = monday.minusWeeks(i);
            Window week = new Window(start.atStartOfDay(zone).toInstant(), start.plusWeeks(1).atStartOfDay(zone).toInstant());
            int[] onTime = onTime(made, week, now);
            weeks.add(new Stats.Week(start, onTime[0], onTime[1]));
        }
        return new Stats(month, figures(userId, made, received, thisMonth, now),
                figures(userId, made, received, Window.ALWAYS, now), weeks);
    }

    static Stats.Figures figures(String userId, Collection<Tracked> made, Collection<Tracked> received,
                                 Window period, Instant now) {
        int[] onTime = onTime(made, period, now);
        int early = 0;
        int late = 0;
        int ratings = 0;
        int ratingTotal = 0;
        int feedbackReceived = 0;
        for (Tracked t : made) {
            for (HistoryEntry e : t.history()) {
                if (!period.contains(e.at())) {
                    continue;
                }
                if (e.event() == Event.DUE_CHANGED && e.actorId().equals(userId)) {
                    Tracked.Renegotiation r = Tracked.renegotiation(e).orElse(null);
                    if (r == Tracked.Renegotiation.EARLY) {
                        early++;
                    } else if (r == Tracked.Renegotiation.LATE) {
                        late++;
                    }
                } else if (e.event() == Event.RATED) {
                    ratings++;
                    ratingTotal += t.ratingOf(e);
                } else if (e.event() == Event.FEEDBACK_GIVEN) {
                    feedbackReceived++;
                }
            }
        }
        int feedbackGiven = 0;
        int thanksReceived = 0;
        for (Tracked t : received) {
            for (HistoryEntry e : t.history()) {
                if (!period.contains(e.at())) {
                    continue;
                }
                if (e.event() == Event.FEEDBACK_GIVEN && e.actorId().equals(userId)) {
                    feedbackGiven++;
                } else if (e.event() == Event.FEEDBACK_THANKED) {
                    thanksReceived++;
                }
            }
        }
        return new Stats.Figures(onTime[0], onTime[1], early, late, ratings, ratingTotal, feedbackGiven,
                feedbackReceived, thanksReceived);
    }

    /** {on time, counted} over the promises whose due time falls in {@code period}. */
    static int[] onTime(Collection<Tracked> promises, Window period, Instant now) {
        int counted = 0;
        int onTime = 0;
        for (Tracked t : promises) {
            if (period.contains(t.promise().due()) && t.countsForOnTime(now)) {
                counted++;
                if (t.deliveredOnTime()) {
                    onTime++;
                }
            }
        }
        return new int[]{onTime, counted};
    }
}
