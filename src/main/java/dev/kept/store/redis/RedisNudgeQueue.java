package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
    /** Rounds of look-then-claim in one {@link #claim}, when other instances took what was seen. */
    static final int CLAIM_ROUNDS = 4;
    static final Set<String> RESERVED_FIELDS = Set.of("at", "token", "claims", "attempts");

    private static final int EXPIRED_LEASE = 0;
    private static final int DUE = 1;

    // The scripts (resources under lua/, each saying what its KEYS are); the follow-ups' keys come last.
    private static final RedisScript<List> CLAIM = LuaScripts.load(List.class, "nudge_claim");
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

    @Autowired
    public RedisNudgeQueue(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
    }

    // ---------------------------------------------------------------- claiming

    @Override
    public List<Claim> claim(Instant now, Duration lease, int max) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("A lease must last at least a millisecond: " + lease);
        }
        if (max <= 0) {
            return List.of();
        }
        long nowMillis = now.toEpochMilli();
        long expiry = Math.addExact(nowMillis, lease.toMillis());
        List<Workspace> workspaces = workspaces();
        if (workspaces.isEmpty()) {
            return List.of();
        }
        String tokenPrefix = UUID.randomUUID() + "/";
        List<Claimed> claimed = new ArrayList<>();
        for (int round = 0; round < CLAIM_ROUNDS && claimed.size() < max; round++) {
            int wanted = max - claimed.size();
            Map<Workspace, Quota> quotas = quotas(workspaces, nowMillis, wanted);
            boolean shortfall = false;
            for (Map.Entry<Workspace, Quota> quota : quotas.entrySet()) {
                int count = quota.getValue().count();
                List<Claimed> got = claimIn(quota.getKey(), nowMillis, expiry, count, tokenPrefix,
                        quota.getValue().seen());
                claimed.addAll(got);
                shortfall |= got.size() < count;
            }
            if (!shortfall) {
                break;   // every workspace gave what was seen; whatever else is due was not among the earliest
            }
        }
        claimed.sort(Claimed.ORDER);
        List<Claim> claims = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            claims.add(c.claim());
        }
        return claims;
    }

    /** A claim with what it was picked by, to order claims from several workspaces. */
    private record Claimed(Claim claim, int kind, double score) {
        static final Comparator<Claimed> ORDER = Comparator.comparingInt(Claimed::kind)
                .thenComparingDouble(Claimed::score)
                .thenComparing(c -> c.claim().workspace().key())
                .thenComparing(c -> c.claim().id());
    }

    /** A job seen as claimable: kind (expired lease or due), score, workspace, id. */
    private record Candidate(int kind, double score, Workspace workspace, String id) {
    }

    /** How many jobs to claim in a workspace, and the ones seen there that may be claimed, soonest first. */
    private record Quota(int count, List<Candidate> seen) {
    }

    /**
     * Looks (without claiming) at what each workspace has claimable, and decides how many of the
     * {@code wanted} earliest ones to claim in each: expired leases first, then due jobs. The claim
     * script then picks among what was seen in each workspace (it is passed their job keys).
     */
    private Map<Workspace, Quota> quotas(List<Workspace> workspaces, long nowMillis, int wanted) {
        List<Object> seen = RedisFailures.guard("look for due nudges in " + workspaces.size() + " workspaces",
                () -> pipelined(ops -> {
                    for (Workspace ws : workspaces) {
                        ops.opsForZSet().rangeByScoreWithScores(leasedKey(ws), Double.NEGATIVE_INFINITY,
                                nowMillis, 0, wanted);
                        ops.opsForZSet().rangeByScoreWithScores(dueKey(ws), Double.NEGATIVE_INFINITY,
                                nowMillis, 0, wanted);
                    }
                }));
        List<Candidate> candidates = new ArrayList<>();
        for (int w = 0; w < workspaces.size(); w++) {
            for (int kind = EXPIRED_LEASE; kind <= DUE; kind++) {
                int at = 2 * w + kind;
                Object found = at < seen.size() ? seen.get(at) : null;
                if (found instanceof Collection<?> tuples) {
                    for (Object t : tuples) {
                        if (t instanceof TypedTuple<?> tuple && tuple.getScore() != null && tuple.getValue() != null) {
                            candidates.add(new Candidate(kind, tuple.getScore(), workspaces.get(w),
                                    String.valueOf(tuple.getValue())));
                        }
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::kind).thenComparingDouble(Candidate::score));
        Map<Workspace, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size() && i < wanted; i++) {
            counts.merge(candidates.get(i).workspace(), 1, Integer::sum);
        }
        Map<Workspace, Quota> quotas = new LinkedHashMap<>();
        counts.forEach((ws, count) -> {
            List<Candidate> seenThere = new ArrayList<>();
            for (Candidate c : candidates) {
                if (c.workspace().equals(ws)) {
                    seenThere.add(c);
                }
            }
            quotas.put(ws, new Quota(count, seenThere));
        });
        return quotas;
    }

    /** Claims up to {@code max} of the {@code seen} jobs of one workspace that are still claimable. */
    private List<Claimed> claimIn(Workspace ws, long nowMillis, long expiry, int max, String tokenPrefix,
                                  List<Candidate> seen) {
        NudgeKeys nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(nudges.due(), nudges.leased()));
        List<String> args = new ArrayList<>(List.of(Long.toString(nowMillis), Long.toString(expiry),
                Integer.toString(max), tokenPrefix));
        for (int kind = EXPIRED_LEASE; kind <= DUE; kind++) {
            List<String> ids = new ArrayList<>();
            for (Candidate c : seen) {
                if (c.kind() == kind && !ids.contains(c.id())) {
                    ids.add(c.id());
                }
            }
            args.add(Integer.toString(ids.size()));
            args.addAll(ids);
            for (String id : ids) {
                keyList.add(nudges.job(id));
            }
        }
        List<?> rows = RedisFailures.guard("claim due nudges in " + ws.key(),
                () -> redis.execute(CLAIM, keyList, args.toArray()));
        if (rows == null) {
            return List.of();
        }
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object row : rows) {
            List<?> r = (List<?>) row;
            int kind = Integer.parseInt(String.valueOf(r.get(0)));
            double score = Double.parseDouble(String.valueOf(r.get(1)));
            String id = String.valueOf(r.get(2));
            String token = String.valueOf(r.get(3));
            int claims = Integer.parseInt(String.valueOf(r.get(4)));
            Map<String, String> hash = pairs((List<?>) r.get(5));
            long at = parseLong(hash.get("at"), (long) score);
            int attempts = (int) parseLong(hash.get("attempts"), 0);
            claimed.add(new Claimed(new Claim(ws, id, data(hash), Instant.ofEpochMilli(at), claims, attempts, token),
                    kind, score));
        }
        return claimed;
    }

    @Override
    public Optional<Instant> nextDue() {
        List<Workspace> workspaces = workspaces();
        if (workspaces.isEmpty()) {
            return Optional.empty();
        }
        List<Object> firsts = RedisFailures.guard("find the next due nudge",
                () -> pipelined(ops -> {
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
        register(workspace);
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
        register(ws);
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
                () -> pipelined(ops -> {
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
            register(claim.workspace());
        }
        List<String> args = new ArrayList<>();
        args.add(claim.token());
        args.add(claim.id());
        args.add(Long.toString(SENT_FOR.toSeconds()));
        return args;
    }

    /** Runs {@code commands} in one pipeline (one round trip) and returns their answers in order. */
    private List<Object> pipelined(java.util.function.Consumer<RedisOperations<String, String>> commands) {
        return redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                commands.accept((RedisOperations<String, String>) operations);
                return null;
            }
        });
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

    /** The workspaces that have (or had) nudges; entries that are not workspace keys are ignored. */
    /** The workspaces with nudges, less the paused ones (their jobs wait untouched). */
    private List<Workspace> workspaces() {
        List<Object> sets = RedisFailures.guard("list the workspaces with nudges", () -> pipelined(ops -> {
            ops.opsForSet().members(keys.nudgeWorkspaces());
            ops.opsForHash().keys(keys.nudgePaused());
        }));
        Collection<?> members = sets.size() > 0 && sets.get(0) instanceof Collection<?> c ? c : List.of();
        Collection<?> paused = sets.size() > 1 && sets.get(1) instanceof Collection<?> c ? c : List.of();
        List<Workspace> workspaces = new ArrayList<>(members.size());
        for (Object member : members) {
            if (!paused.contains(member)) {
                workspaceOf(String.valueOf(member)).ifPresent(workspaces::add);
            }
        }
        workspaces.sort(Comparator.comparing(Workspace::key));
        return workspaces;
    }

    private static Optional<Workspace> workspaceOf(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Workspace(key.substring(0, colon), key.substring(colon + 1)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public void pause(Workspace workspace, String reason) {
        RedisFailures.guard("pause the nudges of " + workspace.key(), () -> {
            redis.opsForHash().put(keys.nudgePaused(), workspace.key(), reason);
            return null;
        });
    }

    @Override
    public boolean resume(Workspace workspace) {
        Long removed = RedisFailures.guard("resume the nudges of " + workspace.key(),
                () -> redis.opsForHash().delete(keys.nudgePaused(), workspace.key()));
        return removed != null && removed > 0;
    }

    @Override
    public Map<Workspace, String> paused() {
        Map<Object, Object> entries = RedisFailures.guard("list the paused workspaces",
                () -> redis.opsForHash().entries(keys.nudgePaused()));
        Map<Workspace, String> paused = new java.util.TreeMap<>(Comparator.comparing(Workspace::key));
        entries.forEach((key, reason) -> workspaceOf(String.valueOf(key))
                .ifPresent(ws -> paused.put(ws, String.valueOf(reason))));
        return paused;
    }

    @Override
    public long queued(Workspace workspace) {
        List<Object> sizes = RedisFailures.guard("count the nudges of " + workspace.key(), () -> pipelined(ops -> {
            ops.opsForZSet().zCard(dueKey(workspace));
            ops.opsForZSet().zCard(leasedKey(workspace));
        }));
        long total = 0;
        for (Object size : sizes) {
            if (size instanceof Number n) {
                total += n.longValue();
            }
        }
        return total;
    }

    /**
     * Registers the workspace for pollers before its jobs are written (another slot in Cluster, so not
     * in the same script): a job is never queued in a workspace nobody polls. The set is never shrunk,
     * since removing a workspace could race with another instance queueing there.
     */
    private void register(Workspace ws) {
        RedisFailures.guard("register workspace " + ws.key() + " for nudges",
                () -> redis.opsForSet().add(keys.nudgeWorkspaces(), ws.key()));
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
    private static Map<String, String> data(Map<String, String> hash) {
        Map<String, String> data = new HashMap<>(hash);
        data.keySet().removeAll(RESERVED_FIELDS);
        return data;
    }

    /** A flat field, value, field, value… list as a map, in order. */
    private static Map<String, String> pairs(List<?> flat) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    private static long parseLong(String value, long fallback) {
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
