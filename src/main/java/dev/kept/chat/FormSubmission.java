package dev.kept.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What a person entered in a {@link Form}, by input id. Values are already platform-neutral. */
public record FormSubmission(String formId, String context, Map<String, String> texts,
                             Map<String, String> people, Map<String, Instant> instants) {

    public FormSubmission {
        texts = Map.copyOf(texts);
        people = Map.copyOf(people);
        instants = Map.copyOf(instants);
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
}
