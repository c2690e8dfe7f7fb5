package dev.kept.promise.when;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise text split into what is promised and when it is due.
 *
 * @param what     the text before the "by" that introduces the due date, trimmed, casing untouched
 * @param due      the parsed due instant, empty when no "when" part was understood
 * @param whenText the trimmed text after that "by" ("" when there is none)
 */
public record WhatAndWhen(String what, Optional<ZonedDateTime> due, String whenText) {

    public WhatAndWhen {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(whenText, "whenText");
    }
}
