package dev.kept.chat;

import java.util.Map;
import java.util.Set;

/**
 * One feature's buttons and forms, for every platform. Adapters route each click or submission to
 * the feature that owns its id; the feature checks who may do what.
 */
public interface Interactions {

    /** Button action ids this feature handles. */
    Set<String> actionIds();

    /** Form ids this feature handles; none for a feature that only has buttons. */
    default Set<String> formIds() {
        return Set.of();
    }

    Outcome action(Person actor, String actionId, String value);

    /** Problems with a submitted form that can be named at once, without asking anyone; empty when none. */
    default Map<String, String> check(Person actor, FormSubmission form) {
        return Map.of();
    }

    /** A submitted form of this feature; a feature without forms says the form is gone. */
    default Outcome submit(Person actor, FormSubmission form) {
        return Outcome.reply("That form isn't one I know any more. Please start again.");
    }
}
