package dev.kept.promise;

import dev.kept.chat.Workspace;

import java.time.Instant;

/**
 * A promise about to be made, or a request about to be asked ({@code status} REQUESTED); the store
 * gives it an id.
 */
public record PromiseDraft(Workspace workspace, String providerId, String receiverId, String what,
                           String whatMatters, Instant due, Instant created, PromiseStatus status, String source) {

    public PromiseDraft {
        source = source == null ? "" : source;
        if (status != PromiseStatus.OPEN && status != PromiseStatus.REQUESTED) {
            throw new IllegalArgumentException("A new promise is OPEN or REQUESTED, not " + status);
        }
    }

    public PromiseDraft(Workspace workspace, String providerId, String receiverId, String what,
                        String whatMatters, Instant due, Instant created) {
        this(workspace, providerId, receiverId, what, whatMatters, due, created, PromiseStatus.OPEN, "");
    }

    public PromiseDraft(Workspace workspace, String providerId, String receiverId, String what,
                        String whatMatters, Instant due, Instant created, PromiseStatus status) {
        this(workspace, providerId, receiverId, what, whatMatters, due, created, status, "");
    }

    Promise withId(PromiseId id) {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, due, created,
                status, 0, 0, "", Feedback.NONE, 1, source);
    }
}
