package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.privacy.FormerColleague;
import dev.kept.privacy.Forgetting;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.Side;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Forget me" in Redis. {@link #anonymise} rewrites one promise (hash and history) in one Lua script,
 * guarded by its version and history length, so a promise is either untouched or wholly anonymous;
 * {@link #erase} then deletes every key that is the person's alone, and every nudge job about them.
 * Both are safe to run again. Everything stays inside the workspace's hash tag (one Cluster slot).
 *
 * <p>What holds a user id, and what happens to it (see {@link Keys} and {@link RedisNudgeQueue}):
 * <pre>
 * promise:ID   p / r fields, typed text       the id becomes {@value FormerColleague#ID} (anonymise)
 * history:ID   actor of each entry, details   the same (anonymise)
 * made|received:open|closed:U                deleted (erase)
 * profile:U, settings:U, asking:U             deleted (erase)
 * state:U, short:U:*, names field U           deleted (erase): what an adapter kept about them
 * nudge:job:ID (recipient), nudge:due/leased  jobs of the person's promises and digests deleted (anonymise, erase)
 * nudge:held:U, nudge:count:U:day             deleted (erase)
 * nudge:sent:digest.U.day                     deleted (erase)
 * nudge:failed / failed:order                 records naming the person deleted (erase)
 * </pre>
 */
@Repository
public class RedisForgetting implements Forgetting {

    /** Nudge kinds planned for a promise at its due time (ids {@code ID.kind.dueEpochSeconds}). */
    static final List<String> NUDGE_KINDS = List.of("reminder", "due", "overdue", "slipped", "rating", "rating_again");
    /** Counters live 3 days; digests are remembered as sent for 30: these ranges cover both, with room. */
    static final int COUNT_DAYS_BACK = 7;
    static final int COUNT_DAYS_AHEAD = 7;
    static final int DIGEST_DAYS_BACK = 35;
    static final int DIGEST_DAYS_AHEAD = 20;
    static final int BATCH = 500;

    /**
     * KEYS: promise, history, nudge due, nudge leased, touched, then (when the remaining party is a
     * real person) their open and closed lists for their side.
     * ARGV: expected version, expected history length, id, due score, '1' active / '0' closed,
     * '1' when closed just now (touched) else '0', now ms, nudge key base, field count f, f pairs,
     * history count h, h entries, job count j, j job ids.
     */
    private static final RedisScript<Long> ANONYMISE = script("""
            if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] or redis.call('LLEN', KEYS[2]) ~= tonumber(ARGV[2]) then
              return 0
            end
            local id, base = ARGV[3], ARGV[8]
            local i = 9
            local f = tonumber(ARGV[i]); i = i + 1
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, i, i + 2 * f - 1))
            i = i + 2 * f
            local h = tonumber(ARGV[i]); i = i + 1
            redis.call('DEL', KEYS[2])
            local k = 0
            while k < h do
              local n = math.min(500, h - k)
              redis.call('RPUSH', KEYS[2], unpack(ARGV, i + k, i + k + n - 1))
              k = k + n
            end
            i = i + h
            local j = tonumber(ARGV[i]); i = i + 1
            for x = i, i + j - 1 do
              redis.call('ZREM', KEYS[3], ARGV[x])
              redis.call('ZREM', KEYS[4], ARGV[x])
              redis.call('DEL', base .. 'job:' .. ARGV[x])
            end
            if #KEYS >= 7 then
              if ARGV[5] == '1' then
                redis.call('ZREM', KEYS[7], id)
                redis.call('ZADD', KEYS[6], ARGV[4], id)
              else
                redis.call('ZREM', KEYS[6], id)
                redis.call('ZADD', KEYS[7], ARGV[4], id)
              end
            end
            if ARGV[6] == '1' then
              redis.call('ZADD', KEYS[5], ARGV[7], id)
            end
            return 1
            """);

    /** KEYS: nudge due, nudge leased. ARGV: nudge key base, then job ids. Removes the jobs wherever they are. */
    private static final RedisScript<Long> DROP_JOBS = script("""
            local base = ARGV[1]
            for x = 2, #ARGV do
              redis.call('ZREM', KEYS[1], ARGV[x])
              redis.call('ZREM', KEYS[2], ARGV[x])
              redis.call('DEL', base .. 'job:' .. ARGV[x])
            end
            return #ARGV - 1
            """);

    /**
     * KEYS: failed, failed:order. ARGV: the user id, the digest id prefix. Forgets failure records whose id
     * or reason names the person.
     */
    private static final RedisScript<Long> DROP_FAILED = script("""
            local uid, digest = ARGV[1], ARGV[2]
            local dropped = 0
            for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
              local reason = redis.call('HGET', KEYS[1], id) or ''
              if string.find(id, uid, 1, true) or string.find(reason, uid, 1, true) then
                redis.call('HDEL', KEYS[1], id)
                redis.call('LREM', KEYS[2], 0, id)
                dropped = dropped + 1
              end
            end
            for _, id in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
              if string.find(id, uid, 1, true) then
                redis.call('LREM', KEYS[2], 0, id)
              end
            end
            return dropped
            """);

    /**
     * KEYS: the person's four lists (made/received × open/closed). ARGV: the promise key prefix, then the ids
     * of the promises already anonymised. Deletes the lists only if they name no other promise that exists;
     * returns 1 when deleted, else 0.
     */
    private static final RedisScript<Long> DROP_LISTS = script("""
            local known = {}
            for x = 2, #ARGV do
              known[ARGV[x]] = true
            end
            for _, list in ipairs(KEYS) do
              for _, id in ipairs(redis.call('ZRANGE', list, 0, -1)) do
                if not known[id] and redis.call('EXISTS', ARGV[1] .. id) == 1 then
                  return 0
                end
              end
            end
            redis.call('DEL', unpack(KEYS))
            return 1
            """);

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisForgetting(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
    }

    @Override
    public boolean anonymise(Promise before, int historyRead, Promise after, List<HistoryEntry> history) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.id().equals(after.id()) || !before.workspace().equals(after.workspace())) {
            throw new IllegalArgumentException("Anonymising cannot move a promise: " + before.id() + " → " + after.id());
        }
        if (after.version() <= before.version()) {
            throw new IllegalArgumentException("Anonymising must raise the version of " + before.id());
        }
        Workspace ws = after.workspace();
        String nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(
                keys.promise(ws, after.id()),
                keys.history(ws, after.id()),
                nudges + "due",
                nudges + "leased",
                keys.touched(ws)));
        boolean remainingIsProvider = !FormerColleague.is(after.providerId());
        String remaining = remainingIsProvider ? after.providerId() : after.receiverId();
        if (!FormerColleague.is(remaining)) {
            Person person = ws.person(remaining);
            Side side = remainingIsProvider ? Side.MADE : Side.RECEIVED;
            keyList.add(keys.open(person, side));
            keyList.add(keys.closed(person, side));
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(before.version()));
        args.add(Integer.toString(historyRead));
        args.add(after.id().value());
        args.add(Long.toString(after.due().toEpochMilli()));
        args.add(after.status().isActive() ? "1" : "0");
        args.add(before.status() != after.status() ? "1" : "0");
        args.add(Long.toString(history.isEmpty() ? 0 : history.get(history.size() - 1).at().toEpochMilli()));
        args.add(nudges);
        List<String> fields = PromiseCodec.fields(after);
        args.add(Integer.toString(fields.size() / 2));
        args.addAll(fields);
        args.add(Integer.toString(history.size()));
        for (HistoryEntry e : history) {
            args.add(PromiseCodec.entry(e));
        }
        List<String> jobs = nudgeIds(before);
        args.add(Integer.toString(jobs.size()));
        args.addAll(jobs);
        Long done = RedisFailures.guard("anonymise promise " + after.id() + " in " + ws.key(),
                () -> redis.execute(ANONYMISE, keyList, args.toArray()));
        return done != null && done == 1L;
    }

    /** The nudges planned for a promise at its current due time, whoever they are for. */
    static List<String> nudgeIds(Promise p) {
        long due = p.due().getEpochSecond();
        List<String> ids = new ArrayList<>(NUDGE_KINDS.size());
        for (String kind : NUDGE_KINDS) {
            ids.add(p.id().value() + "." + kind + "." + due);
        }
        return ids;
    }

    @Override
    public boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now) {
        Objects.requireNonNull(person, "person");
        Workspace ws = person.workspace();
        String nudges = keys.nudges(ws);
        String digest = "digest." + person.userId() + ".";
        Set<String> promisePrefixes = new HashSet<>();
        theirPromises.forEach(id -> promisePrefixes.add(id.value() + "."));

        // Every job still queued or leased about one of their promises (snoozes too), or a digest for them.
        Set<String> jobs = new LinkedHashSet<>();
        for (String set : List.of(nudges + "due", nudges + "leased")) {
            RedisFailures.guard("look through the nudges of " + ws.key(), () -> {
                try (Cursor<TypedTuple<String>> cursor = redis.opsForZSet().scan(set,
                        ScanOptions.scanOptions().count(1000).build())) {
                    while (cursor.hasNext()) {
                        String id = cursor.next().getValue();
                        int dot = id == null ? -1 : id.indexOf('.');
                        if (id != null && (id.startsWith(digest) || dot > 0 && promisePrefixes.contains(id.substring(0, dot + 1)))) {
                            jobs.add(id);
                        }
                    }
                }
                return null;
            });
        }
        Set<String> held = RedisFailures.guard("list the nudges held for " + person.userId(),
                () -> redis.opsForZSet().range(nudges + "held:" + person.userId(), 0, -1));
        if (held != null) {
            jobs.addAll(held);
        }
        List<String> all = new ArrayList<>(jobs);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> args = new ArrayList<>();
            args.add(nudges);
            args.addAll(all.subList(from, Math.min(all.size(), from + BATCH)));
            RedisFailures.guard("drop nudges for " + person.userId() + " in " + ws.key(),
                    () -> redis.execute(DROP_JOBS, List.of(nudges + "due", nudges + "leased"), args.toArray()));
        }
        RedisFailures.guard("drop failure records naming " + person.userId() + " in " + ws.key(),
                () -> redis.execute(DROP_FAILED, List.of(nudges + "failed", nudges + "failed:order"),
                        person.userId(), digest));

        List<String> theirs = new ArrayList<>(List.of(keys.profile(person), keys.settings(person), keys.asking(person),
                keys.state(person),
                nudges + "held:" + person.userId()));
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = today.minusDays(COUNT_DAYS_BACK); !d.isAfter(today.plusDays(COUNT_DAYS_AHEAD)); d = d.plusDays(1)) {
            theirs.add(nudges + "count:" + person.userId() + ":" + d);
        }
        for (LocalDate d = today.minusDays(DIGEST_DAYS_BACK); !d.isAfter(today.plusDays(DIGEST_DAYS_AHEAD)); d = d.plusDays(1)) {
            theirs.add(nudges + "sent:" + digest + d);
            theirs.add(nudges + "job:" + digest + d);
        }
        RedisFailures.guard("delete what is " + person.userId() + "'s alone in " + ws.key(), () -> {
            try (Cursor<String> shortLived = redis.scan(ScanOptions.scanOptions()
                    .match(keys.shortLived(person) + "*").count(BATCH).build())) {
                shortLived.forEachRemaining(theirs::add);
            }
            redis.delete(theirs);
            redis.opsForHash().delete(keys.names(ws), person.userId());
            return null;
        });

        List<String> lists = new ArrayList<>();
        for (Side side : Side.values()) {
            lists.add(keys.open(person, side));
            lists.add(keys.closed(person, side));
        }
        List<String> known = new ArrayList<>();
        known.add(keys.workspace(ws) + "promise:");
        theirPromises.forEach(id -> known.add(id.value()));
        Long dropped = RedisFailures.guard("delete the lists of " + person.userId() + " in " + ws.key(),
                () -> redis.execute(DROP_LISTS, lists, known.toArray()));
        return dropped != null && dropped == 1L;
    }

    private static RedisScript<Long> script(String lua) {
        DefaultRedisScript<Long> script = new DefaultRedisScript<>();
        script.setScriptText(lua);
        script.setResultType(Long.class);
        return script;
    }
}
