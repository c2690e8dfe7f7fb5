package dev.kept.promise;

import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.QuotedMessage;
import dev.kept.chat.Refusal;
import dev.kept.promise.when.DueDateParser;
import dev.kept.promise.when.WhatAndWhen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where every platform hands over what a person typed, clicked or submitted about promises. The
 * {@link CommandGrammar} reads what was typed; this class acts on the {@link Command} through
 * {@link PromiseService}, and hands clicks to {@link PromiseButtons} and forms to
 * {@link PromiseSubmissions}. The answer is a neutral {@link Outcome}; refusals, an unreachable store
 * and unexpected failures all become a clear private answer.
 */
@Component
public class PromiseInbound implements Interactions {

    private final PromiseService service;
    private final Map<String, CommandVerb> verbs = new LinkedHashMap<>();
    private final CommandGrammar grammar;
    private final PromiseButtons buttons;
    private final PromiseSubmissions forms;

    public PromiseInbound(PromiseService service) {
        this(service, List.of());
    }

    @Autowired
    public PromiseInbound(PromiseService service, List<CommandVerb> otherVerbs) {
        this.service = service;
        for (CommandVerb v : otherVerbs) {
            for (String word : v.verbs()) {
                if (verbs.put(word, v) != null) {
                    throw new IllegalStateException("Two features answer /promise " + word);
                }
            }
        }
        this.grammar = new CommandGrammar(verbs.keySet());
        this.buttons = new PromiseButtons(service);
        this.forms = new PromiseSubmissions(service);
    }

    // ---------------------------------------------------------------- typed commands

    /** {@code /promise <text>} or a DM to Kept. */
    public Outcome command(Invocation in, String text) {
        return Guard.answer(() -> {
            Supplier<ZoneId> zone = once(() -> service.zoneOf(in.invoker()));
            Command command = grammar.parse(text, in.text(), () -> service.now().atZone(zone.get()));
            return run(in, command, zone);
        });
    }

    /**
     * "Make this a promise" ({@code asking} false) or "Ask for this" on a chat message: the form, pre-filled from
     * it. What is its text (as a person reads it, cut to what a promise holds), the other person its author
     * unless that is the one acting, the due date one the text says ("by friday 3pm"), and the message's link
     * rides in the form, so the promise keeps it. Nothing is stored until the form is sent.
     */
    public Outcome fromMessage(Invocation in, QuotedMessage message, boolean asking) {
        return Guard.answer(() -> {
            ZoneId zone = service.zoneOf(in.invoker());
            // a message ends as sentences do ("… by friday 3pm?"): the date is read without the end mark
            String readable = in.text().plain(message.text()).strip().replaceAll("[\\s.!?\u2026]+$", "");
            WhatAndWhen said = FROM_MESSAGE_DATES.split(readable, service.now().atZone(zone));
            String what = said.due().isPresent() ? said.what() : readable;
            if (what.length() > Promise.MAX_WHAT_LENGTH) {
                what = what.substring(0, Promise.MAX_WHAT_LENGTH - 1).strip() + "\u2026";
            }
            Optional<String> other = message.authorId().filter(a -> !a.equals(in.invoker().userId()));
            Optional<Instant> due = said.due().map(ZonedDateTime::toInstant).filter(d -> d.isAfter(service.now()));
            Markup intro = Markup.builder().plain(asking ? "Ask for what was said in " : "Promise what was said in ")
                    .link(message.link(), "this message").plain(". Check the words and the date before you send it.")
                    .build();
            return asking ? PromiseForms.newRequest(other, what, due, Optional.of(intro), message.link())
                    : PromiseForms.newPromise(other, what, due, Optional.of(intro), message.link());
        });
    }

    private static final DueDateParser FROM_MESSAGE_DATES = new DueDateParser();

    /** What a workflow step made: the promise (or request), or why not, in words a workflow's run shows. */
    public record Step(Optional<Promise> made, String error) {
    }

    /**
     * A Workflow Builder step, "Make a promise" ({@code asking} false: {@code actor} promises {@code otherId}) or
     * "Ask a colleague" ({@code actor} asks {@code otherId}): the same checks and the same messages as
     * {@code /promise}, with no form to fall back on, so what is missing or wrong is the step's error.
     */
    public Step workflowStep(Person actor, String otherId, String what, Instant due, boolean asking) {
        if (otherId == null || otherId.isBlank() || due == null) {
            return new Step(Optional.empty(), (otherId == null || otherId.isBlank()
                    ? (asking ? "Who is asked is missing." : "Who is promised is missing.") : "By when is missing.")
                    + " Fill in every input of the step.");
        }
        try {
            PromiseService.Made made = asking ? service.request(actor, otherId, what, "", due)
                    : service.make(actor, otherId, what, "", due);
            // Made in their name by a workflow, not by their own command: they hear of it at once, with the id
            // to cancel it by if it is not theirs to make.
            ZoneId zone = service.zoneOf(actor);
            Message told = asking ? service.messages().requestSent(made.promise(), zone, made.receiverTold())
                    : service.messages().madeConfirmation(made.promise(), zone, made.receiverTold());
            service.tell(actor, Message.builder(Markup.plain("A workflow did this in your name."))
                    .text(Markup.plain("A workflow did this in your name.")).append(told).build());
            return new Step(Optional.of(made.promise()), "");
        } catch (Refusal r) {
            return new Step(Optional.empty(), r.reason().toPlainString());
        } catch (dev.kept.chat.StoreUnavailableException e) {
            return new Step(Optional.empty(), "Kept can't reach its storage right now, so nothing was saved. "
                    + "Run the workflow again in a moment.");
        }
    }

    /** @see CommandGrammar#looksLikeCommand(String) */
    public boolean looksLikeCommand(String text) {
        return grammar.looksLikeCommand(text);
    }

    private Outcome run(Invocation in, Command command, Supplier<ZoneId> zone) {
        Person invoker = in.invoker();
        if (command instanceof Command.Blank) {
            return in.formsAvailable() ? PromiseForms.newPromise(Optional.empty(), "", Optional.empty(), Optional.empty())
                    : Outcome.reply(help());
        }
        if (command instanceof Command.Help) {
            return Outcome.reply(help());
        }
        if (command instanceof Command.ListPromises) {
            PromiseService.Listing listing = service.list(invoker, PromiseListAndHelp.LIST_LIMIT);
            return Outcome.reply(PromiseListAndHelp.list(listing, zone.get(), service.now()));
        }
        if (command instanceof Command.Done done) {
            PromiseService.Changed c = service.deliver(invoker, done.id());
            return Outcome.reply(service.messages().deliveredConfirmation(c.promise(), c.otherPartyTold()));
        }
        if (command instanceof Command.Decline decline) {
            PromiseService.Changed c = service.decline(invoker, decline.id(), decline.reason());
            return Outcome.reply(service.messages().declineSent(c.promise(), c.otherPartyTold()));
        }
        if (command instanceof Command.Cancel cancel) {
            PromiseService.Changed c = service.cancel(invoker, cancel.id(), cancel.reason());
            return Outcome.reply(service.messages().cancelConfirmation(c.promise(), c.otherPartyTold()));
        }
        if (command instanceof Command.Ask ask) {
            return ask(in, ask, zone);
        }
        if (command instanceof Command.Make make) {
            return make(in, make, zone);
        }
        if (command instanceof Command.Other other) {
            return verbs.get(other.verb()).run(in, other.args());
        }
        if (command instanceof Command.Unclear unclear) {
            throw new Refusal(unclear.problem());
        }
        throw new IllegalStateException("No answer to " + command);
    }

    /** {@code ask @bob for the Q3 deck by friday}: a request, answered by the colleague asked. */
    private Outcome ask(Invocation in, Command.Ask ask, Supplier<ZoneId> zone) {
        if (ask.asked().isEmpty()) {
            if (in.formsAvailable()) {
                return PromiseForms.newRequest(Optional.empty(), "", Optional.empty(), Optional.of(Markup.plain(
                        ask.nothingTyped() ? "Who do you need something from, what, and by when?" : "Who are you asking?")));
            }
            throw new Refusal(Markup.builder().plain("Who are you asking? Start with an @mention: ")
                    .code("/promise ask @bob for the Q3 deck by friday").plain(".").build());
        }
        String asked = ask.asked().get();
        known(in, ask.alsoNamed()).ifPresent(other -> {
            throw new Refusal(Markup.builder().plain("A request asks one colleague, and this one names ").person(asked)
                    .plain(" and ").person(other).plain(". Ask them one at a time: one request to ").person(asked)
                    .plain(", one to ").person(other).plain(".").build());
        });
        Command.When when = ask.when();
        if (when.what().isBlank() || when.due().isEmpty()) {
            Markup problem = when.what().isBlank() ? Markup.plain("What are you asking for?")
                    : missing(ask.asked(), Optional.empty(), when);
            if (in.formsAvailable()) {
                return PromiseForms.newRequest(ask.asked(), when.what(), when.due(), Optional.of(problem));
            }
            throw new Refusal(Markup.builder().append(problem).plain(" ")
                    .code("/promise ask @bob for the Q3 deck by friday").plain(".").build());
        }
        PromiseService.Made made = service.request(in.invoker(), asked, when.what(), "", when.due().get());
        return Outcome.reply(service.messages().requestSent(made.promise(), zone.get(), made.receiverTold()));
    }

    private Outcome make(Invocation in, Command.Make make, Supplier<ZoneId> zone) {
        make.receiver().ifPresent(to -> known(in, make.alsoNamed()).ifPresent(other -> {
            throw new Refusal(Markup.builder().plain("A promise has one receiver, and this one names ").person(to)
                    .plain(" and ").person(other).plain(". Make two promises instead: one to ").person(to)
                    .plain(", one to ").person(other).plain(".").build());
        }));
        Command.When when = make.when();
        if (make.receiver().isPresent() && when.due().isPresent() && !when.what().isBlank()) {
            PromiseService.Made made = service.make(in.invoker(), make.receiver().get(), when.what(), "", when.due().get());
            return Outcome.reply(service.messages().madeConfirmation(made.promise(), zone.get(), made.receiverTold()));
        }
        Markup problem = missing(make.receiver(), make.unknownName(), when);
        if (in.formsAvailable()) {
            return PromiseForms.newPromise(make.receiver(), when.what(), when.due(), Optional.of(problem));
        }
        return Outcome.reply(Message.of(Markup.builder().append(problem).plain(" Write it like this: ")
                .code("promise @bob the Q3 deck by friday 3pm").plain(".").build()));
    }

    /**
     * The second colleague named, when the directory knows them: anything else typed after a mention stays inert
     * text, part of what is promised.
     */
    private Optional<String> known(Invocation in, Optional<String> alsoNamed) {
        return alsoNamed.filter(other -> service.knows(in.invoker().workspace().person(other)));
    }

    private static Markup missing(Optional<String> receiver, Optional<String> unknownName, Command.When when) {
        if (receiver.isEmpty()) {
            return Markup.plain(unknownName.map(n -> "I couldn't find " + n + " in this workspace: pick the colleague from the @ list so the name turns into a mention.")
                    .orElse("Who are you promising? Start with an @mention of your colleague."));
        }
        if (when.what().isBlank()) {
            return Markup.plain("What are you promising?");
        }
        if (!when.whenText().isBlank()) {
            return Markup.builder().plain("I didn't understand \"" + when.whenText() + "\" as a date. Try ")
                    .code("friday 3pm").plain(", ").code("tomorrow").plain(", ").code("in 3 days").plain(" or ")
                    .code("dec 1").plain(".").build();
        }
        return Markup.builder().plain("By when? Add it at the end, e.g. ").code("by friday 3pm").plain(".").build();
    }

    Message help() {
        List<Markup> otherLines = new ArrayList<>();
        new LinkedHashSet<>(verbs.values()).forEach(v -> otherLines.addAll(v.help()));
        return PromiseListAndHelp.help(otherLines);
    }

    /** Looks {@code value} up once, the first time it is needed. */
    private static <T> Supplier<T> once(Supplier<T> value) {
        return new Supplier<>() {
            private T known;

            @Override
            public T get() {
                if (known == null) {
                    known = value.get();
                }
                return known;
            }
        };
    }

    // ---------------------------------------------------------------- buttons and forms

    @Override
    public Set<String> actionIds() {
        return buttons.ids();
    }

    @Override
    public Set<String> formIds() {
        return forms.ids();
    }

    /** A click on a button Kept sent. */
    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> buttons.press(actor, actionId, value));
    }

    /**
     * Checks a form at once, without asking anyone, so the person can fix it while it is open.
     * Empty when nothing is wrong with the fields themselves.
     */
    @Override
    public Map<String, String> check(Person actor, FormSubmission form) {
        return forms.check(actor, form);
    }

    /** Acts on a submitted form; the answer goes to the person privately. */
    @Override
    public Outcome submit(Person actor, FormSubmission form) {
        return Guard.answer(() -> forms.submit(actor, form));
    }
}
