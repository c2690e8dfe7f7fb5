package dev.kept.promise;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something to do later about a promise (a nudge), stored in the same atomic step as the change
 * that implies it, so a promise is never saved without the reminders it needs.
 *
 * @param id   unique in the workspace and deterministic, so planning the same thing twice is harmless
 * @param at   when it is due
 * @param data what the job needs later (opaque to the store)
 */
public record FollowUp(String id, Instant at, Map<String, String> data) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        data = Map.copyOf(data);
    }
}
