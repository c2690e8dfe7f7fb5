package dev.kept.testing.core;

import dev.kept.promise.FollowUps;
import dev.kept.promise.Promise;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link FollowUps} that plan nothing and record what the service asked to plan for each change. */
public final class RecordingFollowUps implements FollowUps {

    public final List<Promise.Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public Plan afterCreate(Promise promise) {
        return Plan.none();
    }

    @Override
    public Plan afterChange(Promise.Change change) {
        changes.add(change);
        return Plan.none();
    }
}
