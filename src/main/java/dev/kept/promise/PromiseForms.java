package dev.kept.promise;

import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forms about promises, each with the message a platform shows when it can't open a form.
 * Building one looks nothing up: the caller passes the promise, the person's zone and the time.
 */
final class PromiseForms {

    private PromiseForms() {
    }

    /** Make a promise, pre-filled with what was understood; {@code intro} says what is still missing. */
    static Outcome newPromise(Optional<String> receiver, String what, Optional<Instant> due, Optional<Markup> intro) {
        return newPromise(receiver, what, due, intro, "");
    }

    /** The same, for a promise made from a message: {@code source} is the link to it, carried in the form. */
    static Outcome newPromise(Optional<String> receiver, String what, Optional<Instant> due, Optional<Markup> intro,
                              String source) {
        List<Form.Input> inputs = new ArrayList<>();
        intro.ifPresent(text -> inputs.add(new Form.Intro("intro", text)));
        inputs.add(new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who are you promising?", receiver.orElse(null)));
        inputs.add(new Form.TextInput(ActionIds.INPUT_WHAT, "What will you do for them?", what,
                "e.g. the Q3 deck, reviewed", true, false, Promise.MAX_WHAT_LENGTH));
        inputs.add(new Form.TextInput(ActionIds.INPUT_MATTERS, "What matters most to them about it?", "",
                "optional: what they told you they need", true, true, Promise.MAX_NOTE_LENGTH));
        inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", due.orElse(null)));
        Form form = new Form(ActionIds.NEW_PROMISE_FORM, "Make a promise", "Promise", source, inputs);
        Message fallback = Message.of(intro.orElseGet(() -> Markup.builder().plain("Write it like this: ")
                .code("/promise @bob the Q3 deck by friday 3pm").plain(".").build()));
        return new Outcome.OpenForm(form, fallback);
    }

    /** Ask a colleague for something, pre-filled with what was understood. */
    static Outcome newRequest(Optional<String> asked, String what, Optional<Instant> due, Optional<Markup> intro) {
        return newRequest(asked, what, due, intro, "");
    }

    /** The same, for a request made from a message: {@code source} is the link to it, carried in the form. */
    static Outcome newRequest(Optional<String> asked, String what, Optional<Instant> due, Optional<Markup> intro,
                              String source) {
        List<Form.Input> inputs = new ArrayList<>();
        intro.ifPresent(text -> inputs.add(new Form.Intro("intro", text)));
        inputs.add(new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who are you asking?", asked.orElse(null)));
        inputs.add(new Form.TextInput(ActionIds.INPUT_WHAT, "What do you need from them?", what,
                "e.g. the Q3 figures", true, false, Promise.MAX_WHAT_LENGTH));
        inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", due.orElse(null)));
        Form form = new Form(ActionIds.NEW_REQUEST_FORM, "Ask a colleague", "Ask", source, inputs);
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Write it like this: ")
                .code("/promise ask @bob for the Q3 figures by thursday").plain(".").build()));
    }

    /** The receiver suggests another date or says something. */
    static Outcome suggest(Promise p, ZoneId zone, Instant now) {
        Markup intro = Markup.builder().plain("Suggest a change to ").bold(p.what()).plain(", promised by ")
                .person(p.providerId()).plain(" for ").plain(DueFormat.format(p.due(), zone, now))
                .plain(" (your time). They'll get your suggestion and can accept a new date in one click.").build();
        Form form = new Form(ActionIds.SUGGEST_FORM, "Suggest a change", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "A date that would work better", p.due()),
                new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional: what would help",
                        true, true, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of("Use the button again to suggest a change."));
    }

    /** The provider asks for more time: a new date, a day after the due date (or after now, if it has passed). */
    static Outcome moreTime(Promise p, ZoneId zone, Instant now) {
        Markup intro = Markup.builder().plain("Asking early is part of keeping a promise. ").person(p.receiverId())
                .plain(" will be told the new date for ").bold(p.what()).plain(" (due ")
                .plain(DueFormat.format(p.due(), zone, now)).plain(", your time).").build();
        Instant suggestion = (p.due().isAfter(now) ? p.due() : now).plus(Duration.ofDays(1));
        Form form = new Form(ActionIds.MORE_TIME_FORM, "Need more time", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "New date", suggestion),
                new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional: why, and what they'll get",
                        true, true, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Use ").code("/promise list")
                .plain(" and try again to ask for more time.").build()));
    }

    /** The provider can't keep it and says why. */
    static Outcome release(Promise p) {
        Markup intro = Markup.builder().plain("Letting ").person(p.receiverId())
                .plain(" know now gives them time to plan. Tell them why you can't deliver ").bold(p.what())
                .plain(".").build();
        Form form = new Form(ActionIds.RELEASE_FORM, "Can't make it", "Release it", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.TextInput(ActionIds.INPUT_NOTE, "Why you can't keep it", "", "they'll read this",
                        true, false, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Write ")
                .code("/promise cancel " + p.id() + " <a short reason>").plain(" instead.").build()));
    }
}
