package dev.kept.promise;

import dev.kept.chat.Directory;
import dev.kept.chat.Person;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Profile;
import dev.kept.chat.SettingsStore;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Who colleagues are, for the promise rules: their chat profile, their own settings and so their time zone. */
@Component
public class People {

    private final Directory directory;
    private final SettingsStore settings;

    public People(Directory directory, SettingsStore settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** Their chat profile, when the workspace's directory knows them. */
    public Optional<Profile> lookup(Person person) {
        return directory.lookup(person);
    }

    /** Whether {@code person} is someone the workspace's directory knows (a real colleague, not just typed text). */
    public boolean knows(Person person) {
        return lookup(person).isPresent();
    }

    public PersonalSettings settings(Person person) {
        return settings.of(person);
    }

    /** Whether Kept may ask {@code person} for feedback (they can opt out in their settings). */
    public boolean wantsPrompts(Person person) {
        return settings(person).feedbackPrompts();
    }

    /** The person's time zone: their own setting if they made one, else their chat profile's, else UTC. */
    public ZoneId zoneOf(Person person) {
        return settings(person).zoneOverride().orElseGet(() -> lookup(person).map(Profile::zone).orElse(ZoneOffset.UTC));
    }

    /** Their zone when their profile is already at hand: their own setting, else the profile's. */
    ZoneId zoneOf(Person person, Profile profile) {
        return settings(person).zoneOverride().orElse(profile.zone());
    }
}
