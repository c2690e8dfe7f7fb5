package dev.kept.store.redis;

import java.time.LocalDate;

/**
 * The nudge queue's keys: the only place their names are spelled. Those of one workspace share its hash
 * tag (one Redis Cluster slot); the two sets across workspaces have none and are read alone:
 * <pre>
 * kept:{slack:T123}:nudge:due                   sorted set: queued job ids, scored by due epoch millis
 * kept:{slack:T123}:nudge:leased                sorted set: claimed job ids, scored by lease expiry millis
 * kept:{slack:T123}:nudge:job:K7Q2.due.…        hash: the job's data fields, plus at (due millis),
 *                                               token (of the current lease), claims, attempts
 * kept:{slack:T123}:nudge:sent:K7Q2.due.…       string, 30 day TTL: this job was delivered (idempotency)
 * kept:{slack:T123}:nudge:held:U111             sorted set: ids held back for a person, scored by due millis
 * kept:{slack:T123}:nudge:failed                hash: id → reason of jobs that failed for good
 * kept:{slack:T123}:nudge:failed:order          list: the same ids, newest first
 * kept:{slack:T123}:nudge:count:U111:2026-03-02 counter, 3 day TTL: nudges a person got that day
 * kept:nudge:workspaces                         set of workspace keys with nudges (never shrunk)
 * kept:nudge:paused                             hash: workspace key → why its jobs are not claimed (uninstalled)
 * </pre>
 * Job ids are made by {@link dev.kept.nudge.NudgeIds}.
 */
final class NudgeKeys {

    private static final String NUDGE = "nudge:";

    private final String base;

    /** The nudge keys of the workspace whose keys start with {@code workspaceBase}, e.g. {@code kept:{slack:T123}:}. */
    NudgeKeys(String workspaceBase) {
        this.base = workspaceBase + NUDGE;
    }

    static String workspaces(String prefix) {
        return prefix + NUDGE + "workspaces";
    }

    static String paused(String prefix) {
        return prefix + NUDGE + "paused";
    }

    String due() {
        return base + "due";
    }

    String leased() {
        return base + "leased";
    }

    String job(String id) {
        return base + "job:" + id;
    }

    String sent(String id) {
        return base + "sent:" + id;
    }

    String held(String userId) {
        return base + "held:" + userId;
    }

    String failed() {
        return base + "failed";
    }

    String failedOrder() {
        return base + "failed:order";
    }

    String count(String userId, LocalDate day) {
        return base + "count:" + userId + ":" + day;
    }
}
