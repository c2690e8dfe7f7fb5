package dev.kept.promise;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The buttons and forms of a request ({@code /promise ask}): the asked colleague takes it on,
 * suggests another date or says they can't; the asker accepts a suggested date or withdraws.
 * Who may do what is checked in {@link Promise}.
 */
@Component
public class RequestInbound implements Interactions {

    private final PromiseService service;

    public RequestInbound(PromiseService service) {
        this.service = service;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ActionIds.REQUEST_ACCEPT, ActionIds.REQUEST_PROPOSE, ActionIds.REQUEST_DECLINE,
                ActionIds.REQUEST_ACCEPT_DATE, ActionIds.REQUEST_WITHDRAW);
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ActionIds.REQUEST_PROPOSE_FORM, ActionIds.REQUEST_DECLINE_FORM);
    }

    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> {
            switch (actionId) {
                case ActionIds.REQUEST_ACCEPT -> {
                    PromiseService.Changed c = service.acceptRequest(actor, Ids.promiseId(value));
                    return new Outcome.ReplaceOriginal(service.messages().requestTakenOn(c.promise(),
                            service.zoneOf(actor), c.otherPartyTold()));
                }
                case ActionIds.REQUEST_PROPOSE -> {
                    Promise p = service.find(actor, Ids.promiseId(value));
                    p.checkMayAnswerRequest(actor.userId());
                    return proposeForm(p);
                }
                case ActionIds.REQUEST_DECLINE -> {
                    Promise p = service.find(actor, Ids.promiseId(value));
                    p.checkMayAnswerRequest(actor.userId());
                    return declineForm(p);
                }
                case ActionIds.REQUEST_ACCEPT_DATE -> {
                    Ids.IdAndTime v = Ids.idAndTime(value);
                    PromiseService.Changed c = service.acceptProposedDate(actor, v.id(), v.at());
                    return new Outcome.ReplaceOriginal(service.messages().requestAccepted(c.promise(),
                            service.zoneOf(actor)));
                }
                case ActionIds.REQUEST_WITHDRAW -> {
                    PromiseService.Changed c = service.cancel(actor, Ids.promiseId(value), "");
                    return new Outcome.ReplaceOriginal(service.messages().cancelConfirmation(c.promise(), c.otherPartyTold()));
                }
                default -> throw Ids.unknownButton();
            }
        });
    }

    private Outcome proposeForm(Promise p) {
        Markup intro = PromiseMessages.asked(Markup.builder().person(p.receiverId()).plain(" asked"), p.what()).plain(" by ")
                .plain(DueFormat.format(p.due(), service.zoneOf(p.provider()), service.now()))
                .plain(" (your time). Suggest a date you can keep; if they accept, it becomes your promise.").build();
        Instant suggestion = (p.due().isAfter(service.now()) ? p.due() : service.now()).plus(java.time.Duration.ofDays(1));
        Form form = new Form(ActionIds.REQUEST_PROPOSE_FORM, "Suggest another date", "Suggest", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "A date you can keep", suggestion),
                new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional: why, or what you'd need",
                        true, true, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of("Use the button again to suggest another date."));
    }

    private Outcome declineForm(Promise p) {
        Markup intro = Markup.builder().plain("Saying so now helps ").person(p.receiverId())
                .plain(" find another way to get ").bold(p.what()).plain(".").build();
        Form form = new Form(ActionIds.REQUEST_DECLINE_FORM, "Can't take this on", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.TextInput(ActionIds.INPUT_NOTE, "Why not, in a few words", "", "they'll read this",
                        true, false, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Write ")
                .code("/promise decline " + p.id() + " <a short reason>").plain(" instead.").build()));
    }

    @Override
    public Map<String, String> check(Person actor, FormSubmission form) {
        switch (form.formId()) {
            case ActionIds.REQUEST_PROPOSE_FORM -> {
                Optional<Instant> due = form.instant(ActionIds.INPUT_DUE);
                if (due.isEmpty()) {
                    return Map.of(ActionIds.INPUT_DUE, "Pick the date you can keep.");
                }
                if (!due.get().isAfter(service.now())) {
                    return Map.of(ActionIds.INPUT_DUE, "That time is already in the past. Pick a time in the future.");
                }
                return Ids.tooLong(form, ActionIds.INPUT_NOTE, Promise.MAX_NOTE_LENGTH);
            }
            case ActionIds.REQUEST_DECLINE_FORM -> {
                if (form.text(ActionIds.INPUT_NOTE).isEmpty()) {
                    return Map.of(ActionIds.INPUT_NOTE, "Say why, in a few words: it helps them find another way.");
                }
                return Ids.tooLong(form, ActionIds.INPUT_NOTE, Promise.MAX_NOTE_LENGTH);
            }
            default -> {
                return Map.of();
            }
        }
    }

    @Override
    public Outcome submit(Person actor, FormSubmission form) {
        return Guard.answer(() -> {
            PromiseId id = Ids.promiseId(form.context());
            switch (form.formId()) {
                case ActionIds.REQUEST_PROPOSE_FORM -> {
                    Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick the date you can keep."));
                    PromiseService.Changed c = service.proposeDate(actor, id, due, form.text(ActionIds.INPUT_NOTE).orElse(""));
                    return Outcome.reply(service.messages().dateProposalSent(c.promise(), c.otherPartyTold()));
                }
                case ActionIds.REQUEST_DECLINE_FORM -> {
                    PromiseService.Changed c = service.decline(actor, id, form.text(ActionIds.INPUT_NOTE).orElse(""));
                    return Outcome.reply(service.messages().declineSent(c.promise(), c.otherPartyTold()));
                }
                default -> throw new Refusal("That form isn't one I know any more. Please start again.");
            }
        });
    }
}
