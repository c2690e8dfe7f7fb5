package dev.kept.chat;

import java.time.Duration;
import java.util.Optional;

/** Port: a short-lived cache of profiles so that a message does not cost a directory call. */
public interface ProfileCache {

    Optional<Profile> get(Person person);

    void put(Profile profile, Duration timeToLive);
}
