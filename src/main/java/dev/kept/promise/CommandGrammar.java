package dev.kept.promise;

import dev.kept.chat.Markup;
import dev.kept.chat.PlatformText;
import dev.kept.promise.when.DueDateParser;
import dev.kept.promise.when.WhatAndWhen;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The grammar of {@code /promise} and of a DM to Kept: reads typed text into a {@link Command}.
 * It looks nothing up and changes nothing; the only outside input is the person's local time,
 * asked for only when the command carries a date.
 */
public final class CommandGrammar {

    private static final Set<String> COMMAND_WORDS = Set.of("help", "?", "list", "ls", "done", "deliver",
            "delivered", "cancel", "release");

    private final DueDateParser dates = new DueDateParser();
    private final Set<String> otherVerbs;

    /** @param otherVerbs the words other features answer ({@link CommandVerb#verbs()}), lower case */
    public CommandGrammar(Set<String> otherVerbs) {
        this.otherVerbs = Set.copyOf(otherVerbs);
    }

    /**
     * @param typed    what the person typed, with or without the {@code /promise} or {@code promise} keyword
     * @param text     how their platform writes mentions and escapes text
     * @param localNow the person's current time in their zone; asked only to read a due date
     */
    public Command parse(String typed, PlatformText text, Supplier<ZonedDateTime> localNow) {
        String body = stripKeyword(typed == null ? "" : typed.strip());
        if (body.isEmpty()) {
            return new Command.Blank();
        }
        String[] words = body.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String args = body.substring(words[0].length()).strip();
        switch (verb) {
            case "help", "?", "hi", "hello" -> {
                return new Command.Help();
            }
            case "list", "ls" -> {
                return new Command.ListPromises();
            }
            case "done", "deliver", "delivered" -> {
                return idProblem(words, "done").orElseGet(() -> new Command.Done(id(words)));
            }
            case "ask", "request" -> {
                return ask(args, text, localNow);
            }
            case "decline" -> {
                return idProblem(words, "decline").orElseGet(() -> new Command.Decline(id(words), reason(words, text)));
            }
            case "cancel", "release" -> {
                return idProblem(words, "cancel").orElseGet(() -> new Command.Cancel(id(words), reason(words, text)));
            }
            default -> {
                if (otherVerbs.contains(verb)) {
                    return new Command.Other(verb, args);
                }
                return make(body, text, localNow);
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
        return words.length <= 2 && (COMMAND_WORDS.contains(first) || otherVerbs.contains(first));
    }

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

    private static Optional<Command> idProblem(String[] words, String verb) {
        if (words.length < 2) {
            return Optional.of(new Command.Unclear(Markup.builder().plain("Which promise? Add its id, e.g. ")
                    .code("/promise " + verb + " K7Q2").plain(". ").code("/promise list").plain(" shows them.").build()));
        }
        if (PromiseId.parse(words[1]).isEmpty()) {
            return Optional.of(new Command.Unclear(Markup.builder()
                    .plain("That doesn't look like a promise id (they look like ").bold("K7Q2")
                    .plain("). ").code("/promise list").plain(" shows yours.").build()));
        }
        return Optional.empty();
    }

    private static PromiseId id(String[] words) {
        return PromiseId.parse(words[1]).orElseThrow();
    }

    private static String reason(String[] words, PlatformText text) {
        return words.length > 2 ? text.plain(words[2]) : "";
    }

    /** {@code ask @bob for the Q3 deck by friday}: a request, answered by the colleague asked. */
    private Command ask(String body, PlatformText text, Supplier<ZonedDateTime> localNow) {
        String[] firstAndRest = body.split("\\s+", 2);
        Optional<String> asked = text.userIdOf(firstAndRest[0]);
        String rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        if (asked.isEmpty()) {
            return new Command.Ask(asked, Optional.empty(), body.isBlank(), Command.When.NONE);
        }
        Optional<String> alsoNamed = nextMention(text, asked.get(), rest);
        // "for the deck" is asked for; "to review the doc" keeps its "to", so the messages read as typed.
        rest = rest.replaceFirst("(?i)^for\\s+", "").replaceFirst("(?i)^to\\s+", "to ");
        return new Command.Ask(asked, alsoNamed, body.isBlank(), when(text.plain(rest), localNow));
    }

    private Command make(String body, PlatformText text, Supplier<ZonedDateTime> localNow) {
        String[] firstAndRest = body.split("\\s+", 2);
        String first = firstAndRest[0];
        Optional<String> receiver = text.userIdOf(first);
        Optional<String> unknownName = Optional.empty();
        String rest = body;
        if (receiver.isPresent()) {
            rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        } else if (first.startsWith("@") && first.length() > 1) {
            unknownName = Optional.of(text.plain(first));
            rest = firstAndRest.length > 1 ? firstAndRest[1] : "";
        }
        String afterFirst = rest;
        Optional<String> alsoNamed = receiver.flatMap(to -> nextMention(text, to, afterFirst));
        return new Command.Make(receiver, unknownName, alsoNamed, when(text.plain(rest), localNow));
    }

    /**
     * A second colleague mentioned right after the first ("@bob @carol the deck"): a promise or request has one
     * other person. Only right after the first: a mention later in the text is part of what is promised.
     */
    private static Optional<String> nextMention(PlatformText text, String first, String rest) {
        String next = rest.strip().split("\\s+", 2)[0].replaceAll("[.,;:!?]+$", "");
        return text.userIdOf(next).filter(other -> !other.equals(first));
    }

    private Command.When when(String plainRest, Supplier<ZonedDateTime> localNow) {
        // A leading space lets "by friday" with nothing before it still be read as the due date.
        WhatAndWhen parsed = dates.split(" " + plainRest, localNow.get());
        return new Command.When(parsed.what(), parsed.due().map(ZonedDateTime::toInstant), parsed.whenText());
    }
}
