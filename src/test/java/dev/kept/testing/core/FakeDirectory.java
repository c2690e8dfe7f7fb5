package dev.kept.testing.core;

import dev.kept.chat.Directory;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link Directory} of one workspace's people, added by hand; whoever was not added is unknown. */
public final class FakeDirectory implements Directory {

    /** Everyone known, by person; a test may clear it to make everyone unknown. */
    public final Map<Person, Profile> profiles = new ConcurrentHashMap<>();
    private final Workspace workspace;

    public FakeDirectory(Workspace workspace) {
        this.workspace = workspace;
    }

    public void add(String userId, String name, ZoneId zone, boolean bot, boolean active) {
        Person p = workspace.person(userId);
        profiles.put(p, new Profile(p, name, zone, bot, active));
    }

    @Override
    public Optional<Profile> lookup(Person person) {
        return Optional.ofNullable(profiles.get(person));
    }
}
