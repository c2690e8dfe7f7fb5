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

    public sealed interface Input permits PersonInput, TextInput, DateTimeInput, ChoiceInput, Intro {
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

    /**
     * A choice among fixed options: exactly one (a select) or any number of them (checkboxes). The
     * submission carries the chosen values ({@link FormSubmission#choices(String)}).
     *
     * @param initial  the values chosen when the form opens (each one of {@code options})
     * @param multiple true: any number may be chosen (checkboxes); false: one (a select)
     * @param optional whether the form may be sent with nothing chosen
     */
    public record ChoiceInput(String id, String label, List<Choice> options, List<String> initial, boolean multiple,
                              boolean optional) implements Input {
        public ChoiceInput {
            options = List.copyOf(options);
            initial = List.copyOf(initial);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one option: " + id);
            }
            for (String value : initial) {
                if (options.stream().noneMatch(o -> o.value().equals(value))) {
                    throw new IllegalArgumentException("initial value " + value + " is not an option of " + id);
                }
            }
            if (!multiple && initial.size() > 1) {
                throw new IllegalArgumentException("a single choice starts with one value at most: " + id);
            }
        }
    }

    /** One option of a {@link ChoiceInput}: the value that comes back, and the words shown. */
    public record Choice(String value, String label) {
    }
}
