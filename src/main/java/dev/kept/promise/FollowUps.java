package dev.kept.promise;

import java.util.List;

/**
 * Port: what a promise's change implies for later. Implemented by the nudge planner; the store
 * writes the plan together with the change.
 */
public interface FollowUps {

    Plan afterCreate(Promise promise);

    Plan afterChange(Promise.Change change);

    /** How long after delivery the receiver may still rate the promise. */
    default java.time.Duration ratingOpenFor() {
        return java.time.Duration.ofDays(7);
    }

    /** Jobs to add (or move) and job ids to drop. */
    record Plan(List<FollowUp> schedule, List<String> cancel) {

        public Plan {
            schedule = List.copyOf(schedule);
            cancel = List.copyOf(cancel);
        }

        public static Plan none() {
            return new Plan(List.of(), List.of());
        }
    }

    /** No follow-ups at all. */
    FollowUps NONE = new FollowUps() {
        @Override
        public Plan afterCreate(Promise promise) {
            return Plan.none();
        }

        @Override
        public Plan afterChange(Promise.Change change) {
            return Plan.none();
        }
    };
}
