package dev.kept.store.redis;

import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;

import java.util.List;
import java.util.Map;

/**
 * Writes follow-up jobs into a workspace's nudge queue from inside a Lua script, so the promise
 * change and the nudges it implies are one atomic step. The Lua function {@code follow_ups(k, i)}
 * ({@value LuaScripts#FOLLOW_UPS}.lua) reads its keys from KEYS starting at index k and its arguments
 * from ARGV starting at index i; {@link #keys} and {@link #args} lay them out.
 *
 * <p>A job is added only if it is neither already queued nor already sent: planning the same nudge
 * twice is harmless and never disturbs a job another instance is sending. Cancelled ids are removed
 * from the queue (a job being sent right now finishes, and re-checks its promise before sending).
 */
final class NudgeJobs {

    private NudgeJobs() {
    }

    /**
     * Appends the plan's keys to {@code keys}: due, leased, then job and sent of each job to add, then
     * job of each id to cancel.
     */
    static void keys(NudgeKeys nudges, FollowUps.Plan plan, List<String> keys) {
        keys.add(nudges.due());
        keys.add(nudges.leased());
        for (FollowUp job : plan.schedule()) {
            keys.add(nudges.job(job.id()));
            keys.add(nudges.sent(job.id()));
        }
        for (String id : plan.cancel()) {
            keys.add(nudges.job(id));
        }
    }

    /**
     * Appends the plan to {@code args}: n, then n × (id, at, field count f, f × (field, value)), then
     * c, then c × id.
     */
    static void args(FollowUps.Plan plan, List<String> args) {
        args.add(Integer.toString(plan.schedule().size()));
        for (FollowUp job : plan.schedule()) {
            args.add(job.id());
            args.add(Long.toString(job.at().toEpochMilli()));
            args.add(Integer.toString(job.data().size()));
            for (Map.Entry<String, String> e : job.data().entrySet()) {
                args.add(e.getKey());
                args.add(e.getValue());
            }
        }
        args.add(Integer.toString(plan.cancel().size()));
        args.addAll(plan.cancel());
    }
}
