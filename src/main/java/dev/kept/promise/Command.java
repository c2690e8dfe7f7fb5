package dev.kept.promise;

import dev.kept.chat.Markup;

import java.time.Instant;
import java.util.Optional;

/**
 * What a person typed after {@code /promise} (or in a DM to Kept), as {@link CommandGrammar} reads it.
 * Nothing has been looked up, stored or sent yet: {@link PromiseInbound} acts on it.
 */
public sealed interface Command {

    /** Nothing after the keyword: a form to make a promise where one can open, else the help. */
    record Blank() implements Command {
    }

    /** {@code help}, {@code ?}, {@code hi}, {@code hello}. */
    record Help() implements Command {
    }

    /** {@code list}, {@code ls}. */
    record ListPromises() implements Command {
    }

    /** {@code done K7Q2} (also {@code deliver}, {@code delivered}). */
    record Done(PromiseId id) implements Command {
    }

    /** {@code decline K7Q2 reason}: saying no to a request; the reason as a person would read it, may be empty. */
    record Decline(PromiseId id, String reason) implements Command {
    }

    /** {@code cancel K7Q2 reason} (also {@code release}); the reason as a person would read it, may be empty. */
    record Cancel(PromiseId id, String reason) implements Command {
    }

    /**
     * {@code ask @bob for the deck by friday} (also {@code request}).
     *
     * @param asked     the colleague asked; empty when the first word is not a mention
     * @param alsoNamed a different colleague mentioned right after the first, if any (the directory has not been asked)
     * @param nothingTyped whether nothing at all followed {@code ask}
     */
    record Ask(Optional<String> asked, Optional<String> alsoNamed, boolean nothingTyped, When when) implements Command {
    }

    /**
     * {@code @bob the Q3 deck by friday 3pm}: anything that is no other command.
     *
     * @param receiver    the colleague promised, when the first word is a mention
     * @param unknownName the first word as typed when it looks like a mention ({@code @bobb}) but is none
     * @param alsoNamed   a different colleague mentioned right after the receiver, if any
     */
    record Make(Optional<String> receiver, Optional<String> unknownName, Optional<String> alsoNamed, When when)
            implements Command {
    }

    /** A word another feature answers ({@link CommandVerb}), and what followed it, stripped. */
    record Other(String verb, String args) implements Command {
    }

    /** A command that can't be acted on as typed (a missing or malformed promise id), and what to say. */
    record Unclear(Markup problem) implements Command {
    }

    /**
     * What is promised or asked for, and by when.
     *
     * @param what     the text before the due date, as a person would read it
     * @param due      the due time, empty when none was understood
     * @param whenText the text that should have been a date ("" when there was none)
     */
    record When(String what, Optional<Instant> due, String whenText) {

        static final When NONE = new When("", Optional.empty(), "");
    }
}
