package dev.kept.promise;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Field;
import dev.kept.chat.Message.Style;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything Kept says about promises, as neutral messages. Text typed by people only ever goes into plain or bold spans. */
public final class PromiseMessages {

    private final Clock clock;

    PromiseMessages(Clock clock) {
        this.clock = clock;
    }

    private String when(Instant instant, ZoneId zone) {
        return DueFormat.format(instant, zone, clock.instant());
    }

    /**
     * Adds the line that links to the message a promise was made from, when it was made from one: every message
     * about it carries it, so both of them can go back to where it was said.
     */
    public static Message.Builder withSource(Message.Builder b, Promise p) {
        if (!p.source().isEmpty()) {
            b.text(Markup.builder().plain("Made ").link(p.source(), "from this message").plain(".").build());
        }
        return b;
    }

    /** The receiver's DM about a new promise, with "Sounds good" and "Suggest a change". */
    public Message promiseMadeToYou(Promise p, ZoneId receiverZone) {
        return promiseMadeToYou(p, receiverZone, false);
    }

    /**
     * The same, also asking what matters most to them about it ({@code askWhatMatters}): they can
     * answer by replying in the DM or with a button.
     */
    public Message promiseMadeToYou(Promise p, ZoneId receiverZone, boolean askWhatMatters) {
        Message made = madeToYou(p, receiverZone, true, Markup.builder().plain("I'll remind ").person(p.providerId())
                .plain(" before it's due, and ask you afterwards how it went.").build());
        if (!askWhatMatters) {
            return made;
        }
        Message.Builder b = Message.builder(made.summary()).append(made);
        return b.text(Markup.builder().bold("What matters most to you about it?").plain(" Just reply here in a few words, and I'll pass it on to ")
                        .person(p.providerId()).plain(" so they can get it right.").build())
                .buttons(new Button(ActionIds.MATTERS, "Tell them what matters", p.id().value(), Style.DEFAULT))
                .build();
    }

    /** The provider hears what matters most to the receiver. */
    public Message whatMattersToThem(Promise p) {
        Markup text = Markup.builder().person(p.receiverId()).plain(" told me what matters most to them about ")
                .bold(p.what()).plain(" (" + p.id() + "):").build();
        return Message.builder(text).text(text).text(Markup.plain(p.whatMatters())).build();
    }

    /** The receiver's confirmation that what matters to them was passed on. */
    public Message whatMattersNoted(Promise p, boolean providerTold) {
        Markup.Builder b = Markup.builder().plain("Got it. For ").bold(p.what()).plain(" what matters most to you is: ")
                .plain(p.whatMatters()).plain(". ");
        if (providerTold) {
            b.person(p.providerId()).plain(" knows now.");
        } else {
            b.plain("It's saved, but I couldn't message ").person(p.providerId()).plain(" just now.");
        }
        return Message.of(b.build());
    }

    // ---------------------------------------------------------------- requests

    /** The asked colleague's DM: someone asks them for something, with the three answers. */
    public Message requestToYou(Promise p, ZoneId providerZone) {
        Markup headline = asked(Markup.builder().person(p.receiverId()).plain(" asks you"), p.what())
                .plain(" by ").bold(when(p.due(), providerZone)).plain(yourTime(providerZone) + ".").build();
        Message.Builder b = Message.builder(headline).text(headline)
                .fields(List.of(new Field("Request", Markup.plain(p.id().value()))));
        p.whatMattersNote().ifPresent(m -> b.text(Markup.builder().bold("What matters to them: ").plain(m).build()));
        withSource(b, p);
        return b.note(Markup.plain("If you take it on, it becomes your promise and I'll remind you before it's due."))
                .buttons(new Button(ActionIds.REQUEST_ACCEPT, "I'll do it", p.id().value(), Style.PRIMARY),
                        new Button(ActionIds.REQUEST_PROPOSE, "Suggest another date", p.id().value(), Style.DEFAULT),
                        new Button(ActionIds.REQUEST_DECLINE, "Can't take this on", p.id().value(), Style.DANGER))
                .build();
    }

    /**
     * What was asked: "for the deck", or "to review the doc" when the asker said what to do (the
     * request's what then starts with "to").
     */
    public static Markup.Builder asked(Markup.Builder b, String what) {
        return isTask(what) ? b.plain(" ").bold(what) : b.plain(" for ").bold(what);
    }

    static boolean isTask(String what) {
        return what.regionMatches(true, 0, "to ", 0, 3);
    }

    /** The asker's private confirmation. */
    public Message requestSent(Promise p, ZoneId requesterZone, boolean providerTold) {
        Markup headline = asked(Markup.builder().plain("You asked ").person(p.providerId()), p.what())
                .plain(" by ").bold(when(p.due(), requesterZone)).plain(" (request ").bold(p.id().value()).plain(").").build();
        Markup note = providerTold
                ? Markup.plain("I've passed it on; you'll hear here when they answer.")
                : Markup.plain("The request is saved, but I couldn't message them just now: please let them know yourself.");
        return withSource(Message.builder(headline).text(headline), p).note(note).build();
    }

    /** The asker hears their request was taken on (or that they took the date offered): it is a promise now. */
    public Message requestAccepted(Promise p, ZoneId requesterZone) {
        Markup text = (isTask(p.what())
                ? Markup.builder().person(p.providerId()).plain(" will ").bold(p.what().substring(3))
                : Markup.builder().person(p.providerId()).plain(" will do ").bold(p.what())).plain(" for you by ")
                .bold(when(p.due(), requesterZone)).plain(yourTime(requesterZone) + ".").build();
        return Message.builder(text).text(text)
                .note(Markup.plain("It's a promise now (" + p.id() + "): I'll ask you afterwards how it went.")).build();
    }

    /** The asked colleague hears the asker took the date they proposed. */
    public Message proposalAccepted(Promise p, ZoneId providerZone) {
        Markup text = (isTask(p.what())
                ? Markup.builder().person(p.receiverId()).plain(" accepted your date: you'll ").bold(p.what().substring(3))
                        .plain(", due ")
                : Markup.builder().person(p.receiverId()).plain(" accepted your date: ").bold(p.what())
                        .plain(" is now your promise, due "))
                .bold(when(p.due(), providerZone)).plain(yourTime(providerZone) + ".").build();
        return Message.builder(text).text(text)
                .note(Markup.plain("I'll remind you before it's due (promise " + p.id() + ").")).build();
    }

    /** The asked colleague's confirmation after taking a request on (replaces the buttons). */
    public Message requestTakenOn(Promise p, ZoneId providerZone, boolean requesterTold) {
        Markup.Builder b = Markup.builder().plain("You took on ").bold(p.what()).plain(" for ").person(p.receiverId())
                .plain(", due ").bold(when(p.due(), providerZone)).plain(" (promise ").bold(p.id().value()).plain("). ");
        b.plain(requesterTold ? "They've been told." : "I couldn't message them just now; please let them know.");
        return Message.of(b.build());
    }

    /** The asker hears another date is proposed, and can accept it in one click. */
    public Message dateProposed(Promise p, Instant proposedDue, String note, ZoneId requesterZone) {
        Markup headline = Markup.builder().person(p.providerId()).plain(" can do ").bold(p.what()).plain(", but by ")
                .bold(when(proposedDue, requesterZone)).plain(yourTime(requesterZone) + " rather than ")
                .plain(when(p.due(), requesterZone)).plain(".").build();
        Message.Builder b = Message.builder(headline).text(headline);
        if (!note.isBlank()) {
            b.text(Markup.builder().bold("Their note: ").plain(note).build());
        }
        return b.buttons(new Button(ActionIds.REQUEST_ACCEPT_DATE, "Accept that date",
                                p.id().value() + "@" + proposedDue.getEpochSecond(), Style.PRIMARY),
                        new Button(ActionIds.REQUEST_WITHDRAW, "Withdraw my request", p.id().value(), Style.DEFAULT))
                .build();
    }

    /** The asked colleague's confirmation that their date went to the asker. */
    public Message dateProposalSent(Promise p, boolean requesterTold) {
        Markup.Builder b = Markup.builder();
        if (requesterTold) {
            b.plain("I've suggested your date to ").person(p.receiverId()).plain(". If they accept, ").bold(p.what())
                    .plain(" becomes your promise.");
        } else {
            b.plain("I couldn't reach ").person(p.receiverId()).plain(" just now; please tell them yourself.");
        }
        return Message.of(b.build());
    }

    /** The asker hears the request can't be taken on, and why. */
    public Message requestDeclined(Promise p) {
        Markup text = Markup.builder().person(p.providerId()).plain(" can't take on ").bold(p.what())
                .plain(" (" + p.id() + ").").build();
        return Message.builder(text).text(text)
                .text(Markup.builder().bold("Their reason: ").plain(p.closingNote()).build())
                .note(Markup.plain("Knowing early leaves you time to find another way.")).build();
    }

    public Message declineSent(Promise p, boolean requesterTold) {
        Markup.Builder b = Markup.builder().plain("Declined ").bold(p.id().value()).plain(" (").plain(p.what()).plain("). ");
        if (requesterTold) {
            b.person(p.receiverId()).plain(" has been told why. Thanks for saying so early.");
        } else {
            b.plain("I couldn't message ").person(p.receiverId()).plain(" just now; please let them know.");
        }
        return Message.of(b.build());
    }

    /** The asked colleague hears the request was withdrawn. */
    public Message requestWithdrawn(Promise p) {
        Markup text = Markup.builder().person(p.receiverId()).plain(" withdrew their request for ").bold(p.what())
                .plain(" (" + p.id() + "). Nothing more to do.").build();
        return Message.of(text);
    }

    /** The same DM once the receiver has agreed: no buttons left to click. */
    public Message promiseAcknowledged(Promise p, ZoneId receiverZone) {
        return madeToYou(p, receiverZone, false, Markup.builder().plain("You said sounds good; ")
                .person(p.providerId()).plain(" knows.").build());
    }

    private Message madeToYou(Promise p, ZoneId zone, boolean withButtons, Markup note) {
        Markup headline = Markup.builder().person(p.providerId()).plain(" promised you ").bold(p.what()).plain(".").build();
        Message.Builder b = Message.builder(headline).text(headline)
                .fields(List.of(new Field("Due", Markup.plain(when(p.due(), zone) + yourTime(zone))),
                        new Field("Promise", Markup.plain(p.id().value()))));
        p.whatMattersNote().ifPresent(m -> b.text(Markup.builder().bold("What matters to you: ").plain(m).build()));
        withSource(b, p);
        b.note(note);
        if (withButtons) {
            b.buttons(new Button(ActionIds.ACKNOWLEDGE, "Sounds good", p.id().value(), Style.PRIMARY),
                    new Button(ActionIds.SUGGEST, "Suggest a change", p.id().value(), Style.DEFAULT));
        }
        return b.build();
    }

    /** The provider's private confirmation. */
    public Message madeConfirmation(Promise p, ZoneId providerZone, boolean receiverTold) {
        Markup headline = Markup.builder().plain("You promised ").person(p.receiverId()).plain(" ").bold(p.what())
                .plain(" by ").bold(when(p.due(), providerZone)).plain(" (promise ").bold(p.id().value()).plain(").").build();
        Markup note = receiverTold
                ? Markup.builder().plain("I've let them know. When it's done: ").code("/promise done " + p.id())
                        .plain(".").build()
                : Markup.plain("The promise is saved, but I couldn't message them just now: please let them know yourself.");
        return withSource(Message.builder(headline).text(headline), p).note(note).build();
    }

    public Message acknowledged(Promise p) {
        Markup text = Markup.builder().person(p.receiverId()).plain(" said sounds good to your promise ")
                .bold(p.what()).plain(" (" + p.id() + ").").build();
        return Message.of(text);
    }

    public Message delivered(Promise p, ZoneId receiverZone) {
        Markup text = Markup.builder().person(p.providerId()).plain(" has delivered ").bold(p.what())
                .plain(" (" + p.id() + ").").build();
        return withSource(Message.builder(text).text(text), p)
                .note(Markup.plain("It was due " + when(p.due(), receiverZone) + yourTime(receiverZone) + ".")).build();
    }

    public Message deliveredConfirmation(Promise p, boolean receiverTold) {
        Markup.Builder b = Markup.builder().plain("Marked ").bold(p.id().value()).plain(" (").plain(p.what())
                .plain(") delivered. ");
        if (receiverTold) {
            b.person(p.receiverId()).plain(" has been told.");
        } else {
            b.plain("I couldn't message ").person(p.receiverId()).plain(" just now; please let them know.");
        }
        return Message.of(b.build());
    }

    public Message released(Promise p) {
        Markup text = Markup.builder().person(p.providerId()).plain(" can't keep their promise ").bold(p.what())
                .plain(" (" + p.id() + ") and has released it.").build();
        return Message.builder(text).text(text)
                .text(Markup.builder().bold("Their reason: ").plain(p.closingNote()).build()).build();
    }

    public Message cancelled(Promise p) {
        Markup text = Markup.builder().person(p.receiverId()).plain(" no longer needs ").bold(p.what())
                .plain(" (" + p.id() + "), so they cancelled your promise. Nothing more to do.").build();
        Message.Builder b = Message.builder(text).text(text);
        if (!p.closingNote().isBlank()) {
            b.text(Markup.builder().bold("Their note: ").plain(p.closingNote()).build());
        }
        return b.build();
    }

    public Message cancelConfirmation(Promise p, boolean otherTold) {
        boolean released = p.status() == PromiseStatus.RELEASED;
        String other = released ? p.receiverId() : p.providerId();
        Markup.Builder b = Markup.builder().plain(released ? "Released " : "Cancelled ").bold(p.id().value())
                .plain(" (").plain(p.what()).plain("). ");
        if (otherTold) {
            b.person(other).plain(" has been told.");
        } else {
            b.plain("I couldn't message ").person(other).plain(" just now; please let them know.");
        }
        return Message.of(b.build());
    }

    public Message changeSuggested(Promise p, Optional<Instant> proposedDue, String note, ZoneId providerZone) {
        Markup headline = Markup.builder().person(p.receiverId()).plain(" suggests a change to your promise ")
                .bold(p.what()).plain(" (" + p.id() + ").").build();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Due now", Markup.plain(when(p.due(), providerZone))));
        proposedDue.ifPresent(d -> fields.add(new Field("Suggested", Markup.plain(when(d, providerZone) + yourTime(providerZone)))));
        Message.Builder b = Message.builder(headline).text(headline).fields(fields);
        if (!note.isBlank()) {
            b.text(Markup.builder().bold("Their note: ").plain(note).build());
        }
        if (proposedDue.isPresent()) {
            b.buttons(new Button(ActionIds.ACCEPT_DUE, "Accept the new date",
                    p.id().value() + "@" + proposedDue.get().getEpochSecond(), Style.PRIMARY));
        } else {
            b.note(Markup.builder().plain("Reply to ").person(p.receiverId()).plain(" directly if you'd like to talk it through.").build());
        }
        return b.build();
    }

    public Message suggestionSent(Promise p, boolean providerTold) {
        Markup.Builder b = Markup.builder();
        if (providerTold) {
            b.plain("I've passed your suggestion for ").bold(p.id().value()).plain(" on to ").person(p.providerId()).plain(".");
        } else {
            b.plain("I couldn't reach ").person(p.providerId()).plain(" just now; please tell them yourself.");
        }
        return Message.of(b.build());
    }

    /** Ratings in words, 1 to 5: never bare numbers. */
    public static final List<String> RATINGS = List.of("😞 Not at all", "🙁 Not quite", "😐 It's okay",
            "🙂 Satisfied", "🤩 Delighted");

    public static String rating(int score) {
        return RATINGS.get(score - 1) + " (" + score + " of 5)";
    }

    /** The receiver's question: how satisfied are you? Five buttons. */
    public Message askRating(Promise p, boolean again) {
        Markup.Builder b = Markup.builder();
        if (again) {
            b.plain("A gentle second ask: ");
        }
        Markup headline = b.person(p.providerId()).plain(" delivered ").bold(p.what()).plain(" (" + p.id() + ")")
                .plain(". How satisfied are you with it?").build();
        Button[] buttons = new Button[RATINGS.size()];
        for (int i = 0; i < RATINGS.size(); i++) {
            buttons[i] = new Button(ActionIds.rate(i + 1), RATINGS.get(i), p.id().value() + ":" + (i + 1),
                    i == RATINGS.size() - 1 ? Style.PRIMARY : Style.DEFAULT);
        }
        return Message.builder(headline).text(headline).buttons(buttons)
                .note(Markup.builder().plain("Only ").person(p.providerId()).plain(" hears your answer.").build())
                .build();
    }

    /** The provider hears how satisfied the receiver is. */
    public Message rated(Promise p) {
        Markup text = Markup.builder().person(p.receiverId()).plain(" rated ").bold(p.what())
                .plain(" (" + p.id() + "): ").bold(rating(p.rating())).plain(".").build();
        Message.Builder b = Message.builder(text).text(text);
        if (p.rating() <= 3) {
            b.note(Markup.builder().plain("Worth a word with ").person(p.receiverId())
                    .plain(": what would have made it better for them?").build());
        } else {
            b.note(Markup.plain("Promise kept. Nicely done."));
        }
        return b.build();
    }

    /** The receiver's question, answered: replaces the buttons. */
    public Message ratingThanks(Promise p, boolean providerTold) {
        return ratingThanks(p, providerTold, false);
    }

    /**
     * The same, inviting feedback both ways ({@code inviteFeedback}): a low rating asks warmly what
     * would have made it better and what the receiver could have done; a high one invites thanks too.
     */
    public Message ratingThanks(Promise p, boolean providerTold, boolean inviteFeedback) {
        Markup.Builder b = Markup.builder().plain("Thanks! You rated ").bold(p.what()).plain(": ")
                .bold(rating(p.rating())).plain(". ");
        if (providerTold) {
            b.person(p.providerId()).plain(" has been told.");
        }
        Markup thanks = b.build();
        if (!inviteFeedback) {
            return Message.of(thanks);
        }
        Message.Builder m = Message.builder(thanks).text(thanks);
        if (p.rating() <= 3) {
            m.text(Markup.builder().plain("Sorry it fell short. Would you tell ").person(p.providerId())
                    .plain(" one thing that would have made it better? And, just as useful: what could you have done to make it easier for them?")
                    .build());
            m.buttons(new Button(ActionIds.FEEDBACK, "Share feedback", p.id().value(), Style.PRIMARY));
        } else {
            m.text(Markup.builder().plain("Glad it worked out! Want to thank ").person(p.providerId())
                    .plain(", or pass on one thing that would make it even better next time?").build());
            m.buttons(new Button(ActionIds.FEEDBACK, "Say thanks or share a tip", p.id().value(), Style.PRIMARY));
        }
        return m.note(Markup.builder().plain("Optional, and only ").person(p.providerId()).plain(" will see it.").build())
                .build();
    }

    /**
     * Service in reverse, to the receiver of a promise that slipped: instead of a complaint, ways to
     * help it land.
     */
    public Message slipped(Promise p, ZoneId receiverZone) {
        Markup headline = Markup.builder().bold(p.what()).plain(" from ").person(p.providerId()).plain(" was due ")
                .plain(when(p.due(), receiverZone)).plain(yourTime(receiverZone) + " and isn't delivered yet.").build();
        return Message.builder(headline).text(headline)
                .text(slipInvitation(p))
                .buttons(slipButtons(p))
                .build();
    }

    private static Markup slipInvitation(Promise p) {
        return Markup.builder().plain("Things slip. Is there something you could do to help ").person(p.providerId())
                .plain(" land it? They'll hear what you choose.").build();
    }

    private static Button[] slipButtons(Promise p) {
        String id = p.id().value();
        return new Button[]{new Button(ActionIds.SLIP_HELP, "Offer help", id, Style.PRIMARY),
                new Button(ActionIds.SLIP_TIME, "Give more time", id, Style.DEFAULT),
                new Button(ActionIds.SLIP_CLARIFY, "Clarify what I need", id, Style.DEFAULT)};
    }

    public Message dueChanged(Promise p, String note, ZoneId receiverZone) {
        return dueChanged(p, note, receiverZone, false);
    }

    /** The receiver hears of a new date; after a late renegotiation ({@code slipped}) with ways to help. */
    public Message dueChanged(Promise p, String note, ZoneId receiverZone, boolean slipped) {
        Markup text = Markup.builder().person(p.providerId()).plain(" moved ").bold(p.what())
                .plain(" (" + p.id() + ") to ").bold(when(p.due(), receiverZone)).plain(yourTime(receiverZone) + ".").build();
        Message.Builder b = Message.builder(text).text(text);
        if (!note.isBlank()) {
            b.text(Markup.builder().bold("Their note: ").plain(note).build());
        }
        if (slipped) {
            b.text(slipInvitation(p)).buttons(slipButtons(p));
        }
        return b.build();
    }

    /** The provider hears how the receiver answered a slip. */
    public Message slipAnswered(Promise p, Promise.SlipAnswer answer, String note, Optional<Instant> moreTimeUntil,
                                ZoneId providerZone) {
        Markup.Builder h = Markup.builder().person(p.receiverId());
        switch (answer) {
            case HELP -> h.plain(" offers to help with ");
            case MORE_TIME -> h.plain(" is happy to give you more time for ");
            default -> h.plain(" clarified what they need for ");
        }
        h.bold(p.what()).plain(" (" + p.id() + ")");
        moreTimeUntil.ifPresent(d -> h.plain(": until ").bold(when(d, providerZone)).plain(yourTime(providerZone)));
        Markup headline = h.plain(".").build();
        Message.Builder b = Message.builder(headline).text(headline);
        if (!note.isBlank()) {
            b.text(Markup.builder().bold(answer == Promise.SlipAnswer.CLARIFY ? "What they need: " : "Their note: ")
                    .plain(note).build());
        }
        moreTimeUntil.ifPresent(d -> b.buttons(new Button(ActionIds.ACCEPT_DUE, "Take the new date",
                p.id().value() + "@" + d.getEpochSecond(), Style.PRIMARY)));
        return b.build();
    }

    public Message slipAnswerSent(Promise p, boolean providerTold) {
        Markup.Builder b = Markup.builder();
        if (providerTold) {
            b.plain("Thanks for helping it land. I've passed that on to ").person(p.providerId()).plain(".");
        } else {
            b.plain("It's saved, but I couldn't reach ").person(p.providerId()).plain(" just now; please tell them yourself.");
        }
        return Message.of(b.build());
    }

    public Message dueChangeAccepted(Promise p, ZoneId providerZone, boolean receiverTold) {
        Markup.Builder b = Markup.builder().plain("Done: ").bold(p.id().value()).plain(" is now due ")
                .bold(when(p.due(), providerZone)).plain(". ");
        if (receiverTold) {
            b.person(p.receiverId()).plain(" has been told.");
        } else {
            b.plain("I couldn't message ").person(p.receiverId()).plain(" just now; please let them know.");
        }
        return Message.of(b.build());
    }

    /**
     * How a time shown in {@code zone} is labelled: "(your time)", or "(UTC)" when Kept does not know the
     * person's zone (a platform that did not say falls back to UTC, e.g. a Teams colleague who never wrote).
     */
    static String yourTime(ZoneId zone) {
        return zone == ZoneOffset.UTC ? " (UTC)" : " (your time)";
    }
}
