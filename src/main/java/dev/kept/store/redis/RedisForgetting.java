package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeIds;
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
 * <p>What holds a user id, and what happens to it (see {@link Keys} and {@link NudgeKeys}; nudge ids are
 * those of {@link NudgeIds}: every {@link NudgeIds#promiseKinds() promise kind} at the promise's due time, any
 * id starting with the promise's id, and the person's digests):
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

    /** Counters live 3 days; digests are remembered as sent for 30: these ranges cover both, with room. */
    static final int COUNT_DAYS_BACK = 7;
    static final int COUNT_DAYS_AHEAD = 7;
    static final int DIGEST_DAYS_BACK = 35;
    static final int DIGEST_DAYS_AHEAD = 20;
    static final int BATCH = 500;

    /** Tries of {@link #erase}'s last step when the person's lists change under it. */
    static final int LIST_TRIES = 5;

    // The scripts (resources under lua/, each saying what its KEYS are).
    private static final RedisScript<Long> ANONYMISE = LuaScripts.load(Long.class, "forget_anonymise");
    /** Removes jobs wherever they are in the queue. */
    private static final RedisScript<Long> DROP_JOBS = LuaScripts.load(Long.class, "forget_drop_jobs");
    /** Forgets failure records whose id or reason names the person. */
    private static final RedisScript<Long> DROP_FAILED = LuaScripts.load(Long.class, "forget_drop_failed");
    /** Deletes the person's lists if they name no other promise that exists: 1 deleted, 0 not, -1 read again. */
    private static final RedisScript<Long> DROP_LISTS = LuaScripts.load(Long.class, "forget_drop_lists");

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
        NudgeKeys nudges = keys.nudges(ws);
        List<String> keyList = new ArrayList<>(List.of(
                keys.promise(ws, after.id()),
                keys.history(ws, after.id()),
                nudges.due(),
                nudges.leased(),
                keys.touched(ws)));
        boolean remainingIsProvider = !FormerColleague.is(after.providerId());
        String remaining = remainingIsProvider ? after.providerId() : after.receiverId();
        boolean remains = !FormerColleague.is(remaining);
        if (remains) {
            Person person = ws.person(remaining);
            Side side = remainingIsProvider ? Side.MADE : Side.RECEIVED;
            keyList.add(keys.open(person, side));
            keyList.add(keys.closed(person, side));
        }
        List<String> jobs = nudgeIds(before);
        for (String job : jobs) {
            keyList.add(nudges.job(job));
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(before.version()));
        args.add(Integer.toString(historyRead));
        args.add(after.id().value());
        args.add(Long.toString(after.due().toEpochMilli()));
        args.add(after.status().isActive() ? "1" : "0");
        args.add(before.status() != after.status() ? "1" : "0");
        args.add(Long.toString(history.isEmpty() ? 0 : history.get(history.size() - 1).at().toEpochMilli()));
        args.add(remains ? "1" : "0");
        List<String> fields = PromiseCodec.fields(after);
        args.add(Integer.toString(fields.size() / 2));
        args.addAll(fields);
        args.add(Integer.toString(history.size()));
        for (HistoryEntry e : history) {
            args.add(PromiseCodec.entry(e));
        }
        args.add(Integer.toString(jobs.size()));
        args.addAll(jobs);
        Long done = RedisFailures.guard("anonymise promise " + after.id() + " in " + ws.key(),
                () -> redis.execute(ANONYMISE, keyList, args.toArray()));
        return done != null && done == 1L;
    }

    /** The nudges planned for a promise at its current due time, whoever they are for: one per kind. */
    static List<String> nudgeIds(Promise p) {
        return NudgeIds.plannedFor(p.id(), p.due());
    }

    @Override
    public boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now) {
        Objects.requireNonNull(person, "person");
        Workspace ws = person.workspace();
        NudgeKeys nudges = keys.nudges(ws);
        String digest = NudgeIds.digestsOf(person);
        Set<String> promisePrefixes = new HashSet<>();
        theirPromises.forEach(id -> promisePrefixes.add(NudgeIds.aboutPromise(id)));

        // Every job still queued or leased about one of their promises (snoozes too), or a digest for them.
        Set<String> jobs = new LinkedHashSet<>();
        for (String set : List.of(nudges.due(), nudges.leased())) {
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
                () -> redis.opsForZSet().range(nudges.held(person.userId()), 0, -1));
        if (held != null) {
            jobs.addAll(held);
        }
        List<String> all = new ArrayList<>(jobs);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> ids = all.subList(from, Math.min(all.size(), from + BATCH));
            List<String> keyList = new ArrayList<>(List.of(nudges.due(), nudges.leased()));
            ids.forEach(id -> keyList.add(nudges.job(id)));
            RedisFailures.guard("drop nudges for " + person.userId() + " in " + ws.key(),
                    () -> redis.execute(DROP_JOBS, keyList, ids.toArray()));
        }
        RedisFailures.guard("drop failure records naming " + person.userId() + " in " + ws.key(),
                () -> redis.execute(DROP_FAILED, List.of(nudges.failed(), nudges.failedOrder()), person.userId()));

        List<String> theirs = new ArrayList<>(List.of(keys.profile(person), keys.settings(person), keys.asking(person),
                keys.state(person),
                nudges.held(person.userId())));
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = today.minusDays(COUNT_DAYS_BACK); !d.isAfter(today.plusDays(COUNT_DAYS_AHEAD)); d = d.plusDays(1)) {
            theirs.add(nudges.count(person.userId(), d));
        }
        for (LocalDate d = today.minusDays(DIGEST_DAYS_BACK); !d.isAfter(today.plusDays(DIGEST_DAYS_AHEAD)); d = d.plusDays(1)) {
            theirs.add(nudges.sent(NudgeIds.digest(person, d)));
            theirs.add(nudges.job(NudgeIds.digest(person, d)));
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
        return dropLists(person, theirPromises);
    }

    /**
     * Deletes the person's four lists unless they name another promise that exists. The script is passed
     * the key of every other promise the lists named when read just before; if they changed in between,
     * they are read again.
     */
    private boolean dropLists(Person person, Collection<PromiseId> theirPromises) {
        Workspace ws = person.workspace();
        List<String> lists = new ArrayList<>();
        for (Side side : Side.values()) {
            lists.add(keys.open(person, side));
            lists.add(keys.closed(person, side));
        }
        Set<String> known = new LinkedHashSet<>();
        theirPromises.forEach(id -> known.add(id.value()));
        for (int attempt = 0; attempt < LIST_TRIES; attempt++) {
            Set<String> others = new LinkedHashSet<>();
            RedisFailures.guard("read the lists of " + person.userId() + " in " + ws.key(), () -> {
                for (String list : lists) {
                    Set<String> ids = redis.opsForZSet().range(list, 0, -1);
                    if (ids != null) {
                        ids.stream().filter(id -> !known.contains(id)).forEach(others::add);
                    }
                }
                return null;
            });
            List<String> keyList = new ArrayList<>(lists);
            List<String> args = new ArrayList<>();
            args.add(Integer.toString(known.size()));
            args.addAll(known);
            args.add(Integer.toString(others.size()));
            for (String id : others) {
                args.add(id);
                keyList.add(keys.promise(ws, id));
            }
            Long dropped = RedisFailures.guard("delete the lists of " + person.userId() + " in " + ws.key(),
                    () -> redis.execute(DROP_LISTS, keyList, args.toArray()));
            if (dropped == null || dropped != -1L) {
                return dropped != null && dropped == 1L;
            }
        }
        return false;
    }

}
