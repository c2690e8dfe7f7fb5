package dev.kept.store.redis;

import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;

import java.util.List;
import java.util.Map;

/**
 * Writes follow-up jobs into a workspace's nudge queue from inside a Lua script, so the promise
 * change and the nudges it implies are one atomic step. The Lua function reads its arguments from
 * ARGV starting at a given index; {@link #args} lays them out.
 *
 * <p>A job is added only if it is neither already queued nor already sent: planning the same nudge
 * twice is harmless and never disturbs a job another instance is sending. Cancelled ids are removed
 * from the queue (a job being sent right now finishes, and re-checks its promise before sending).
 */
final class NudgeJobs {

    /**
     * {@code follow_ups(base, i)}: base is the workspace's nudge key prefix; returns the next ARGV index.
     * Layout from i: n, then n × (id, at, field count f, f × (field, value)), then c, then c × id.
     */
    static final String LUA_FUNCTION = """
            local function follow_ups(base, i)
              local n = tonumber(ARGV[i]); i = i + 1
              for k = 1, n do
                local id, at, f = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
                i = i + 3
                local job = base .. 'job:' .. id
                if redis.call('EXISTS', base .. 'sent:' .. id) == 0 and redis.call('EXISTS', job) == 0 then
                  redis.call('HSET', job, 'at', at, unpack(ARGV, i, i + 2 * f - 1))
                  redis.call('ZADD', base .. 'due', at, id)
                end
                i = i + 2 * f
              end
              local c = tonumber(ARGV[i]); i = i + 1
              for k = 1, c do
                local id = ARGV[i]; i = i + 1
                redis.call('ZREM', base .. 'due', id)
                redis.call('ZREM', base .. 'leased', id)
                redis.call('DEL', base .. 'job:' .. id)
              end
              return i
            end
            """;

    private NudgeJobs() {
    }

    /** Appends the plan to {@code args} in the layout {@link #LUA_FUNCTION} reads. */
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
