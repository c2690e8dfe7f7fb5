package dev.kept.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person entered in a {@link Form}, by input id. Values are already platform-neutral.
 *
 * @param choices the values chosen in each {@link Form.ChoiceInput} that came back (an empty list: none
 *                chosen, e.g. every checkbox cleared)
 */
public record FormSubmission(String formId, String context, Map<String, String> texts,
                             Map<String, String> people, Map<String, Instant> instants,
                             Map<String, List<String>> choices) {

    public FormSubmission {
        texts = Map.copyOf(texts);
        people = Map.copyOf(people);
        instants = Map.copyOf(instants);
        Map<String, List<String>> copy = new java.util.HashMap<>();
        choices.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        choices = Map.copyOf(copy);
    }

    /** A submission without choices. */
    public FormSubmission(String formId, String context, Map<String, String> texts,
                          Map<String, String> people, Map<String, Instant> instants) {
        this(formId, context, texts, people, instants, Map.of());
    }

    public Optional<String> text(String inputId) {
        return Optional.ofNullable(texts.get(inputId)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> person(String inputId) {
        return Optional.ofNullable(people.get(inputId));
    }

    public Optional<Instant> instant(String inputId) {
        return Optional.ofNullable(instants.get(inputId));
    }

    /** The values chosen in a choice input; empty when none were (or the input did not come back). */
    public List<String> choices(String inputId) {
        return choices.getOrDefault(inputId, List.of());
    }

    /** The one value chosen in a single choice, if any. */
    public Optional<String> choice(String inputId) {
        List<String> chosen = choices(inputId);
        return chosen.isEmpty() ? Optional.empty() : Optional.of(chosen.get(0));
    }
}
