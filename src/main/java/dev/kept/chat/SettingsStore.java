package dev.kept.chat;

/** Port: each person's own settings. */
public interface SettingsStore {

    /** The person's settings, {@link PersonalSettings#DEFAULTS} when they never set any. */
    PersonalSettings of(Person person);

    void save(Person person, PersonalSettings settings);
}
