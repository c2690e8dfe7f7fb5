package dev.kept.insight;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.promise.ActionIds;
import dev.kept.promise.DueFormat;
import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A person's own page of Kept (Slack's App Home): requests waiting for their answer, their open
 * promises both ways, their stats, and the latest feedback to them and thanks for feedback they
 * gave. They are a party to everything on it. Lists are capped so the page stays well within the
 * platforms' limits (Slack: 100 blocks, 3,000 characters a block); see {@link #MOST_BLOCKS}.
 */
public final class HomePage {

    static final int PROMISES_SHOWN = 8;
    static final int REQUESTS_SHOWN = 5;
    static final int FEEDBACK_SHOWN = 5;
    /** Characters of a promise's text shown on a line; the rest is in {@code /promise list}. */
    static final int WHAT_SHOWN = 120;
    /** Characters of each part of feedback (and of a reply) shown. */
    static final int FEEDBACK_TEXT_SHOWN = 150;
    /** The most blocks the page can have with every list full (checked by a test). */
    static final int MOST_BLOCKS = 80;

    private HomePage() {
    }

    /**
     * @param made     promises and requests {@code userId} made or was asked for (they are the provider)
     * @param received promises and requests made to {@code userId} (they are the receiver)
     */
    public static Message build(String userId, ZoneId zone, Instant now, Stats stats,
                                Collection<Tracked> made, Collection<Tracked> received) {
        Markup title = Markup.builder().bold("Your promises with Kept").build();
        Message.Builder b = Message.builder(title).text(title);

        List<Tracked> askedOfYou = selectTracked(made, PromiseStatus.REQUESTED);
        if (!askedOfYou.isEmpty()) {
            b.text(Markup.builder().bold("Waiting for your answer").build());
            list(b, askedOfYou, REQUESTS_SHOWN, t -> {
                Promise p = t.promise();
                Markup.Builder line = dev.kept.promise.PromiseMessages.asked(
                                Markup.builder().person(p.receiverId()).plain(" asks you"), clip(p.what(), WHAT_SHOWN))
                        .plain(" by " + DueFormat.format(p.due(), zone, now) + " (" + p.id() + ")");
                proposedDue(t).ifPresent(d -> line.plain(" · you suggested " + DueFormat.format(d, zone, now)
                        + "; waiting for them"));
                b.text(line.build());
                b.buttons(new Button(ActionIds.REQUEST_ACCEPT, "I'll do it", p.id().value(), Style.PRIMARY),
                        new Button(ActionIds.REQUEST_PROPOSE, "Suggest another date", p.id().value(), Style.DEFAULT),
                        new Button(ActionIds.REQUEST_DECLINE, "Can't take this on", p.id().value(), Style.DEFAULT));
            });
        }

        b.text(Markup.builder().bold("You promised").build());
        List<Promise> yours = select(made, PromiseStatus.OPEN);
        if (yours.isEmpty()) {
            b.text(Markup.builder().plain("Nothing open. Make a promise with ").code("/promise @colleague what by when")
                    .plain(".").build());
        }
        list(b, yours, PROMISES_SHOWN, p -> {
            b.text(line(p, " to ", p.receiverId(), zone, now));
            b.buttons(new Button(ActionIds.DELIVER, "Mark delivered", p.id().value(), Style.PRIMARY));
        });

        b.text(Markup.builder().bold("Promised to you").build());
        List<Promise> toYou = select(received, PromiseStatus.OPEN);
        if (toYou.isEmpty()) {
            b.text(Markup.plain("Nothing open right now."));
        }
        list(b, toYou, PROMISES_SHOWN, p -> b.text(line(p, " from ", p.providerId(), zone, now)));

        List<Tracked> yourRequests = selectTracked(received, PromiseStatus.REQUESTED);
        if (!yourRequests.isEmpty()) {
            b.text(Markup.builder().bold("You asked, waiting for an answer").build());
            list(b, yourRequests, REQUESTS_SHOWN, t -> {
                Promise p = t.promise();
                Markup.Builder line = Markup.builder().bold(p.id().value()).plain(" · ")
                        .plain(clip(p.what(), WHAT_SHOWN)).plain(", asked of ").person(p.providerId())
                        .plain(" · by " + DueFormat.format(p.due(), zone, now));
                proposedDue(t).ifPresent(d -> line.plain(" · they suggested " + DueFormat.format(d, zone, now)
                        + "; you can accept it from my message about it"));
                b.text(line.build());
            });
        }

        b.text(Markup.builder().bold("How you're doing").build());
        b.append(InsightMessages.statsBody(stats));

        b.text(Markup.builder().bold("Feedback to you").build());
        List<Promise> feedback = made.stream().map(Tracked::promise).filter(p -> p.feedback().isGiven())
                .sorted(Comparator.comparing((Promise p) -> p.feedback().given()).reversed()).toList();
        if (feedback.isEmpty()) {
            b.text(Markup.plain("None yet. After rating a promise you made, the other person can tell you what "
                    + "would make it even better; you'll find it here."));
        }
        feedback.stream().limit(FEEDBACK_SHOWN).forEach(p -> {
            b.text(Markup.builder().person(p.receiverId()).plain(" on ").bold(clip(p.what(), WHAT_SHOWN))
                    .plain(" (" + p.id() + "), " + DueFormat.format(p.feedback().given(), zone, now) + ":").build());
            b.text(feedbackParts(p.feedback()));
        });

        b.text(Markup.builder().bold("Thanks for your feedback").build());
        List<Promise> thanked = received.stream().map(Tracked::promise).filter(p -> p.feedback().isThanked())
                .sorted(Comparator.comparing((Promise p) -> p.feedback().thanked()).reversed()).toList();
        if (thanked.isEmpty()) {
            b.text(Markup.plain("Nothing yet. When you share feedback on a promise made to you and they thank you "
                    + "for it, you'll see it here."));
        }
        thanked.stream().limit(FEEDBACK_SHOWN).forEach(p -> {
            Markup.Builder m = Markup.builder().person(p.providerId()).plain(" thanked you for your feedback on ")
                    .bold(clip(p.what(), WHAT_SHOWN)).plain(" (" + DueFormat.format(p.feedback().thanked(), zone, now) + ")");
            if (p.feedback().hasReply()) {
                m.plain("\nTheir reply: ").plain(clip(p.feedback().reply(), FEEDBACK_TEXT_SHOWN));
            }
            b.text(m.build());
        });

        b.note(Markup.plain("Times are in your time zone (" + InsightMessages.zoneName(zone) + "). Updated "
                + DueFormat.format(now, zone, now) + "; open this tab again to see the latest."));
        return b.build();
    }

    private static Markup line(Promise p, String direction, String other, ZoneId zone, Instant now) {
        Markup.Builder m = Markup.builder().bold(p.id().value()).plain(" · ").plain(clip(p.what(), WHAT_SHOWN))
                .plain(direction).person(other).plain(" · due " + DueFormat.format(p.due(), zone, now));
        if (p.isOverdue(now)) {
            m.plain(" · ").bold("overdue");
        }
        return m.build();
    }

    private static Markup feedbackParts(Feedback f) {
        Markup.Builder m = Markup.builder();
        String sep = "";
        if (!f.better().isBlank()) {
            m.plain("Even better: ").plain(clip(f.better(), FEEDBACK_TEXT_SHOWN));
            sep = "\n";
        }
        if (!f.easier().isBlank()) {
            m.plain(sep + "What they could have done: ").plain(clip(f.easier(), FEEDBACK_TEXT_SHOWN));
            sep = "\n";
        }
        if (!f.thanks().isBlank()) {
            m.plain(sep + "Thanks: ").plain(clip(f.thanks(), FEEDBACK_TEXT_SHOWN));
        }
        return m.build();
    }

    private static List<Promise> select(Collection<Tracked> promises, PromiseStatus status) {
        return selectTracked(promises, status).stream().map(Tracked::promise).toList();
    }

    private static List<Tracked> selectTracked(Collection<Tracked> promises, PromiseStatus status) {
        return promises.stream().filter(t -> t.promise().status() == status)
                .sorted(Comparator.comparing((Tracked t) -> t.promise().due()).thenComparing(t -> t.promise().id().value()))
                .toList();
    }

    /** The date the asked colleague last proposed for a request, if they did: the request then waits for the asker. */
    static Optional<Instant> proposedDue(Tracked request) {
        return request.last(HistoryEntry.Event.DATE_PROPOSED).flatMap(HistoryEntry::proposedDue);
    }

    private static <T> void list(Message.Builder b, List<T> promises, int shown, Consumer<T> each) {
        promises.stream().limit(shown).forEach(each);
        if (promises.size() > shown) {
            b.note(Markup.builder().plain("…and " + (promises.size() - shown) + " more: ").code("/promise list")
                    .plain(" shows them all.").build());
        }
    }

    /** At most {@code max} characters (whole code points), ending with … when cut. */
    static String clip(String text, int max) {
        String s = text.strip();
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
