package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue.Claim;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Claiming due nudges across every polled workspace, soonest first: a look at what each workspace has claimable
 * (expired leases first, then due jobs), one pipeline for all of them, then the claim script in each workspace
 * that has some of the earliest, passed the job keys it saw. When another instance took some meanwhile, it looks
 * again, up to {@value #CLAIM_ROUNDS} rounds.
 */
final class NudgeClaims {

    /** Rounds of look-then-claim in one {@link #claim}, when other instances took what was seen. */
    static final int CLAIM_ROUNDS = 4;

    private static final RedisScript<List> CLAIM = LuaScripts.load(List.class, "nudge_claim");
    private static final int EXPIRED_LEASE = 0;
    private static final int DUE = 1;

    private final StringRedisTemplate redis;
    private final Keys keys;
    private final NudgeWorkspaces workspaces;

    NudgeClaims(StringRedisTemplate redis, Keys keys, NudgeWorkspaces workspaces) {
        this.redis = redis;
        this.keys = keys;
        this.workspaces = workspaces;
    }

    List<Claim> claim(Instant now, Duration lease, int max) {
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
        List<Workspace> workspaces = this.workspaces.polled();
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
                () -> Pipelines.run(redis, ops -> {
                    for (Workspace ws : workspaces) {
                        ops.opsForZSet().rangeByScoreWithScores(keys.nudges(ws).leased(), Double.NEGATIVE_INFINITY,
                                nowMillis, 0, wanted);
                        ops.opsForZSet().rangeByScoreWithScores(keys.nudges(ws).due(), Double.NEGATIVE_INFINITY,
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
            Map<String, String> hash = RedisNudgeQueue.pairs((List<?>) r.get(5));
            long at = RedisNudgeQueue.parseLong(hash.get("at"), (long) score);
            int attempts = (int) RedisNudgeQueue.parseLong(hash.get("attempts"), 0);
            claimed.add(new Claimed(new Claim(ws, id, RedisNudgeQueue.data(hash), Instant.ofEpochMilli(at), claims, attempts, token),
                    kind, score));
        }
        return claimed;
    }
}
