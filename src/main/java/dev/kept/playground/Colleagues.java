package dev.kept.playground;

import dev.kept.chat.HostedChatStore;
import dev.kept.chat.HostedChatStore.Colleague;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The simulated workspace's people; the default three come back whenever it is empty (first start, reset). */
@Component
class Colleagues {

    static final Workspace WORKSPACE = new Workspace("playground", "local");
    static final List<Colleague> DEFAULTS = List.of(
            new Colleague("alice", "Alice", "Europe/Berlin"),
            new Colleague("bob", "Bob", "America/New_York"),
            new Colleague("carol", "Carol", "Asia/Tokyo"));

    private final HostedChatStore store;

    Colleagues(HostedChatStore store) {
        this.store = store;
    }

    List<Colleague> all() {
        List<Colleague> all = store.colleagues(WORKSPACE);
        if (all.isEmpty()) {
            DEFAULTS.forEach(c -> store.saveColleague(WORKSPACE, c));
            all = store.colleagues(WORKSPACE);
        }
        return all;
    }

    Optional<Colleague> byId(String userId) {
        return all().stream().filter(c -> c.userId().equals(userId)).findFirst();
    }

    /** {@code alice} or {@code Alice}: by id or by name, ignoring case. */
    Optional<Colleague> byName(String name) {
        return all().stream().filter(c -> c.userId().equalsIgnoreCase(name) || c.displayName().equalsIgnoreCase(name))
                .findFirst();
    }

    Person person(String userId) {
        return WORKSPACE.person(userId);
    }

    static ZoneId zone(Colleague c) {
        try {
            return ZoneId.of(c.zone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * Adds a colleague or changes one. The id is made from the name for a new one; the problem, if
     * any, comes back as words for the page.
     */
    Optional<String> save(String userId, String name, String zone) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 40) {
            return Optional.of("Give the colleague a name of 1 to 40 characters.");
        }
        try {
            ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            return Optional.of("\"" + zone + "\" is not a time zone: use a name like Europe/Berlin or America/New_York.");
        }
        String id = userId == null || userId.isBlank()
                ? cleanName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "")
                : userId;
        if (id.isEmpty() || !id.matches("[A-Za-z0-9._-]+")) {
            return Optional.of("Use letters or digits in the name of a new colleague.");
        }
        all();
        store.saveColleague(WORKSPACE, new Colleague(id, cleanName, zone.strip()));
        return Optional.empty();
    }
}
