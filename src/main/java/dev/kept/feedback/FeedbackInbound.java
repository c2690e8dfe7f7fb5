package dev.kept.feedback;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import dev.kept.promise.ActionIds;
import dev.kept.promise.DirectMessages;
import dev.kept.promise.Feedback;
import dev.kept.promise.Ids;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The receiver's voice, on every platform: what matters to them (a button, a form or a DM reply),
 * their answer when a promise slips (help, time or clarity), and feedback after the rating with the
 * provider's thanks and reply. Who may do what is checked in {@link Promise}.
 */
@Component
public class FeedbackInbound implements Interactions, DirectMessages.Answers {

    private final PromiseService promises;
    private final FeedbackService feedback;

    public FeedbackInbound(PromiseService promises, FeedbackService feedback) {
        this.promises = promises;
        this.feedback = feedback;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ActionIds.MATTERS, ActionIds.SLIP_HELP, ActionIds.SLIP_TIME, ActionIds.SLIP_CLARIFY,
                ActionIds.FEEDBACK, ActionIds.FEEDBACK_THANK, ActionIds.FEEDBACK_REPLY);
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ActionIds.MATTERS_FORM, ActionIds.SLIP_FORM, ActionIds.FEEDBACK_FORM, ActionIds.FEEDBACK_REPLY_FORM);
    }

    // ---------------------------------------------------------------- answers in DMs

    @Override
    public Set<String> kinds() {
        return Set.of(ActionIds.QUESTION_MATTERS);
    }

    /** A DM reply to "what matters most to you about it?". */
    @Override
    public Outcome answer(Person person, String context, String text) {
        PromiseService.Changed c = promises.noteWhatMatters(person, Ids.promiseId(context), text);
        return Outcome.reply(promises.messages().whatMattersNoted(c.promise(), c.otherPartyTold()));
    }

    // ---------------------------------------------------------------- buttons

    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> {
            switch (actionId) {
                case ActionIds.MATTERS -> {
                    Promise p = promises.find(actor, Ids.promiseId(value));
                    p.checkMayNoteWhatMatters(actor.userId());
                    return mattersForm(p);
                }
                case ActionIds.SLIP_HELP, ActionIds.SLIP_TIME, ActionIds.SLIP_CLARIFY -> {
                    Promise p = promises.find(actor, Ids.promiseId(value));
                    p.checkMayAnswerSlip(actor.userId());
                    return slipForm(p, slipAnswer(actionId), actor);
                }
                case ActionIds.FEEDBACK -> {
                    Promise p = promises.find(actor, Ids.promiseId(value));
                    p.checkMayGiveFeedback(actor.userId());
                    return feedbackForm(p);
                }
                case ActionIds.FEEDBACK_THANK -> {
                    FeedbackService.Result r = feedback.thank(actor, Ids.promiseId(value));
                    return new Outcome.ReplaceOriginal(FeedbackMessages.forProvider(r.promise(),
                            FeedbackMessages.thankNote(r.promise(), r.otherPartyTold())));
                }
                case ActionIds.FEEDBACK_REPLY -> {
                    Promise p = promises.find(actor, Ids.promiseId(value));
                    p.checkMayReplyToFeedback(actor.userId());
                    return replyForm(p);
                }
                default -> throw Ids.unknownButton();
            }
        });
    }

    private static Promise.SlipAnswer slipAnswer(String actionId) {
        switch (actionId) {
            case ActionIds.SLIP_HELP:
                return Promise.SlipAnswer.HELP;
            case ActionIds.SLIP_TIME:
                return Promise.SlipAnswer.MORE_TIME;
            default:
                return Promise.SlipAnswer.CLARIFY;
        }
    }

    private Outcome mattersForm(Promise p) {
        Markup intro = Markup.builder().person(p.providerId()).plain(" will do ").bold(p.what())
                .plain(" for you. Telling them what matters most helps them get it right.").build();
        Form form = new Form(ActionIds.MATTERS_FORM, "What matters to you", "Tell them", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.TextInput(ActionIds.INPUT_MATTERS, "What matters most to you about it?", p.whatMatters(),
                        "e.g. the numbers for the board, in our template", true, false, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of("Reply here in a few words: what matters most to you about it?"));
    }

    private Outcome slipForm(Promise p, Promise.SlipAnswer answer, Person actor) {
        Markup.Builder intro = Markup.builder();
        List<Form.Input> inputs = new java.util.ArrayList<>();
        String title;
        switch (answer) {
            case HELP -> {
                title = "Offer help";
                intro.plain("How could you help ").person(p.providerId()).plain(" land ").bold(p.what()).plain("?");
                inputs.add(new Form.Intro("intro", intro.build()));
                inputs.add(new Form.TextInput(ActionIds.INPUT_NOTE, "How you could help", "",
                        "e.g. I can draft the intro, or get you the figures", true, false, Promise.MAX_NOTE_LENGTH));
            }
            case MORE_TIME -> {
                title = "Give more time";
                intro.plain("Until when could you wait for ").bold(p.what()).plain("? ").person(p.providerId())
                        .plain(" can take the new date in one click.");
                inputs.add(new Form.Intro("intro", intro.build()));
                Instant suggestion = promises.now().plus(java.time.Duration.ofDays(2));
                inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "You can have until", suggestion));
                inputs.add(new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional",
                        true, true, Promise.MAX_NOTE_LENGTH));
            }
            default -> {
                title = "Clarify what I need";
                intro.plain("What do you need most from ").bold(p.what()).plain(" now? It helps ")
                        .person(p.providerId()).plain(" focus on what counts.");
                inputs.add(new Form.Intro("intro", intro.build()));
                inputs.add(new Form.TextInput(ActionIds.INPUT_NOTE, "What you need", "",
                        "e.g. just the summary page by Friday is enough", true, false, Promise.MAX_NOTE_LENGTH));
            }
        }
        Form form = new Form(ActionIds.SLIP_FORM, title, "Send", p.id().value() + ":" + answer.name(), inputs);
        return new Outcome.OpenForm(form, Message.of("Use the button again to answer."));
    }

    private Outcome feedbackForm(Promise p) {
        boolean low = p.rating() <= 3;
        Markup intro = low
                ? Markup.builder().plain("Thank you for being honest. Constructive words help ").person(p.providerId())
                .plain(" most, and so does knowing how you could make it easier for them next time. Everything is optional.").build()
                : Markup.builder().plain("It went well! A thank-you means a lot, and a tip can make it even better next time. ")
                .plain("Everything is optional.").build();
        List<Form.Input> inputs = new java.util.ArrayList<>();
        inputs.add(new Form.Intro("intro", intro));
        if (!low) {
            inputs.add(new Form.TextInput(ActionIds.INPUT_THANKS, "Your thanks", "", "optional",
                    true, true, Feedback.MAX_LENGTH));
        }
        inputs.add(new Form.TextInput(ActionIds.INPUT_BETTER, "One thing they could do even better", "",
                "optional", true, true, Feedback.MAX_LENGTH));
        inputs.add(new Form.TextInput(ActionIds.INPUT_EASIER, "What could you have done to make this easier for them?", "",
                "optional: e.g. I could have shared the data sooner", true, true, Feedback.MAX_LENGTH));
        Form form = new Form(ActionIds.FEEDBACK_FORM, "Feedback for them", "Send", p.id().value(), inputs);
        return new Outcome.OpenForm(form, Message.of("Use the button again to share feedback."));
    }

    private Outcome replyForm(Promise p) {
        Markup intro = Markup.builder().plain("Your reply goes to ").person(p.receiverId())
                .plain(" only. Telling them what you'll do with their feedback closes the loop.").build();
        Form form = new Form(ActionIds.FEEDBACK_REPLY_FORM, "Reply to feedback", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.TextInput(ActionIds.INPUT_REPLY, "Your reply", "", "e.g. good point, I'll send drafts earlier",
                        true, false, Feedback.MAX_LENGTH)));
        return new Outcome.OpenForm(form, Message.of("Use the button again to reply."));
    }

    // ---------------------------------------------------------------- forms

    @Override
    public Map<String, String> check(Person actor, FormSubmission form) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (form.formId()) {
            case ActionIds.MATTERS_FORM -> {
                if (form.text(ActionIds.INPUT_MATTERS).isEmpty()) {
                    errors.put(ActionIds.INPUT_MATTERS, "Say in a few words what matters most to you.");
                }
                errors.putAll(Ids.tooLong(form, ActionIds.INPUT_MATTERS, Promise.MAX_NOTE_LENGTH));
            }
            case ActionIds.SLIP_FORM -> {
                Optional<Instant> due = form.instant(ActionIds.INPUT_DUE);
                if (form.context().endsWith(":" + Promise.SlipAnswer.MORE_TIME.name())) {
                    if (due.isEmpty()) {
                        errors.put(ActionIds.INPUT_DUE, "Pick the date you can wait until.");
                    } else if (!due.get().isAfter(promises.now())) {
                        errors.put(ActionIds.INPUT_DUE, "That time is already in the past. Pick a time in the future.");
                    }
                } else if (form.text(ActionIds.INPUT_NOTE).isEmpty()) {
                    errors.put(ActionIds.INPUT_NOTE, "Write a few words for them.");
                }
                errors.putAll(Ids.tooLong(form, ActionIds.INPUT_NOTE, Promise.MAX_NOTE_LENGTH));
            }
            case ActionIds.FEEDBACK_FORM -> {
                for (String input : List.of(ActionIds.INPUT_THANKS, ActionIds.INPUT_BETTER, ActionIds.INPUT_EASIER)) {
                    errors.putAll(Ids.tooLong(form, input, Feedback.MAX_LENGTH));
                }
                if (form.text(ActionIds.INPUT_THANKS).isEmpty() && form.text(ActionIds.INPUT_BETTER).isEmpty()
                        && form.text(ActionIds.INPUT_EASIER).isEmpty()) {
                    errors.put(ActionIds.INPUT_BETTER, "Write at least one thing, or close the form: feedback is optional.");
                }
            }
            case ActionIds.FEEDBACK_REPLY_FORM -> {
                if (form.text(ActionIds.INPUT_REPLY).isEmpty()) {
                    errors.put(ActionIds.INPUT_REPLY, "Write your reply first.");
                }
                errors.putAll(Ids.tooLong(form, ActionIds.INPUT_REPLY, Feedback.MAX_LENGTH));
            }
            default -> {
            }
        }
        return errors;
    }

    @Override
    public Outcome submit(Person actor, FormSubmission form) {
        return Guard.answer(() -> {
            switch (form.formId()) {
                case ActionIds.MATTERS_FORM -> {
                    PromiseService.Changed c = promises.noteWhatMatters(actor, Ids.promiseId(form.context()),
                            form.text(ActionIds.INPUT_MATTERS).orElse(""));
                    return Outcome.reply(promises.messages().whatMattersNoted(c.promise(), c.otherPartyTold()));
                }
                case ActionIds.SLIP_FORM -> {
                    String[] parts = form.context().split(":", 2);
                    Promise.SlipAnswer answer;
                    try {
                        answer = Promise.SlipAnswer.valueOf(parts.length == 2 ? parts[1] : "");
                    } catch (IllegalArgumentException e) {
                        throw Ids.outOfDate();
                    }
                    PromiseService.Changed c = promises.answerSlip(actor, Ids.promiseId(parts[0]), answer,
                            form.text(ActionIds.INPUT_NOTE).orElse(""), form.instant(ActionIds.INPUT_DUE));
                    return Outcome.reply(promises.messages().slipAnswerSent(c.promise(), c.otherPartyTold()));
                }
                case ActionIds.FEEDBACK_FORM -> {
                    PromiseId id = Ids.promiseId(form.context());
                    FeedbackService.Result r = feedback.give(actor, id, form.text(ActionIds.INPUT_BETTER).orElse(""),
                            form.text(ActionIds.INPUT_EASIER).orElse(""), form.text(ActionIds.INPUT_THANKS).orElse(""));
                    return Outcome.reply(FeedbackMessages.sentConfirmation(r.promise(), r.otherPartyTold()));
                }
                case ActionIds.FEEDBACK_REPLY_FORM -> {
                    FeedbackService.Result r = feedback.reply(actor, Ids.promiseId(form.context()),
                            form.text(ActionIds.INPUT_REPLY).orElse(""));
                    return Outcome.reply(FeedbackMessages.replySent(r.promise(), r.otherPartyTold()));
                }
                default -> throw new Refusal("That form isn't one I know any more. Please start again.");
            }
        });
    }
}
