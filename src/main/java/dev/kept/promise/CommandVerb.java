package dev.kept.promise;

import dev.kept.chat.Markup;
import dev.kept.chat.Outcome;

import java.util.List;
import java.util.Set;

/**
 * A word after {@code /promise} (or first in a DM) that another feature answers: {@code stats},
 * {@code export}, {@code settings}, … {@link PromiseInbound} hands the rest of the line over.
 */
public interface CommandVerb {

    /** The words this feature answers, lower case. */
    Set<String> verbs();

    /** @param args what follows the verb, stripped (may be empty) */
    Outcome run(Invocation in, String args);

    /**
     * Lines for {@code /promise help}: the command as a {@link Markup.Code} span, then what it does, e.g.
     * {@code Markup.builder().code("/promise stats").plain(": how you're doing")}.
     */
    default List<Markup> help() {
        return List.of();
    }
}
