package dev.kept.chat;

import java.util.Optional;

/** Port: who is this person? Implemented per platform (Slack: users.info, cached). */
public interface Directory {

    /** The person's profile, or empty when the platform does not know them. */
    Optional<Profile> lookup(Person person);
}
