package dev.kept.promise;

import dev.kept.chat.Workspace;

import java.time.Instant;

/** A promise about to be made; the store gives it an id. */
public record PromiseDraft(Workspace workspace, String providerId, String receiverId, String what,
                           String whatMatters, Instant due, Instant created) {

    Promise withId(PromiseId id) {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, due, created,
                PromiseStatus.OPEN, 0, 0, "", 1);
    }
}
