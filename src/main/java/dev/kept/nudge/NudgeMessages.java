package dev.kept.nudge;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.promise.ActionIds;
import dev.kept.promise.DueFormat;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseMessages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What Kept says when it speaks up by itself. Times are in the recipient's zone. */
final class NudgeMessages {

    /** Provider: snooze a reminder for a short while; value is the reminder's nudge id. */
    static final String SNOOZE = "nudge.snooze";
    /** Provider: snooze a reminder until the next working morning; value is the reminder's nudge id. */
    static final String SNOOZE_MORNING = "nudge.snooze_morning";

    static final int DIGEST_LIMIT = 10;

    private NudgeMessages() {
    }

    static Message reminder(Nudge nudge, Promise p, ZoneId zone, Instant now) {
        Markup headline = Markup.builder().plain("Reminder: you promised ").person(p.receiverId()).plain(" ")
                .bold(p.what()).plain(" by ").bold(DueFormat.format(p.due(), zone, now)).plain(".").build();
        return PromiseMessages.withSource(Message.builder(headline).text(headline), p)
                .note(Markup.plain("If it's slipping, asking for more time now makes it easy for them to plan."))
                .buttons(delivered(p), moreTime(p),
                        new Button(SNOOZE, "Snooze 1 hour", nudge.id(), Style.DEFAULT),
                        new Button(SNOOZE_MORNING, "Tomorrow morning", nudge.id(), Style.DEFAULT))
                .build();
    }

    static Message due(Promise p, ZoneId zone, Instant now) {
        Markup headline = Markup.builder().bold(p.what()).plain(" for ").person(p.receiverId()).plain(" is due now (")
                .plain(DueFormat.format(p.due(), zone, now)).plain("). Is it done?").build();
        return PromiseMessages.withSource(Message.builder(headline).text(headline), p)
                .buttons(delivered(p), moreTime(p), cantMakeIt(p))
                .build();
    }

    static Message overdue(Promise p, ZoneId zone, Instant now) {
        Markup headline = Markup.builder().bold(p.what()).plain(" for ").person(p.receiverId()).plain(" was due ")
                .plain(DueFormat.format(p.due(), zone, now)).plain(". Where does it stand?").build();
        return PromiseMessages.withSource(Message.builder(headline).text(headline), p)
                .note(Markup.builder().plain("This is my last reminder about it. A new date tells ")
                        .person(p.receiverId()).plain(" more than silence does.").build())
                .buttons(delivered(p), moreTime(p), cantMakeIt(p))
                .build();
    }

    static Message digest(List<Message> parts, int more) {
        Markup headline = Markup.plain(parts.size() == 1 ? "This waited for your working hours:"
                : "These " + parts.size() + " waited for your working hours, so they come together:");
        Message.Builder b = Message.builder(headline).text(headline);
        parts.forEach(b::append);
        if (more > 0) {
            b.note(Markup.builder().plain("…and " + more + " more. ").code("/promise list").plain(" shows everything.")
                    .build());
        }
        return b.build();
    }

    static Message snoozed(Instant until, ZoneId zone, Instant now) {
        return Message.of(Markup.builder().plain("Snoozed. I'll remind you again ")
                .bold(DueFormat.format(until, zone, now)).plain(".").build());
    }

    private static Button delivered(Promise p) {
        return new Button(ActionIds.DELIVER, "Delivered", p.id().value(), Style.PRIMARY);
    }

    private static Button moreTime(Promise p) {
        return new Button(ActionIds.MORE_TIME, "Need more time", p.id().value(), Style.DEFAULT);
    }

    private static Button cantMakeIt(Promise p) {
        return new Button(ActionIds.RELEASE, "Can't make it", p.id().value(), Style.DANGER);
    }
}
