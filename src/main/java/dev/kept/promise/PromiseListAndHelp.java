package dev.kept.promise;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The two texts {@code /promise} answers without changing anything: the list of open promises, and the help. */
final class PromiseListAndHelp {

    /** How many promises each way {@code /promise list} shows. */
    static final int LIST_LIMIT = 15;

    private PromiseListAndHelp() {
    }

    /** {@code /promise list}: a person's open promises and requests, both ways, in their zone. */
    static Message list(PromiseService.Listing listing, ZoneId zone, Instant now) {
        Markup title = Markup.builder().bold("Your open promises").build();
        Message.Builder b = Message.builder(title).text(title);
        if (listing.made().isEmpty() && listing.received().isEmpty()) {
            return Message.builder(title).text(Markup.builder()
                    .plain("You have no open promises or requests. Make one with ").code("/promise @colleague what by when")
                    .plain(", or ask for something with ").code("/promise ask @colleague for what by when").plain(".")
                    .build()).build();
        }
        List<Promise> made = listing.made().stream().filter(p -> p.status().isOpen()).toList();
        List<Promise> askedOfMe = listing.made().stream().filter(p -> p.status() == PromiseStatus.REQUESTED).toList();
        List<Promise> received = listing.received().stream().filter(p -> p.status().isOpen()).toList();
        List<Promise> myRequests = listing.received().stream().filter(p -> p.status() == PromiseStatus.REQUESTED).toList();
        b.text(Markup.builder().bold("You promised").plain(made.isEmpty() ? ": nothing open." : "").build());
        for (Promise p : made) {
            b.text(line(p, p.receiverId(), " → ", zone, now));
            b.buttons(new Button(ActionIds.DELIVER, "Mark delivered", p.id().value(), Style.PRIMARY));
        }
        b.text(Markup.builder().bold("Promised to you").plain(received.isEmpty() ? ": nothing open." : "").build());
        for (Promise p : received) {
            b.text(line(p, p.providerId(), " from ", zone, now));
        }
        if (!askedOfMe.isEmpty()) {
            b.text(Markup.builder().bold("Asked of you, waiting for your answer").build());
            for (Promise p : askedOfMe) {
                b.text(line(p, p.receiverId(), " for ", zone, now));
                b.buttons(new Button(ActionIds.REQUEST_ACCEPT, "I'll do it", p.id().value(), Style.PRIMARY),
                        new Button(ActionIds.REQUEST_PROPOSE, "Suggest another date", p.id().value(), Style.DEFAULT),
                        new Button(ActionIds.REQUEST_DECLINE, "Can't take this on", p.id().value(), Style.DANGER));
            }
        }
        if (!myRequests.isEmpty()) {
            b.text(Markup.builder().bold("Your requests, waiting for an answer").build());
            for (Promise p : myRequests) {
                b.text(line(p, p.providerId(), " asked of ", zone, now));
            }
        }
        more(b, listing.madeTotal() + listing.receivedTotal(), listing.made().size() + listing.received().size());
        b.note(Markup.plain("Times are in your time zone (" + (zone instanceof java.time.ZoneOffset ? "UTC" + zone.getId().replace("Z", "") : zone.getId()) + ")."));
        return b.build();
    }

    private static Markup line(Promise p, String other, String arrow, ZoneId zone, Instant now) {
        Markup.Builder m = Markup.builder().bold(p.id().value()).plain(" · ").plain(p.what()).plain(arrow).person(other)
                .plain(" · due " + DueFormat.format(p.due(), zone, now));
        if (p.status() == PromiseStatus.REQUESTED) {
            m.plain(" · asked for");
        }
        if (p.isOverdue(now)) {
            m.plain(" · ").bold("overdue");
        }
        return m.build();
    }

    private static void more(Message.Builder b, long total, int shown) {
        if (total > shown) {
            b.note(Markup.plain("…and " + (total - shown) + " more."));
        }
    }

    /** {@code /promise help}: Kept's own commands, then {@code otherLines} from the features that answer other verbs. */
    static Message help(List<Markup> otherLines) {
        Markup title = Markup.builder().bold("Kept helps you keep the promises you make to colleagues.").build();
        List<Markup> lines = new ArrayList<>();
        lines.add(Markup.builder().code("/promise @colleague what by when").plain(": make a promise, e.g. ")
                .code("/promise @bob the Q3 deck by friday 3pm").build());
        lines.add(helpLine("/promise", ": make one with a form"));
        lines.add(helpLine("/promise list", ": your open promises and requests, both ways"));
        lines.add(helpLine("/promise done K7Q2", ": mark a promise delivered"));
        lines.add(helpLine("/promise cancel K7Q2 reason",
                ": release a promise you can't keep, or cancel one you no longer need"));
        lines.add(helpLine("/promise ask @colleague for what by when",
                ": ask a colleague for something; they can take it on, suggest another date or say no"));
        lines.add(helpLine("/promise decline K7Q2 reason", ": say no to a request, with a reason"));
        lines.addAll(otherLines);
        Markup.Builder text = Markup.builder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.plain("\n");
            }
            text.append(lines.get(i));
        }
        return Message.builder(title).text(title)
                .text(text.build())
                .note(Markup.plain("When: today, tomorrow, friday, next tuesday, in 3 days, in 2 hours, eod, end of week, "
                        + "dec 1, 2026-12-01, 3pm, friday 3pm. You can also DM me the same words: help, list, promise @bob …"))
                .build();
    }

    /** One line of the help: the command as code, then what it does. */
    private static Markup helpLine(String command, String what) {
        return Markup.builder().code(command).plain(what).build();
    }
}
