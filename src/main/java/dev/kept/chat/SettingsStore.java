package dev.kept.chat;

/** Port: each person's own settings. */
public interface SettingsStore {

    /** The person's settings, {@link PersonalSettings#DEFAULTS} when they never set any. */
    PersonalSettings of(Person person);

    void save(Person person, PersonalSettings settings);

    /** Everyone on the defaults, and nothing can be saved (for narrow tests and tools). */
    SettingsStore DEFAULTS_ONLY = new SettingsStore() {
        @Override
        public PersonalSettings of(Person person) {
            return PersonalSettings.DEFAULTS;
        }

        @Override
        public void save(Person person, PersonalSettings settings) {
            throw new UnsupportedOperationException("settings are not kept here");
        }
    };
}
