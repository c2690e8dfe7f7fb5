package dev.kept.chat;

import java.time.Duration;

/** Port: remembers keys for a while, so that something delivered twice is acted on once. */
public interface Once {

    /** True the first time {@code key} is seen within {@code remember}; false for every repeat. */
    boolean first(String key, Duration remember);
}
