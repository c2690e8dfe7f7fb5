package dev.kept.teams;

import dev.kept.chat.BoundedWork;

/** Where the Teams adapter puts the work that follows its answer to the Bot Framework. */
class TeamsWork extends BoundedWork {

    static final int WORKERS = 16;
    static final int QUEUE = 1_000;

    TeamsWork() {
        super("teams", WORKERS, QUEUE);
    }
}
