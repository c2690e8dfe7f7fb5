package dev.kept.insight;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.promise.PromiseMessages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** What Kept says about stats and the week, as neutral messages. No text typed by people appears in them. */
final class InsightMessages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    private InsightMessages() {
    }

    // ---------------------------------------------------------------- stats

    /** The answer to {@code /promise stats}. */
    static Message stats(Stats s) {
        Markup title = Markup.builder().bold("Your promises, in numbers").build();
        return Message.builder(title).text(title).append(statsBody(s)).build();
    }

    /** The figures without a title (the App Home has its own heading). */
    static Message statsBody(Stats s) {
        String monthName = s.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        Markup summary = Markup.plain("This month and all time");
        return Message.builder(summary)
                .text(period("This month (" + monthName + ")", s.thisMonth()))
                .text(period("All time", s.allTime()))
                .text(Markup.builder().bold("On time, the last " + s.weeks().size() + " weeks:")
                        .plain(" " + s.sparkline() + "  (oldest → this week; · nothing was due)").build())
                .note(Markup.plain("Kept on time counts the promises you made that fell due in the period and were "
                        + "delivered, released or are overdue. Asking early for a new date never counts against you: "
                        + "delivered by the new date is on time. Promises the other person cancelled don't count."))
                .build();
    }

    private static Markup period(String heading, Stats.Figures f) {
        StringBuilder lines = new StringBuilder();
        lines.append("\nKept on time: ").append(f.due() == 0 ? "nothing has fallen due yet" : f.onTimeText());
        lines.append("\nRenegotiated: ").append(f.renegotiatedEarly()).append(" early, ")
                .append(f.renegotiatedLate()).append(" late");
        lines.append("\nSatisfaction received: ");
        if (f.ratings() == 0) {
            lines.append("no ratings yet");
        } else {
            double mean = f.averageRating().orElseThrow();
            lines.append(Stats.oneDecimal(mean)).append(" of 5, ").append(ratingWord(mean))
                    .append(" (").append(count(f.ratings(), "rating")).append(')');
        }
        lines.append("\nFeedback: ").append(f.feedbackGiven()).append(" given, ")
                .append(f.feedbackReceived()).append(" received");
        lines.append("\nThanks for your feedback: ").append(f.thanksReceived());
        return Markup.builder().bold(heading).plain(lines.toString()).build();
    }

    /** The word for a mean rating, rounded half up: 4.5 is "🤩 Delighted". */
    static String ratingWord(double mean) {
        int rounded = (int) Math.max(1, Math.min(5, Math.round(mean)));
        return PromiseMessages.RATINGS.get(rounded - 1);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    // ---------------------------------------------------------------- the weekly digest

    /** The weekly digest for a channel: totals and thanks, nobody's rating and no feedback text. */
    static Message digest(Digest d, ZoneId zone) {
        Markup title = Markup.builder().bold("Kept: the week to " + DAY.format(d.to().atZone(zone))).build();
        Message.Builder b = Message.builder(title).text(title);
        StringBuilder lines = new StringBuilder();
        lines.append("Promises made: ").append(d.made());
        lines.append("\nPromises delivered: ").append(d.delivered());
        lines.append("\nKept on time: ");
        if (d.due() == 0) {
            lines.append("nothing fell due");
        } else if (d.due() < Digest.SMALLEST_GROUP) {
            lines.append("only ").append(count(d.due(), "promise")).append(" fell due, too few to show a rate");
        } else {
            lines.append(Stats.share(d.onTime(), d.due()));
        }
        lines.append("\nSatisfaction: ");
        if (d.ratings() == 0) {
            lines.append("no ratings this week");
        } else if (d.ratings() < Digest.SMALLEST_GROUP) {
            lines.append("fewer than ").append(Digest.SMALLEST_GROUP).append(" ratings this week, so none is shown");
        } else {
            double mean = d.averageRating().orElseThrow();
            lines.append(Stats.oneDecimal(mean)).append(" of 5, ").append(ratingWord(mean))
                    .append(" (from ").append(count(d.ratings(), "rating")).append(')');
        }
        b.text(Markup.plain(lines.toString()));
        if (!d.keptOnTime().isEmpty()) {
            b.text(people(Markup.builder().bold("Kept their promises on time:").plain(" "), d.keptOnTime()));
        }
        if (!d.constructive().isEmpty()) {
            b.text(people(Markup.builder().bold("Shared constructive feedback:").plain(" "), d.constructive()));
        }
        if (!d.keptOnTime().isEmpty() || !d.constructive().isEmpty()) {
            b.text(Markup.plain("Thank you all!"));
        }
        b.note(Markup.plain("From " + DAY_AND_TIME.format(d.from().atZone(zone)) + " to "
                + DAY_AND_TIME.format(d.to().atZone(zone)) + " (" + zoneName(zone) + "). Only totals are shared "
                + "here: each rating and every word of feedback stays between the two people it concerns."));
        return b.build();
    }

    private static Markup people(Markup.Builder b, List<Digest.Count> counts) {
        for (int i = 0; i < counts.size(); i++) {
            Digest.Count c = counts.get(i);
            b.plain(i == 0 ? "" : ", ").person(c.userId()).plain(" (" + c.times() + ")");
        }
        return b.build();
    }

    static String zoneName(ZoneId zone) {
        return zone instanceof java.time.ZoneOffset ? "UTC" + zone.getId().replace("Z", "") : zone.getId();
    }
}
