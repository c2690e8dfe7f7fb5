package dev.kept.promise;

import dev.kept.chat.Refusal;
import dev.kept.chat.Form;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.promise.when.DueDateParser;
import dev.kept.promise.when.WhatAndWhen;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where every platform hands over what a person typed, clicked or submitted about promises. It reads
 * the command grammar, calls {@link PromiseService} and answers with a neutral {@link Outcome}.
 * Refusals, an unreachable store and unexpected failures all become a clear private answer.
 */
@Component
public class PromiseInbound implements Interactions {

    static final int LIST_LIMIT = 15;

    private final PromiseService service;
    private final DueDateParser dates = new DueDateParser();
    private final Map<String, CommandVerb> verbs = new java.util.LinkedHashMap<>();

    public PromiseInbound(PromiseService service) {
        this(service, List.of());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public PromiseInbound(PromiseService service, List<CommandVerb> otherVerbs) {
        this.service = service;
        for (CommandVerb v : otherVerbs) {
            for (String word : v.verbs()) {
                if (verbs.put(word, v) != null) {
                    throw new IllegalStateException("Two features answer /promise " + word);
                }
            }
        }
    }

    // ---------------------------------------------------------------- typed commands

    /** {@code /promise <text>} or a DM to Kept. */
    public Outcome command(Invocation in, String text) {
        return Guard.answer(() -> interpret(in, text == null ? "" : text.strip()));
    }

    private Outcome interpret(Invocation in, String text) {
        String body = stripKeyword(text);
        if (body.isEmpty()) {
            return in.formsAvailable() ? newPromiseForm(Optional.empty(), "", Optional.empty(), Optional.empty())
                    : Outcome.reply(help());
        }
        String[] words = body.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        switch (verb) {
            case "help", "?", "hi", "hello" -> {
                return Outcome.reply(help());
            }
            case "list", "ls" -> {
                return Outcome.reply(list(in.invoker()));
            }
            case "done", "deliver", "delivered" -> {
                PromiseId id = idArgument(words, "done");
                PromiseService.Changed c = service.deliver(in.invoker(), id);
                return Outcome.reply(service.messages().deliveredConfirmation(c.promise(), c.otherPartyTold()));
            }
            case "ask", "request" -> {
                return ask(in, body.substring(words[0].length()).strip());
            }
            case "decline" -> {
                PromiseId id = idArgument(words, "decline");
                String reason = words.length > 2 ? in.text().plain(words[2]) : "";
                PromiseService.Changed c = service.decline(in.invoker(), id, reason);
                return Outcome.reply(service.messages().declineSent(c.promise(), c.otherPartyTold()));
            }
            case "cancel", "release" -> {
                PromiseId id = idArgument(words, "cancel");
                String reason = words.length > 2 ? in.text().plain(words[2]) : "";
                PromiseService.Changed c = service.cancel(in.invoker(), id, reason);
                return Outcome.reply(service.messages().cancelConfirmation(c.promise(), c.otherPartyTold()));
            }
            default -> {
                CommandVerb other = verbs.get(verb);
                if (other != null) {
                    return other.run(in, body.substring(words[0].length()).strip());
                }
                return make(in, body);
            }
        }
    }

    /**
     * Whether a DM is plainly a command rather than free text: it starts with {@code promise} or
     * {@code /promise}, or is a command word with at most one argument ({@code list}, {@code done K7Q2},
     * {@code stats}). Free text that merely starts with such a word ("done by a designer, please") is not.
     */
    public boolean looksLikeCommand(String text) {
        String t = text == null ? "" : text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("promise") || lower.startsWith("promise ") || lower.startsWith("/promise")
                || lower.matches("(ask|request) <?@.*")) {
            return true;
        }
        String[] words = t.split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        return words.length <= 2 && (COMMAND_WORDS.contains(first) || verbs.containsKey(first));
    }

    private static final Set<String> COMMAND_WORDS = Set.of("help", "?", "list", "ls", "done", "deliver",
            "delivered", "cancel", "release");

    private static String stripKeyword(String text) {
        String t = text;
        if (t.toLowerCase(Locale.ROOT).startsWith("/promise")) {
            t = t.substring("/promise".length()).strip();
        }
        if (t.toLowerCase(Locale.ROOT).matches("promise(\\s.*)?")) {
            t = t.substring("promise".length()).strip();
        }
        return t;
    }

    private static PromiseId idArgument(String[] words, String verb) {
        if (words.length < 2) {
            throw new Refusal(Markup.builder().plain("Which promise? Add its id, e.g. ").code("/promise " + verb + " K7Q2")
                    .plain(". ").code("/promise list").plain(" shows them.").build());
        }
        return PromiseId.parse(words[1]).orElseThrow(() -> new Refusal(Markup.builder()
                .plain("That doesn't look like a promise id (they look like ").bold("K7Q2")
                .plain("). ").code("/promise list").plain(" shows yours.").build()));
    }

    /** {@code ask @bob for the Q3 deck by friday}: a request, answered by the colleague asked. */
    private Outcome ask(Invocation in, String body) {
        Person invoker = in.invoker();
        String[] firstAndRest = body.split("\\s+", 2);
        Optional<String> asked = in.text().userIdOf(firstAndRest[0]);
        String rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        if (asked.isEmpty()) {
            if (in.formsAvailable()) {
                return newRequestForm(Optional.empty(), "", Optional.empty(), Optional.of(Markup.plain(body.isBlank()
                        ? "Who do you need something from, what, and by when?" : "Who are you asking?")));
            }
            throw new Refusal(Markup.builder().plain("Who are you asking? Start with an @mention: ")
                    .code("/promise ask @bob for the Q3 deck by friday").plain(".").build());
        }
        secondMention(in, asked.get(), rest).ifPresent(other -> {
            throw new Refusal(Markup.builder().plain("A request asks one colleague, and this one names ").person(asked.get())
                    .plain(" and ").person(other).plain(". Ask them one at a time: one request to ").person(asked.get())
                    .plain(", one to ").person(other).plain(".").build());
        });
        // "for the deck" is asked for; "to review the doc" keeps its "to", so the messages read as typed.
        rest = rest.replaceFirst("(?i)^for\\s+", "").replaceFirst("(?i)^to\\s+", "to ");
        ZoneId zone = service.zoneOf(invoker);
        WhatAndWhen parsed = dates.split(" " + in.text().plain(rest), service.now().atZone(zone));
        Optional<Instant> due = parsed.due().map(d -> d.toInstant());
        if (parsed.what().isBlank() || due.isEmpty()) {
            Markup problem = parsed.what().isBlank() ? Markup.plain("What are you asking for?")
                    : missing(asked, Optional.empty(), parsed);
            if (in.formsAvailable()) {
                return newRequestForm(asked, parsed.what(), due, Optional.of(problem));
            }
            throw new Refusal(Markup.builder().append(problem).plain(" ")
                    .code("/promise ask @bob for the Q3 deck by friday").plain(".").build());
        }
        PromiseService.Made made = service.request(invoker, asked.get(), parsed.what(), "", due.get());
        return Outcome.reply(service.messages().requestSent(made.promise(), zone, made.receiverTold()));
    }

    private Outcome newRequestForm(Optional<String> asked, String what, Optional<Instant> due, Optional<Markup> intro) {
        List<Form.Input> inputs = new java.util.ArrayList<>();
        intro.ifPresent(text -> inputs.add(new Form.Intro("intro", text)));
        inputs.add(new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who are you asking?", asked.orElse(null)));
        inputs.add(new Form.TextInput(ActionIds.INPUT_WHAT, "What do you need from them?", what,
                "e.g. the Q3 figures", true, false, Promise.MAX_WHAT_LENGTH));
        inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", due.orElse(null)));
        Form form = new Form(ActionIds.NEW_REQUEST_FORM, "Ask a colleague", "Ask", "", inputs);
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Write it like this: ")
                .code("/promise ask @bob for the Q3 figures by thursday").plain(".").build()));
    }

    private Outcome make(Invocation in, String body) {
        Person invoker = in.invoker();
        String[] firstAndRest = body.split("\\s+", 2);
        String first = firstAndRest[0];
        Optional<String> receiver = in.text().userIdOf(first);
        Optional<String> unknownName = Optional.empty();
        String rest = body;
        if (receiver.isPresent()) {
            rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        } else if (first.startsWith("@") && first.length() > 1) {
            unknownName = Optional.of(in.text().plain(first));
            rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        }
        if (receiver.isPresent()) {
            String to = receiver.get();
            secondMention(in, to, rest).ifPresent(other -> {
                throw new Refusal(Markup.builder().plain("A promise has one receiver, and this one names ").person(to)
                        .plain(" and ").person(other).plain(". Make two promises instead: one to ").person(to)
                        .plain(", one to ").person(other).plain(".").build());
            });
        }
        ZoneId zone = service.zoneOf(invoker);
        // A leading space lets "by friday" with nothing before it still be read as the due date.
        WhatAndWhen parsed = dates.split(" " + in.text().plain(rest), service.now().atZone(zone));
        Optional<Instant> due = parsed.due().map(d -> d.toInstant());

        if (receiver.isPresent() && due.isPresent() && !parsed.what().isBlank()) {
            PromiseService.Made made = service.make(invoker, receiver.get(), parsed.what(), "", due.get());
            return Outcome.reply(service.messages().madeConfirmation(made.promise(), zone, made.receiverTold()));
        }
        Markup problem = missing(receiver, unknownName, parsed);
        if (in.formsAvailable()) {
            return newPromiseForm(receiver, parsed.what(), due, Optional.of(problem));
        }
        return Outcome.reply(Message.of(Markup.builder().append(problem).plain(" Write it like this: ")
                .code("promise @bob the Q3 deck by friday 3pm").plain(".").build()));
    }

    /** A second colleague mentioned right after the first (\"@bob @carol the deck\"): a promise or request has one other person. */
    private Optional<String> secondMention(Invocation in, String first, String rest) {
        // Only right after the first: a mention later in the text is part of what is promised, shown inert. Only a
        // colleague the directory knows is named back as a mention; anything else typed stays inert text.
        String next = rest.strip().split("\\s+", 2)[0].replaceAll("[.,;:!?]+$", "");
        return in.text().userIdOf(next).filter(other -> !other.equals(first))
                .filter(other -> service.knows(in.invoker().workspace().person(other)));
    }

    private static Markup missing(Optional<String> receiver, Optional<String> unknownName, WhatAndWhen parsed) {
        if (receiver.isEmpty()) {
            return Markup.plain(unknownName.map(n -> "I couldn't find " + n + " in this workspace: pick the colleague from the @ list so the name turns into a mention.")
                    .orElse("Who are you promising? Start with an @mention of your colleague."));
        }
        if (parsed.what().isBlank()) {
            return Markup.plain("What are you promising?");
        }
        if (!parsed.whenText().isBlank()) {
            return Markup.builder().plain("I didn't understand \"" + parsed.whenText() + "\" as a date. Try ")
                    .code("friday 3pm").plain(", ").code("tomorrow").plain(", ").code("in 3 days").plain(" or ")
                    .code("dec 1").plain(".").build();
        }
        return Markup.builder().plain("By when? Add it at the end, e.g. ").code("by friday 3pm").plain(".").build();
    }

    private Outcome newPromiseForm(Optional<String> receiver, String what, Optional<Instant> due, Optional<Markup> intro) {
        List<Form.Input> inputs = new java.util.ArrayList<>();
        intro.ifPresent(text -> inputs.add(new Form.Intro("intro", text)));
        inputs.add(new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who are you promising?", receiver.orElse(null)));
        inputs.add(new Form.TextInput(ActionIds.INPUT_WHAT, "What will you do for them?", what,
                "e.g. the Q3 deck, reviewed", true, false, Promise.MAX_WHAT_LENGTH));
        inputs.add(new Form.TextInput(ActionIds.INPUT_MATTERS, "What matters most to them about it?", "",
                "optional: what they told you they need", true, true, Promise.MAX_NOTE_LENGTH));
        inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", due.orElse(null)));
        Form form = new Form(ActionIds.NEW_PROMISE_FORM, "Make a promise", "Promise", "", inputs);
        Message fallback = Message.of(intro.orElseGet(() -> Markup.builder().plain("Write it like this: ")
                .code("/promise @bob the Q3 deck by friday 3pm").plain(".").build()));
        return new Outcome.OpenForm(form, fallback);
    }

    private Message list(Person person) {
        PromiseService.Listing listing = service.list(person, LIST_LIMIT);
        Instant now = service.now();
        ZoneId zone = service.zoneOf(person);
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

    Message help() {
        Markup title = Markup.builder().bold("Kept helps you keep the promises you make to colleagues.").build();
        List<Markup> lines = new java.util.ArrayList<>();
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
        new java.util.LinkedHashSet<>(verbs.values()).forEach(v -> lines.addAll(v.help()));
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

    // ---------------------------------------------------------------- buttons

    @Override
    public Set<String> actionIds() {
        Set<String> ids = new java.util.HashSet<>(Set.of(ActionIds.ACKNOWLEDGE, ActionIds.SUGGEST, ActionIds.DELIVER,
                ActionIds.ACCEPT_DUE, ActionIds.MORE_TIME, ActionIds.RELEASE, ActionIds.RATE));
        ids.addAll(ActionIds.RATE_SCORES);
        return Set.copyOf(ids);
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ActionIds.NEW_PROMISE_FORM, ActionIds.NEW_REQUEST_FORM, ActionIds.SUGGEST_FORM,
                ActionIds.MORE_TIME_FORM, ActionIds.RELEASE_FORM);
    }

    /** A click on a button Kept sent. */
    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> {
            // promise.rate.1 … .5 are one action; the score is in the value, as it was before they were split
            switch (ActionIds.RATE_SCORES.contains(actionId) ? ActionIds.RATE : actionId) {
                case ActionIds.ACKNOWLEDGE -> {
                    PromiseService.Changed c = service.acknowledge(actor, promiseId(value));
                    return new Outcome.ReplaceOriginal(service.messages().promiseAcknowledged(c.promise(), service.zoneOf(actor)));
                }
                case ActionIds.SUGGEST -> {
                    Promise p = service.find(actor, promiseId(value));
                    p.checkMaySuggest(actor.userId());
                    return suggestForm(p, service.zoneOf(actor));
                }
                case ActionIds.DELIVER -> {
                    PromiseService.Changed c = service.deliver(actor, promiseId(value));
                    return Outcome.reply(service.messages().deliveredConfirmation(c.promise(), c.otherPartyTold()));
                }
                case ActionIds.ACCEPT_DUE -> {
                    Ids.IdAndTime v = Ids.idAndTime(value);
                    PromiseService.Changed c = service.changeDue(actor, v.id(), v.at(), "");
                    return new Outcome.ReplaceOriginal(service.messages().dueChangeAccepted(c.promise(),
                            service.zoneOf(actor), c.otherPartyTold()));
                }
                case ActionIds.MORE_TIME -> {
                    Promise p = service.find(actor, promiseId(value));
                    p.checkMayRenegotiate(actor.userId());
                    return moreTimeForm(p, service.zoneOf(actor));
                }
                case ActionIds.RELEASE -> {
                    Promise p = service.find(actor, promiseId(value));
                    p.checkMayRelease(actor.userId());
                    return releaseForm(p);
                }
                case ActionIds.RATE -> {
                    String[] parts = value.split(":", 2);
                    if (parts.length != 2 || !parts[1].matches("[1-5]")) {
                        throw outOfDate();
                    }
                    PromiseService.Changed c = service.rate(actor, promiseId(parts[0]), Integer.parseInt(parts[1]));
                    return new Outcome.ReplaceOriginal(service.messages().ratingThanks(c.promise(), c.otherPartyTold(),
                            service.wantsPrompts(actor)));
                }
                default -> throw Ids.unknownButton();
            }
        });
    }

    private static Refusal outOfDate() {
        return Ids.outOfDate();
    }

    private static PromiseId promiseId(String value) {
        return Ids.promiseId(value);
    }

    private Outcome suggestForm(Promise p, ZoneId zone) {
        Markup intro = Markup.builder().plain("Suggest a change to ").bold(p.what()).plain(", promised by ")
                .person(p.providerId()).plain(" for ").plain(DueFormat.format(p.due(), zone, service.now()))
                .plain(" (your time). They'll get your suggestion and can accept a new date in one click.").build();
        Form form = new Form(ActionIds.SUGGEST_FORM, "Suggest a change", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "A date that would work better", p.due()),
                new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional: what would help",
                        true, true, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of("Use the button again to suggest a change."));
    }

    private Outcome moreTimeForm(Promise p, ZoneId zone) {
        Markup intro = Markup.builder().plain("Asking early is part of keeping a promise. ").person(p.receiverId())
                .plain(" will be told the new date for ").bold(p.what()).plain(" (due ")
                .plain(DueFormat.format(p.due(), zone, service.now())).plain(", your time).").build();
        Instant suggestion = (p.due().isAfter(service.now()) ? p.due() : service.now()).plus(java.time.Duration.ofDays(1));
        Form form = new Form(ActionIds.MORE_TIME_FORM, "Need more time", "Send", p.id().value(), List.of(
                new Form.Intro("intro", intro),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "New date", suggestion),
                new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional: why, and what they'll get",
                        true, true, Promise.MAX_NOTE_LENGTH)));
        return new Outcome.OpenForm(form, Message.of(Markup.builder().plain("Use ").code("/promise list")
                .plain(" and try again to ask for more time.").build()));
    }

    private Outcome releaseForm(Promise p) {
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

    // ---------------------------------------------------------------- forms

    /**
     * Checks a form at once, without asking anyone, so the person can fix it while it is open.
     * Empty when nothing is wrong with the fields themselves.
     */
    @Override
    public Map<String, String> check(Person actor, FormSubmission form) {
        switch (form.formId()) {
            case ActionIds.NEW_REQUEST_FORM -> {
                Map<String, String> problems = new java.util.LinkedHashMap<>(service.checkFields(actor,
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
            case ActionIds.NEW_PROMISE_FORM -> {
                return service.checkFields(actor, form.person(ActionIds.INPUT_RECEIVER), form.text(ActionIds.INPUT_WHAT).orElse(""),
                        form.text(ActionIds.INPUT_MATTERS).orElse(""), form.instant(ActionIds.INPUT_DUE));
            }
            case ActionIds.SUGGEST_FORM, ActionIds.MORE_TIME_FORM -> {
                Optional<Instant> due = form.instant(ActionIds.INPUT_DUE);
                if (due.isPresent() && !due.get().isAfter(service.now())) {
                    return Map.of(ActionIds.INPUT_DUE, "That time is already in the past. Pick a time in the future.");
                }
                if (due.isEmpty() && form.formId().equals(ActionIds.MORE_TIME_FORM)) {
                    return Map.of(ActionIds.INPUT_DUE, "Pick the new date.");
                }
                return Map.of();
            }
            case ActionIds.RELEASE_FORM -> {
                return form.text(ActionIds.INPUT_NOTE).isPresent() ? Map.of()
                        : Map.of(ActionIds.INPUT_NOTE, "Say why, in a few words: it helps them plan.");
            }
            default -> {
                return Map.of();
            }
        }
    }

    /** Acts on a submitted form; the answer goes to the person privately. */
    @Override
    public Outcome submit(Person actor, FormSubmission form) {
        return Guard.answer(() -> {
            switch (form.formId()) {
                case ActionIds.NEW_REQUEST_FORM -> {
                    String asked = form.person(ActionIds.INPUT_RECEIVER)
                            .orElseThrow(() -> new Refusal("Pick the colleague you're asking."));
                    Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick by when you need it."));
                    PromiseService.Made made = service.request(actor, asked, form.text(ActionIds.INPUT_WHAT).orElse(""), "", due);
                    return Outcome.reply(service.messages().requestSent(made.promise(), service.zoneOf(actor),
                            made.receiverTold()));
                }
                case ActionIds.NEW_PROMISE_FORM -> {
                    String receiver = form.person(ActionIds.INPUT_RECEIVER)
                            .orElseThrow(() -> new Refusal("Pick the colleague you're promising."));
                    Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick when it will be done."));
                    PromiseService.Made made = service.make(actor, receiver, form.text(ActionIds.INPUT_WHAT).orElse(""),
                            form.text(ActionIds.INPUT_MATTERS).orElse(""), due);
                    return Outcome.reply(service.messages().madeConfirmation(made.promise(), service.zoneOf(actor),
                            made.receiverTold()));
                }
                case ActionIds.SUGGEST_FORM -> {
                    PromiseId id = promiseId(form.context());
                    Promise current = service.find(actor, id);
                    Optional<Instant> due = form.instant(ActionIds.INPUT_DUE).filter(d -> !d.equals(current.due()));
                    PromiseService.Changed c = service.suggest(actor, id, due, form.text(ActionIds.INPUT_NOTE).orElse(""));
                    return Outcome.reply(service.messages().suggestionSent(c.promise(), c.otherPartyTold()));
                }
                case ActionIds.MORE_TIME_FORM -> {
                    Instant due = form.instant(ActionIds.INPUT_DUE).orElseThrow(() -> new Refusal("Pick the new date."));
                    PromiseService.Changed c = service.changeDue(actor, promiseId(form.context()), due,
                            form.text(ActionIds.INPUT_NOTE).orElse(""));
                    return Outcome.reply(service.messages().dueChangeAccepted(c.promise(), service.zoneOf(actor),
                            c.otherPartyTold()));
                }
                case ActionIds.RELEASE_FORM -> {
                    PromiseId id = promiseId(form.context());
                    service.find(actor, id).checkMayRelease(actor.userId());   // the form is the provider's only
                    PromiseService.Changed c = service.cancel(actor, id, form.text(ActionIds.INPUT_NOTE).orElse(""));
                    return Outcome.reply(service.messages().cancelConfirmation(c.promise(), c.otherPartyTold()));
                }
                default -> throw new Refusal("That form isn't one I know any more. Please start again.");
            }
        });
    }
}
