package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Promises in Redis: a small hash per promise, its history as a list, and per person four sorted
 * sets of ids (made/received × open/closed) scored by due time. Every write is one Lua script, so
 * a promise is always stored whole with its indexes and history, or not at all. See {@link Keys}
 * for the key layout and {@link PromiseCodec} for the stored form.
 *
 * <p>Instants are kept to the millisecond: {@link #create} returns the promise as stored.
 */
@Repository
public class RedisPromiseStore implements PromiseStore {

    static final int FIRST_ID_LENGTH = 4;
    static final int LAST_ID_LENGTH = 6;
    /** Collisions in a row at one id length before trying a longer id. */
    static final int COLLISIONS_BEFORE_LONGER_ID = 5;

    // lua/promise_create.lua and lua/promise_apply.lua say what their KEYS are; the follow-ups' keys come last.
    private static final RedisScript<Long> CREATE = LuaScripts.load(Long.class, "promise_create", LuaScripts.FOLLOW_UPS);
    /** Nothing is written unless the stored version is the expected one. */
    private static final RedisScript<Long> APPLY = LuaScripts.load(Long.class, "promise_apply", LuaScripts.FOLLOW_UPS);

    private final StringRedisTemplate redis;
    private final Keys keys;
    private final RandomGenerator random;

    @Autowired
    public RedisPromiseStore(StringRedisTemplate redis, KeptRedisProperties properties) {
        this(redis, properties, new SecureRandom());
    }

    /** For tests: ids come from {@code random}, so collisions can be forced. */
    RedisPromiseStore(StringRedisTemplate redis, KeptRedisProperties properties, RandomGenerator random) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = new Keys(properties.keyPrefix());
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Promise create(PromiseDraft draft, HistoryEntry created, Function<Promise, FollowUps.Plan> plan) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
        int length = FIRST_ID_LENGTH;
        int collisions = 0;
        while (true) {
            PromiseId id = nextId(length);
            Promise promise = new Promise(id, draft.workspace(), draft.providerId(), draft.receiverId(),
                    draft.what(), draft.whatMatters(), PromiseCodec.millis(draft.due()),
                    PromiseCodec.millis(draft.created()), draft.status(), 0, 0, "", dev.kept.promise.Feedback.NONE, 1,
                    draft.source());
            if (insert(promise, created, plan.apply(promise))) {
                return promise;
            }
            collisions++;
            if (collisions >= COLLISIONS_BEFORE_LONGER_ID) {
                if (length == LAST_ID_LENGTH) {
                    throw new IllegalStateException("Could not find a free promise id in "
                            + draft.workspace().key() + " after " + collisions + " tries at " + length
                            + " characters");
                }
                length++;
                collisions = 0;
            }
        }
    }

    private PromiseId nextId(int length) {
        synchronized (random) {
            return PromiseId.random(random, length);
        }
    }

    private boolean insert(Promise promise, HistoryEntry created, FollowUps.Plan plan) {
        Workspace ws = promise.workspace();
        List<String> keyList = new ArrayList<>(List.of(
                keys.promise(ws, promise.id()),
                keys.history(ws, promise.id()),
                keys.open(promise.provider(), Side.MADE),
                keys.open(promise.receiver(), Side.RECEIVED),
                keys.touched(ws),
                keys.due(ws)));
        NudgeJobs.keys(keys.nudges(ws), plan, keyList);
        List<String> args = new ArrayList<>(26);
        args.add(promise.id().value());
        args.add(score(promise));
        args.add(PromiseCodec.entry(created));
        addFieldsAndPlan(args, ws, PromiseCodec.fields(promise), plan);
        args.add(Long.toString(created.at().toEpochMilli()));
        // Outside the script (another slot in Cluster), and first: a workspace listed with no promise yet is harmless.
        RedisFailures.guard("register workspace " + ws.key(), () -> redis.opsForSet().add(keys.workspaces(), ws.key()));
        Long stored = RedisFailures.guard("store a new promise in " + ws.key(),
                () -> redis.execute(CREATE, keyList, args.toArray()));
        return stored != null && stored == 1L;
    }

    @Override
    public Optional<Promise> find(Workspace workspace, PromiseId id) {
        Map<String, String> hash = RedisFailures.guard("read promise " + id + " in " + workspace.key(),
                () -> redis.<String, String>opsForHash().entries(keys.promise(workspace, id)));
        return Optional.ofNullable(PromiseCodec.promise(workspace, id, hash));
    }

    @Override
    public boolean apply(Promise.Change change, FollowUps.Plan plan) {
        Objects.requireNonNull(change, "change");
        Promise before = change.before();
        Promise after = change.after();
        if (!before.id().equals(after.id()) || !before.workspace().equals(after.workspace())
                || !before.providerId().equals(after.providerId())
                || !before.receiverId().equals(after.receiverId())) {
            throw new IllegalArgumentException("A change cannot move a promise to another id, workspace or party: "
                    + before.id() + " → " + after.id());
        }
        if (after.version() <= before.version()) {
            throw new IllegalArgumentException("A change must raise the version of " + before.id() + ": "
                    + before.version() + " → " + after.version());
        }
        Workspace ws = after.workspace();
        List<String> keyList = new ArrayList<>(List.of(
                keys.promise(ws, after.id()),
                keys.history(ws, after.id()),
                keys.open(after.provider(), Side.MADE),
                keys.closed(after.provider(), Side.MADE),
                keys.open(after.receiver(), Side.RECEIVED),
                keys.closed(after.receiver(), Side.RECEIVED),
                keys.touched(ws),
                keys.due(ws)));
        NudgeJobs.keys(keys.nudges(ws), plan, keyList);
        List<String> args = new ArrayList<>(28);
        args.add(Long.toString(before.version()));
        args.add(after.id().value());
        args.add(score(after));
        args.add(after.status().isActive() ? "1" : "0");
        args.add(PromiseCodec.entry(change.entry()));
        addFieldsAndPlan(args, ws, PromiseCodec.fields(after), plan);
        args.add(Long.toString(change.entry().at().toEpochMilli()));
        Long applied = RedisFailures.guard("update promise " + after.id() + " in " + ws.key(),
                () -> redis.execute(APPLY, keyList, args.toArray()));
        return applied != null && applied == 1L;
    }

    @Override
    public List<Promise> open(Person person, Side side, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String key = keys.open(person, side);
        Set<String> ids = RedisFailures.guard("list open promises of " + person.userId(),
                () -> redis.opsForZSet().range(key, 0, limit - 1L));
        return load(person, ids, true);
    }

    @Override
    public long countOpen(Person person, Side side) {
        Long count = RedisFailures.guard("count open promises of " + person.userId(),
                () -> redis.opsForZSet().zCard(keys.open(person, side)));
        return count == null ? 0 : count;
    }

    @Override
    public List<Promise> closed(Person person, Side side, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String key = keys.closed(person, side);
        Set<String> ids = RedisFailures.guard("list closed promises of " + person.userId(),
                () -> redis.opsForZSet().reverseRange(key, 0, limit - 1L));
        return load(person, ids, false);
    }

    @Override
    public List<Promise> all(Person person, Side side) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        RedisFailures.guard("list the promises of " + person.userId(), () -> {
            Set<String> open = redis.opsForZSet().range(keys.open(person, side), 0, -1);
            Set<String> closed = redis.opsForZSet().range(keys.closed(person, side), 0, -1);
            if (open != null) {
                ids.addAll(open);
            }
            if (closed != null) {
                ids.addAll(closed);
            }
            return null;
        });
        return load(person, ids, null);
    }

    @Override
    public List<Promise> changedBetween(Workspace workspace, java.time.Instant from, java.time.Instant to) {
        Set<String> ids = RedisFailures.guard("list the promises changed in " + workspace.key(),
                () -> redis.opsForZSet().rangeByScore(keys.touched(workspace), from.toEpochMilli(),
                        to.toEpochMilli() - 1));
        return load(workspace, ids, null, "promises changed lately");
    }

    @Override
    public List<Promise> dueBetween(Workspace workspace, java.time.Instant from, java.time.Instant to) {
        Set<String> ids = RedisFailures.guard("list the promises due lately in " + workspace.key(),
                () -> redis.opsForZSet().rangeByScore(keys.due(workspace), from.toEpochMilli(), to.toEpochMilli() - 1));
        return load(workspace, ids, null, "promises due lately");
    }

    @Override
    public Set<Workspace> workspaces() {
        Set<String> tags = RedisFailures.guard("list the workspaces", () -> redis.opsForSet().members(keys.workspaces()));
        Set<Workspace> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Workspace::key));
        if (tags != null) {
            for (String tag : tags) {
                int colon = tag.indexOf(':');
                try {
                    out.add(new Workspace(tag.substring(0, Math.max(colon, 0)), tag.substring(colon + 1)));
                } catch (IllegalArgumentException e) {
                    // not written by Kept: skipped
                }
            }
        }
        return out;
    }

    @Override
    public Map<PromiseId, List<HistoryEntry>> histories(Workspace workspace, java.util.Collection<PromiseId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<PromiseId> order = new ArrayList<>(ids);
        List<Object> lists = RedisFailures.guard("read histories in " + workspace.key(),
                () -> redis.executePipelined((RedisCallback<Object>) connection -> {
                    for (PromiseId id : order) {
                        connection.listCommands().lRange(keys.history(workspace, id).getBytes(StandardCharsets.UTF_8), 0, -1);
                    }
                    return null;
                }));
        Map<PromiseId, List<HistoryEntry>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < order.size() && i < lists.size(); i++) {
            List<HistoryEntry> entries = new ArrayList<>();
            Object stored = lists.get(i);
            if (stored instanceof List<?> list) {
                for (Object s : list) {
                    entries.add(PromiseCodec.entry(String.valueOf(s)));
                }
            }
            out.put(order.get(i), entries);
        }
        return out;
    }

    @Override
    public List<HistoryEntry> history(Workspace workspace, PromiseId id) {
        List<String> stored = RedisFailures.guard("read the history of " + id + " in " + workspace.key(),
                () -> redis.opsForList().range(keys.history(workspace, id), 0, -1));
        if (stored == null) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>(stored.size());
        for (String s : stored) {
            entries.add(PromiseCodec.entry(s));
        }
        return entries;
    }

    /**
     * Reads the listed promises in one pipelined round trip, keeping the index order. A promise that
     * changed state between reading the index and reading it is left out.
     */
    private List<Promise> load(Person person, Set<String> ids, Boolean open) {
        return load(person.workspace(), ids, open, "promises of " + person.userId());
    }

    private List<Promise> load(Workspace ws, java.util.Collection<String> ids, Boolean open, String what) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<PromiseId> promiseIds = new ArrayList<>(ids.size());
        for (String id : ids) {
            promiseIds.add(new PromiseId(id));
        }
        List<Object> hashes = RedisFailures.guard("read " + what + " in " + ws.key(),
                () -> redis.executePipelined((RedisCallback<Object>) connection -> {
                    readAll(connection, ws, promiseIds);
                    return null;
                }));
        List<Promise> promises = new ArrayList<>(promiseIds.size());
        for (int i = 0; i < promiseIds.size() && i < hashes.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> hash = (Map<String, String>) hashes.get(i);
            Promise promise = PromiseCodec.promise(ws, promiseIds.get(i), hash);
            if (promise != null && (open == null || promise.status().isActive() == open)) {
                promises.add(promise);
            }
        }
        return promises;
    }

    private void readAll(RedisConnection connection, Workspace ws, List<PromiseId> ids) {
        for (PromiseId id : ids) {
            connection.hashCommands().hGetAll(keys.promise(ws, id).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void addFieldsAndPlan(List<String> args, Workspace ws, List<String> fields, FollowUps.Plan plan) {
        args.add(Integer.toString(fields.size() / 2));
        args.addAll(fields);
        NudgeJobs.args(plan, args);
        if (!plan.schedule().isEmpty()) {
            // Outside the script (another slot in Cluster): harmless if repeated, and a pollers' hint only.
            RedisFailures.guard("register workspace " + ws.key() + " for nudges",
                    () -> redis.opsForSet().add(keys.nudgeWorkspaces(), ws.key()));
        }
    }

    private static String score(Promise promise) {
        return Long.toString(promise.due().toEpochMilli());
    }

}
