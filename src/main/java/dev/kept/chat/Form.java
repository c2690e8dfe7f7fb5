package dev.kept.chat;

import java.time.Instant;
import java.util.List;

/**
 * A platform-neutral form (a Slack modal, an HTML form, an Adaptive Card with inputs).
 *
 * @param formId   which form this is; the submission comes back with it
 * @param context  opaque data that comes back with the submission (e.g. a promise id)
 */
public record Form(String formId, String title, String submitLabel, String context, List<Input> inputs) {

    public Form {
        inputs = List.copyOf(inputs);
    }

    public sealed interface Input permits PersonInput, TextInput, DateTimeInput, Intro {
        String id();
    }

    /** Read-only explanation at the top of the form. */
    public record Intro(String id, Markup text) implements Input {
    }

    public record PersonInput(String id, String label, String initialUserId) implements Input {
    }

    public record TextInput(String id, String label, String initialValue, String placeholder,
                            boolean multiline, boolean optional, int maxLength) implements Input {
    }

    public record DateTimeInput(String id, String label, Instant initialValue) implements Input {
    }
}
