package dev.kept.promise;

import dev.kept.chat.FormSubmission;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What each form about a promise ({@link PromiseForms}) checks at once, and does when submitted, by its form id. */
final class PromiseSubmissions {

    /** One form: what it checks while open, and what it does when sent. */
    record Handler(Check check, Submit submit) {
    }

    /** Problems with the fields that can be named without asking anyone, by input id; empty when none. */
    interface Check {
        Map<String, String> check(Person actor, FormSubmission form);
    }

    interface Submit {
        Outcome submit(Person actor, FormSubmission form);
    }

    private final PromiseService service;
    private final HandlerTable<Handler> table;

    PromiseSubmissions(PromiseService service) {
        this.service = service;
        this.table = HandlerTable.<Handler>builder()
                .on(ActionIds.NEW_REQUEST_FORM, new Handler(this::checkNewRequest, this::submitNewRequest))
                .on(ActionIds.NEW_PROMISE_FORM, new Handler(this::checkNewPromise, this::submitNewPromise))
                .on(ActionIds.SUGGEST_FORM, new Handler((actor, form) -> checkNewDate(form, false), this::submitSuggest))
                .on(ActionIds.MORE_TIME_FORM, new Handler((actor, form) -> checkNewDate(form, true), this::submitMoreTime))
                .on(ActionIds.RELEASE_FORM, new Handler(PromiseSubmissions::checkRelease, this::submitRelease))
                .build();
    }

    Set<String> ids() {
        return table.ids();
    }

    Map<String, String> check(Person actor, FormSubmission form) {
        return table.find(form.formId()).map(h -> h.check().check(actor, form)).orElse(Map.of());
    }

    Outcome submit(Person actor, FormSubmission form) {
        return table.find(form.formId())
                .orElseThrow(() -> new Refusal("That form isn't one I know any more. Please start again."))
                .submit().submit(actor, form);
    }

    private Map<String, String> checkNewRequest(Person actor, FormSubmission form) {
        Map<String, String> problems = new LinkedHashMap<>(service.checkFields(actor,
                form.person(ActionIds.INPUT_RECEIVER), form.text(ActionIds.INPUT_WHAT).orElse(""), "",
                form.instant(ActionIds.INPUT_DUE)));
        // The same checks as a promise, in the words of a request.
        if (problems.containsKey(ActionIds.INPUT_RECEIVER)) {
            problems.put(ActionIds.INPUT_RECEIVER, form.person(ActionIds.INPUT_RECEIVER).isEmpty()
                    ? "Pick the colleague you're asking." : "You can't ask yourself: pick a colleague.");
        }
        if (form.instant(ActionIds.INPUT_DUE).isEmpty()) {
            problems.put(ActionIds.INPUT_DUE, "Pick by when you need it.");
        }
        return problems;
    }

    private Outcome submitNewRequest(Person actor, FormSubmission form) {
        String asked = form.person(ActionIds.INPUT_RECEIVER)
                .orElseThrow(() -> new Refusal("Pick the colleague you're asking."));
        Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick by when you need it."));
        PromiseService.Made made = service.request(actor, asked, form.text(ActionIds.INPUT_WHAT).orElse(""), "", due,
                source(form));
        return Outcome.reply(service.messages().requestSent(made.promise(), service.zoneOf(actor), made.receiverTold()));
    }

    private Map<String, String> checkNewPromise(Person actor, FormSubmission form) {
        return service.checkFields(actor, form.person(ActionIds.INPUT_RECEIVER), form.text(ActionIds.INPUT_WHAT).orElse(""),
                form.text(ActionIds.INPUT_MATTERS).orElse(""), form.instant(ActionIds.INPUT_DUE));
    }

    private Outcome submitNewPromise(Person actor, FormSubmission form) {
        String receiver = form.person(ActionIds.INPUT_RECEIVER)
                .orElseThrow(() -> new Refusal("Pick the colleague you're promising."));
        Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick when it will be done."));
        PromiseService.Made made = service.make(actor, receiver, form.text(ActionIds.INPUT_WHAT).orElse(""),
                form.text(ActionIds.INPUT_MATTERS).orElse(""), due, source(form));
        return Outcome.reply(service.messages().madeConfirmation(made.promise(), service.zoneOf(actor),
                made.receiverTold()));
    }

    /**
     * The message a new promise or request was made from: the form's context, when it is a web link (the forms
     * opened from a message carry it); anything else is no source.
     */
    static String source(FormSubmission form) {
        String link = form.context() == null ? "" : form.context().strip();
        if (link.isEmpty()) {
            return "";
        }
        try {
            return new dev.kept.chat.Markup.Link(link, "this message").url();
        } catch (IllegalArgumentException notALink) {
            return "";
        }
    }

    /** A suggested or new due date must be in the future; the more-time form must have one. */
    private Map<String, String> checkNewDate(FormSubmission form, boolean required) {
        Optional<Instant> due = form.instant(ActionIds.INPUT_DUE);
        if (due.isPresent() && !due.get().isAfter(service.now())) {
            return Map.of(ActionIds.INPUT_DUE, "That time is already in the past. Pick a time in the future.");
        }
        if (due.isEmpty() && required) {
            return Map.of(ActionIds.INPUT_DUE, "Pick the new date.");
        }
        return Map.of();
    }

    private Outcome submitSuggest(Person actor, FormSubmission form) {
        PromiseId id = Ids.promiseId(form.context());
        Promise current = service.find(actor, id);
        Optional<Instant> due = form.instant(ActionIds.INPUT_DUE).filter(d -> !d.equals(current.due()));
        PromiseService.Changed c = service.suggest(actor, id, due, form.text(ActionIds.INPUT_NOTE).orElse(""));
        return Outcome.reply(service.messages().suggestionSent(c.promise(), c.otherPartyTold()));
    }

    private Outcome submitMoreTime(Person actor, FormSubmission form) {
        Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick the new date."));
        PromiseService.Changed c = service.changeDue(actor, Ids.promiseId(form.context()), due,
                form.text(ActionIds.INPUT_NOTE).orElse(""));
        return Outcome.reply(service.messages().dueChangeAccepted(c.promise(), service.zoneOf(actor), c.otherPartyTold()));
    }

    private static Map<String, String> checkRelease(Person actor, FormSubmission form) {
        return form.text(ActionIds.INPUT_NOTE).isPresent() ? Map.of()
                : Map.of(ActionIds.INPUT_NOTE, "Say why, in a few words: it helps them plan.");
    }

    private Outcome submitRelease(Person actor, FormSubmission form) {
        PromiseId id = Ids.promiseId(form.context());
        service.find(actor, id).checkMayRelease(actor.userId());   // the form is the provider's only
        PromiseService.Changed c = service.cancel(actor, id, form.text(ActionIds.INPUT_NOTE).orElse(""));
        return Outcome.reply(service.messages().cancelConfirmation(c.promise(), c.otherPartyTold()));
    }
}
