package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The nudge queue in Redis: per workspace, a sorted set of due job ids, a sorted set of leased
 * (claimed) ids scored by lease expiry and a hash per job; a job's id is remembered as sent for
 * {@link #SENT_FOR}. Every change is one Lua script on the keys of one workspace, which all share the
 * workspace's hash tag (one Redis Cluster slot) and are all passed in KEYS. The keys are laid out in
 * {@link NudgeKeys}; the scripts are {@code lua/nudge_*.lua} (see {@link LuaScripts}).
 *
 * <p>A job is leased iff its hash has a {@code token}: claiming sets a fresh one, and only a caller
 * presenting it can finish the job. A lease that expired but was not claimed again can still be
 * finished by its holder (nothing else took it, and refusing would only make the job go out twice).
 *
 * <p>The data field names {@code at}, {@code token}, {@code claims} and {@code attempts} are the
 * queue's own; jobs queued here may not use them.
 */
@Repository
public class RedisNudgeQueue implements NudgeQueue {

    static final Duration SENT_FOR = Duration.ofDays(30);
    static final Duration COUNTED_FOR = Duration.ofDays(3);
    /** How many failed jobs {@link #failed} remembers per workspace; older ones are forgotten. */
    static final int FAILED_KEPT = 1000;
    static final Set<String> RESERVED_FIELDS = Set.of("at", "token", "claims", "attempts");

    // The scripts (resources under lua/, each saying what its KEYS are); the follow-ups' keys come last.
    private static final RedisScript<Long> SCHEDULE = LuaScripts.load(Long.class, "nudge_schedule",
            LuaScripts.FOLLOW_UPS);
    private static final RedisScript<Long> SENT = LuaScripts.load(Long.class, "nudge_sent",
            LuaScripts.FOLLOW_UPS, LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> DROP = LuaScripts.load(Long.class, "nudge_drop", LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> FAIL = LuaScripts.load(Long.class, "nudge_fail", LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> RETRY = LuaScripts.load(Long.class, "nudge_retry", LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> HOLD = LuaScripts.load(Long.class, "nudge_hold",
            LuaScripts.FOLLOW_UPS, LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> SENT_HELD = LuaScripts.load(Long.class, "nudge_sent_held",
            LuaScripts.FOLLOW_UPS, LuaScripts.OWN_LEASE);
    private static final RedisScript<Long> RESERVE = LuaScripts.load(Long.class, "nudge_reserve");
    private static final RedisScript<Long> RELEASE = LuaScripts.load(Long.class, "nudge_release");
    private static final RedisScript<List> FAILED = LuaScripts.load(List.class, "nudge_failed");

    private final StringRedisTemplate redis;
    private final Keys keys;
    private final NudgeWorkspaces workspaces;
    private final NudgeClaims claims;

    @Autowired
    public RedisNudgeQueue(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
        this.workspaces = new NudgeWorkspaces(redis, keys);
        this.claims = new NudgeClaims(redis, keys, workspaces);
    }

    // ---------------------------------------------------------------- claiming

    @Override
    public List<Claim> claim(Instant now, Duration lease, int max) {
        return claims.claim(now, lease, max);
    }

    @Override
    public Optional<Instant> nextDue() {
        List<Workspace> workspaces = this.workspaces.polled();
        if (workspaces.isEmpty()) {
            return Optional.empty();
        }
        List<Object> firsts = RedisFailures.guard("find the next due nudge",
                () -> Pipelines.run(redis, ops -> {
                    for (Workspace ws : workspaces) {
                        ops.opsForZSet().rangeWithScores(dueKey(ws), 0, 0);
                        ops.opsForZSet().rangeWithScores(leasedKey(ws), 0, 0);
                    }
                }));
        Double earliest = null;
        for (Object found : firsts) {
            if (found instanceof Collection<?> tuples) {
                for (Object t : tuples) {
                    if (t instanceof TypedTuple<?> tuple && tuple.getScore() != null
                            && (earliest == null || tuple.getScore() < earliest)) {
                        earliest = tuple.getScore();
                    }
                }
            }
        }
        return earliest == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(earliest.longValue()));
    }

    // ---------------------------------------------------------------- queueing and finishing

    @Override
    public void schedule(Workspace workspace, List<FollowUp> jobs) {
        Objects.requireNonNull(workspace, "workspace");
        checkFollowUps(jobs);
        if (jobs.isEmpty()) {
            return;
        }
        workspaces.register(workspace);
        List<String> keyList = new ArrayList<>();
        NudgeJobs.keys(keys.nudges(workspace), plan(jobs), keyList);
        List<String> args = new ArrayList<>();
        NudgeJobs.args(plan(jobs), args);
        RedisFailures.guard("queue " + jobs.size() + " nudges in " + workspace.key(),
                () -> redis.execute(SCHEDULE, keyList, args.toArray()));
    }

    @Override
    public boolean sent(Claim claim, List<FollowUp> followUps) {
        Objects.requireNonNull(claim, "claim");
        Workspace ws = claim.workspace();
        NudgeKeys nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(nudges.leased(), nudges.job(claim.id()), nudges.sent(claim.id())));
        NudgeJobs.keys(nudges, plan(followUps), keyList);
        List<String> args = sentArgs(claim, followUps);
        NudgeJobs.args(plan(followUps), args);
        return ok(RedisFailures.guard("mark nudge " + claim.id() + " sent in " + ws.key(),
                () -> redis.execute(SENT, keyList, args.toArray())));
    }

    @Override
    public boolean drop(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        Workspace ws = claim.workspace();
        return ok(RedisFailures.guard("drop nudge " + claim.id() + " in " + ws.key(),
                () -> redis.execute(DROP, List.of(leasedKey(ws), jobKey(ws, claim.id())), claim.token(), claim.id())));
    }

    @Override
    public boolean fail(Claim claim, String reason) {
        Objects.requireNonNull(claim, "claim");
        Workspace ws = claim.workspace();
        String why = reason == null ? "" : reason;
        return ok(RedisFailures.guard("record nudge " + claim.id() + " as failed in " + ws.key(),
                () -> redis.execute(FAIL, List.of(leasedKey(ws), jobKey(ws, claim.id()), failedKey(ws), failedOrderKey(ws)),
                        claim.token(), claim.id(), why, Integer.toString(FAILED_KEPT))));
    }

    @Override
    public boolean retryAt(Claim claim, Instant at, int attempts) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(at, "at");
        Workspace ws = claim.workspace();
        return ok(RedisFailures.guard("put nudge " + claim.id() + " back in the queue of " + ws.key(),
                () -> redis.execute(RETRY, List.of(leasedKey(ws), jobKey(ws, claim.id()), dueKey(ws)),
                        claim.token(), claim.id(), Long.toString(at.toEpochMilli()), Integer.toString(attempts))));
    }

    @Override
    public boolean wasSent(Workspace workspace, String id) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(id, "id");
        Boolean sent = RedisFailures.guard("check whether nudge " + id + " was sent in " + workspace.key(),
                () -> redis.hasKey(sentKey(workspace, id)));
        return Boolean.TRUE.equals(sent);
    }

    // ---------------------------------------------------------------- holding back over the cap

    @Override
    public boolean hold(Claim claim, Person person, FollowUp digest) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(digest, "digest");
        sameWorkspace(claim, person);
        checkFollowUps(List.of(digest));
        Workspace ws = claim.workspace();
        workspaces.register(ws);
        NudgeKeys nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(nudges.leased(), nudges.job(claim.id()),
                nudges.held(person.userId())));
        NudgeJobs.keys(nudges, plan(List.of(digest)), keyList);
        List<String> args = new ArrayList<>();
        args.add(claim.token());
        args.add(claim.id());
        NudgeJobs.args(plan(List.of(digest)), args);
        return ok(RedisFailures.guard("hold nudge " + claim.id() + " for " + person.userId() + " in " + ws.key(),
                () -> redis.execute(HOLD, keyList, args.toArray())));
    }

    @Override
    public List<Held> held(Person person) {
        Objects.requireNonNull(person, "person");
        Workspace ws = person.workspace();
        Set<String> ids = RedisFailures.guard("list nudges held for " + person.userId() + " in " + ws.key(),
                () -> redis.opsForZSet().range(heldKey(person), 0, -1));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> idList = new ArrayList<>(ids);
        List<Object> hashes = RedisFailures.guard("read nudges held for " + person.userId() + " in " + ws.key(),
                () -> Pipelines.run(redis, ops -> {
                    for (String id : idList) {
                        ops.<String, String>opsForHash().entries(jobKey(ws, id));
                    }
                }));
        List<Held> held = new ArrayList<>(idList.size());
        for (int i = 0; i < idList.size() && i < hashes.size(); i++) {
            if (hashes.get(i) instanceof Map<?, ?> hash && !hash.isEmpty()) {
                Map<String, String> fields = new HashMap<>();
                hash.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
                held.add(new Held(idList.get(i), data(fields)));
            }
        }
        return held;
    }

    @Override
    public boolean sentHeld(Claim digest, Person person, List<String> deliveredIds, List<String> doneIds,
                            List<FollowUp> followUps) {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(deliveredIds, "deliveredIds");
        Objects.requireNonNull(doneIds, "doneIds");
        sameWorkspace(digest, person);
        Workspace ws = digest.workspace();
        NudgeKeys nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(nudges.leased(), nudges.job(digest.id()),
                nudges.sent(digest.id()), nudges.held(person.userId()), nudges.due()));
        for (String id : deliveredIds) {
            keyList.add(nudges.job(id));
            keyList.add(nudges.sent(id));
        }
        for (String id : doneIds) {
            keyList.add(nudges.job(id));
        }
        NudgeJobs.keys(nudges, plan(followUps), keyList);
        List<String> args = sentArgs(digest, followUps);
        args.add(Integer.toString(deliveredIds.size()));
        args.addAll(deliveredIds);
        args.add(Integer.toString(doneIds.size()));
        args.addAll(doneIds);
        NudgeJobs.args(plan(followUps), args);
        return ok(RedisFailures.guard("mark digest " + digest.id() + " for " + person.userId() + " sent in " + ws.key(),
                () -> redis.execute(SENT_HELD, keyList, args.toArray())));
    }

    /**
     * The arguments every "delivered" script starts with (token, id, how long to remember it as sent);
     * registers the workspace first when follow-ups will be queued in it.
     */
    private List<String> sentArgs(Claim claim, List<FollowUp> followUps) {
        checkFollowUps(followUps);
        if (!followUps.isEmpty()) {
            workspaces.register(claim.workspace());
        }
        List<String> args = new ArrayList<>();
        args.add(claim.token());
        args.add(claim.id());
        args.add(Long.toString(SENT_FOR.toSeconds()));
        return args;
    }

    // ---------------------------------------------------------------- daily counts

    @Override
    public long reserve(Person person, LocalDate day) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(day, "day");
        Long count = RedisFailures.guard("count a nudge for " + person.userId() + " in " + person.workspace().key(),
                () -> redis.execute(RESERVE, List.of(countKey(person, day)), Long.toString(COUNTED_FOR.toSeconds())));
        return count == null ? 0 : count;
    }

    @Override
    public void release(Person person, LocalDate day) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(day, "day");
        RedisFailures.guard("take back a nudge count of " + person.userId() + " in " + person.workspace().key(),
                () -> redis.execute(RELEASE, List.of(countKey(person, day))));
    }

    @Override
    public Map<String, String> failed(Workspace workspace) {
        Objects.requireNonNull(workspace, "workspace");
        List<?> pairs = RedisFailures.guard("list failed nudges in " + workspace.key(),
                () -> redis.execute(FAILED, List.of(failedKey(workspace), failedOrderKey(workspace))));
        Map<String, String> failed = pairs == null ? Map.of() : pairs(pairs);
        return Collections.unmodifiableMap(failed);
    }

    // ---------------------------------------------------------------- keys and helpers

    private String dueKey(Workspace ws) {
        return keys.nudges(ws).due();
    }

    private String leasedKey(Workspace ws) {
        return keys.nudges(ws).leased();
    }

    private String jobKey(Workspace ws, String id) {
        return keys.nudges(ws).job(id);
    }

    private String sentKey(Workspace ws, String id) {
        return keys.nudges(ws).sent(id);
    }

    private String heldKey(Person person) {
        return keys.nudges(person.workspace()).held(person.userId());
    }

    private String failedKey(Workspace ws) {
        return keys.nudges(ws).failed();
    }

    private String failedOrderKey(Workspace ws) {
        return keys.nudges(ws).failedOrder();
    }

    private String countKey(Person person, LocalDate day) {
        return keys.nudges(person.workspace()).count(person.userId(), day);
    }

    @Override
    public void pause(Workspace workspace, String reason) {
        workspaces.pause(workspace, reason);
    }

    @Override
    public boolean resume(Workspace workspace) {
        return workspaces.resume(workspace);
    }

    @Override
    public Map<Workspace, String> paused() {
        return workspaces.paused();
    }

    @Override
    public long queued(Workspace workspace) {
        return workspaces.queued(workspace);
    }

    private static FollowUps.Plan plan(List<FollowUp> jobs) {
        return new FollowUps.Plan(jobs, List.of());
    }

    private static void checkFollowUps(List<FollowUp> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        for (FollowUp job : jobs) {
            Objects.requireNonNull(job, "job");
            for (String field : job.data().keySet()) {
                if (RESERVED_FIELDS.contains(field)) {
                    throw new IllegalArgumentException("Nudge " + job.id() + " uses the queue's own field name '"
                            + field + "' (reserved: " + RESERVED_FIELDS + ")");
                }
            }
        }
    }

    private static void sameWorkspace(Claim claim, Person person) {
        Objects.requireNonNull(person, "person");
        if (!person.workspace().equals(claim.workspace())) {
            throw new IllegalArgumentException("Nudge " + claim.id() + " of " + claim.workspace().key()
                    + " cannot be held for a person of " + person.workspace().key());
        }
    }

    /** The job's own data: its hash without the queue's fields. */
    static Map<String, String> data(Map<String, String> hash) {
        Map<String, String> data = new HashMap<>(hash);
        data.keySet().removeAll(RESERVED_FIELDS);
        return data;
    }

    /** A flat field, value, field, value… list as a map, in order. */
    static Map<String, String> pairs(List<?> flat) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    static long parseLong(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean ok(Long result) {
        return result != null && result == 1L;
    }

}
