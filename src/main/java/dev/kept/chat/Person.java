package dev.kept.chat;

/** One person in one workspace on one platform. */
public record Person(Workspace workspace, String userId) {

    public Person {
        java.util.Objects.requireNonNull(workspace, "workspace");
        Workspace.requireToken(userId, "userId");
    }
}
