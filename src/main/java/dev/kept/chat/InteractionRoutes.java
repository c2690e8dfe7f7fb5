package dev.kept.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Which core feature owns each button or form id, so one adapter entry point can serve them all. */
public final class InteractionRoutes {

    private final Map<String, Interactions> owners = new HashMap<>();

    public InteractionRoutes(List<Interactions> features, Function<Interactions, Set<String>> ids) {
        for (Interactions feature : features) {
            for (String id : ids.apply(feature)) {
                Interactions previous = owners.put(id, feature);
                if (previous != null && previous != feature) {
                    throw new IllegalStateException("Two features claim the id " + id);
                }
            }
        }
    }

    public Set<String> ids() {
        return owners.keySet();
    }

    public Optional<Interactions> owner(String id) {
        return Optional.ofNullable(owners.get(id));
    }
}
