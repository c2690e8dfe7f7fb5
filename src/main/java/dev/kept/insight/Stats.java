package dev.kept.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How one person is doing with the promises they make and receive: this calendar month and all
 * time (both in their own time zone), and the on-time rate of the last weeks. See docs/insight.md
 * for how each figure is defined; {@link StatsCalculator} counts them.
 */
public record Stats(YearMonth month, Figures thisMonth, Figures allTime, List<Week> weeks) {

    /** The eight levels of the sparkline, lowest first. */
    static final String LEVELS = "▁▂▃▄▅▆▇█";
    /** A week in which nothing the person promised fell due. */
    static final char NOTHING_DUE = '·';

    public Stats {
        weeks = List.copyOf(weeks);
    }

    /**
     * The figures of one period.
     *
     * @param onTime            promises counted in {@code due} that were delivered on time
     * @param due               promises made whose due time fell in the period and that were delivered,
     *                          released or overdue by now
     * @param ratingTotal       the sum of the {@code ratings} received in the period
     */
    public record Figures(int onTime, int due, int renegotiatedEarly, int renegotiatedLate, int ratings,
                          int ratingTotal, int feedbackGiven, int feedbackReceived, int thanksReceived) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public OptionalDouble averageRating() {
            return ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingTotal / ratings);
        }

        /** "3 of 4 (75%)", or empty when nothing was due. */
        public String onTimeText() {
            return Stats.share(onTime, due);
        }
    }

    /** One Monday-to-Sunday week (in the person's zone) and its on-time figures. */
    public record Week(LocalDate monday, int onTime, int due) {
    }

    /** The weeks' on-time rates, oldest first: one of ▁…█ a week, {@code ·} for a week with nothing due. */
    public String sparkline() {
        StringBuilder out = new StringBuilder(weeks.size());
        for (Week w : weeks) {
            out.append(w.due() == 0 ? NOTHING_DUE : level((double) w.onTime() / w.due()));
        }
        return out.toString();
    }

    /** 0 → ▁ … 1 → █: the rate times 7, rounded. */
    static char level(double rate) {
        int i = (int) Math.round(Math.max(0, Math.min(1, rate)) * (LEVELS.length() - 1));
        return LEVELS.charAt(i);
    }

    /** "n of m (p%)", the percentage rounded half up; "" when m is 0. */
    static String share(int n, int m) {
        if (m == 0) {
            return "";
        }
        long percent = Math.round(100.0 * n / m);
        return n + " of " + m + " (" + percent + "%)";
    }

    /** "4.3" — one decimal, always a point. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
