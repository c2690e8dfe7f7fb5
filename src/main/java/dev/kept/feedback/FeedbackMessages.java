package dev.kept.feedback;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Feedback;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseMessages;

import java.util.ArrayList;
import java.util.List;

/** What Kept says about feedback, both ways. Feedback text only ever goes into plain spans, and only to the two parties. */
final class FeedbackMessages {

    private FeedbackMessages() {
    }

    /**
     * The provider's DM with the receiver's feedback, and the buttons still left to use
     * (Thank them, Reply); {@code note} says what just happened, if anything.
     */
    static Message forProvider(Promise p, Markup note) {
        Feedback f = p.feedback();
        Markup headline = Markup.builder().person(p.receiverId()).plain(" shared feedback on ").bold(p.what())
                .plain(" (" + p.id() + "), which they rated ").bold(PromiseMessages.rating(p.rating())).plain(".").build();
        Message.Builder b = Message.builder(headline).text(headline);
        if (!f.thanks().isBlank()) {
            b.text(Markup.builder().bold("Their thanks: ").plain(f.thanks()).build());
        }
        if (!f.better().isBlank()) {
            b.text(Markup.builder().bold("One thing you could do even better: ").plain(f.better()).build());
        }
        if (!f.easier().isBlank()) {
            b.text(Markup.builder().bold("What they could have done to make it easier for you: ").plain(f.easier()).build());
        }
        if (note != null) {
            b.note(note);
        }
        List<Button> buttons = new ArrayList<>();
        if (!f.isThanked()) {
            buttons.add(new Button(ActionIds.FEEDBACK_THANK, "Thank them", p.id().value(), Style.PRIMARY));
        }
        if (!f.hasReply()) {
            buttons.add(new Button(ActionIds.FEEDBACK_REPLY, "Reply", p.id().value(), Style.DEFAULT));
        }
        if (!buttons.isEmpty()) {
            b.buttons(buttons.toArray(Button[]::new));
        }
        return b.note(Markup.builder().plain("Only you and ").person(p.receiverId()).plain(" can see this.").build())
                .build();
    }

    static Message sentConfirmation(Promise p, boolean providerTold) {
        Markup.Builder b = Markup.builder().plain("Thank you. ");
        if (providerTold) {
            b.person(p.providerId()).plain(" has your feedback on ").bold(p.what())
                    .plain(", and I'll let you know when they answer.");
        } else {
            b.plain("Your feedback is saved, but I couldn't reach ").person(p.providerId()).plain(" just now.");
        }
        return Message.of(b.build());
    }

    /** The receiver hears their feedback was heard. */
    static Message thanked(Promise p) {
        Markup text = Markup.builder().person(p.providerId()).plain(" thanked you for your feedback on ").bold(p.what())
                .plain(". Your voice was heard.").build();
        return Message.of(text);
    }

    static Message replied(Promise p) {
        Markup text = Markup.builder().person(p.providerId()).plain(" replied to your feedback on ").bold(p.what())
                .plain(":").build();
        return Message.builder(text).text(text).text(Markup.plain(p.feedback().reply()))
                .note(Markup.plain("Your voice was heard.")).build();
    }

    static Markup thankNote(Promise p, boolean receiverTold) {
        return receiverTold
                ? Markup.builder().plain("You thanked ").person(p.receiverId()).plain("; they've been told.").build()
                : Markup.builder().plain("Thanks recorded, but I couldn't reach ").person(p.receiverId()).plain(" just now.").build();
    }

    static Message replySent(Promise p, boolean receiverTold) {
        Markup.Builder b = Markup.builder();
        if (receiverTold) {
            b.plain("Sent. ").person(p.receiverId()).plain(" has your reply.");
        } else {
            b.plain("Your reply is saved, but I couldn't reach ").person(p.receiverId()).plain(" just now.");
        }
        return Message.of(b.build());
    }
}
