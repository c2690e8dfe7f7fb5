package dev.kept.promise;

import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
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
