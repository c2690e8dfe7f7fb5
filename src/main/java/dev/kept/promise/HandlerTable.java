package dev.kept.promise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Handlers by the id a button or form carries. The ids a feature announces ({@code actionIds()},
 * {@code formIds()}) are this table's keys, so an id is written once, next to what it does; a second
 * handler for the same id fails at start-up.
 */
final class HandlerTable<H> {

    private final Map<String, H> handlers;

    private HandlerTable(Map<String, H> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** The ids there is a handler for. */
    Set<String> ids() {
        return handlers.keySet();
    }

    Optional<H> find(String id) {
        return Optional.ofNullable(handlers.get(id));
    }

    static final class Builder<H> {

        private final Map<String, H> handlers = new LinkedHashMap<>();

        private Builder() {
        }

        Builder<H> on(String id, H handler) {
            if (handlers.putIfAbsent(id, handler) != null) {
                throw new IllegalStateException("Two handlers for " + id);
            }
            return this;
        }

        HandlerTable<H> build() {
            return new HandlerTable<>(handlers);
        }
    }
}
