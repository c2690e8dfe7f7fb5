package dev.kept.chat;

import java.util.Objects;

/**
 * A workspace on one chat platform, e.g. Slack team {@code T123}. Identity in Kept is always
 * (platform, workspace, user), so data from two platforms or two workspaces never mixes.
 */
public record Workspace(String platform, String id) {

    public Workspace {
        requireToken(platform, "platform");
        requireToken(id, "id");
    }

    /** The stable key used to tag this workspace's data, e.g. {@code slack:T123}. */
    public String key() {
        return platform + ":" + id;
    }

    public Person person(String userId) {
        return new Person(this, userId);
    }

    static void requireToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(what + " must be a plain identifier: " + value);
        }
    }
}
