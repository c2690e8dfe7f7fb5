package dev.kept.store.redis;

import dev.kept.chat.HostedChatStore;
import dev.kept.chat.Workspace;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import org.springframework.data.redis.core.ZSetOperations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The hosted (playground) workspace in Redis, under the workspace's hash tag: a hash of its people
 * and a list per conversation (see {@link Keys#people} and {@link Keys#chat}).
 */
@Repository
public class RedisHostedChatStore implements HostedChatStore {

    /** lua/hosted_replace.lua: replaces one entry's body, found by its id. */
    private static final RedisScript<Long> REPLACE = LuaScripts.load(Long.class, "hosted_replace");

    private final StringRedisTemplate redis;
    private final Keys keys;

    public RedisHostedChatStore(StringRedisTemplate redis, KeptRedisProperties properties) {
        this.redis = redis;
        this.keys = new Keys(properties.keyPrefix());
    }

    private String people(Workspace w) {
        return keys.people(w);
    }

    private String chat(Workspace w, String conversation) {
        return keys.chat(w, conversation);
    }

    @Override
    public List<Colleague> colleagues(Workspace workspace) {
        Map<Object, Object> hash = RedisFailures.guard("read the people of " + workspace.key(),
                () -> redis.opsForHash().entries(people(workspace)));
        List<Colleague> out = new ArrayList<>();
        hash.forEach((id, v) -> {
            String[] parts = v.toString().split("\n", 2);
            out.add(new Colleague(id.toString(), parts[0], parts.length > 1 ? parts[1] : "UTC"));
        });
        out.sort(Comparator.comparing(Colleague::userId));
        return out;
    }

    @Override
    public void saveColleague(Workspace workspace, Colleague c) {
        RedisFailures.guard("save a colleague in " + workspace.key(), () -> {
            redis.opsForHash().put(people(workspace), c.userId(), c.displayName() + "\n" + c.zone());
            return null;
        });
    }

    @Override
    public List<Entry> conversation(Workspace workspace, String conversation) {
        List<String> raw = RedisFailures.guard("read a conversation in " + workspace.key(),
                () -> redis.opsForList().range(chat(workspace, conversation), 0, -1));
        List<Entry> out = new ArrayList<>();
        if (raw != null) {
            for (String s : raw) {
                int nl = s.indexOf('\n');
                out.add(new Entry(s.substring(0, nl), s.substring(nl + 1)));
            }
        }
        return out;
    }

    @Override
    public void append(Workspace workspace, String conversation, Entry entry) {
        RedisFailures.guard("add to a conversation in " + workspace.key(), () ->
                redis.opsForList().rightPush(chat(workspace, conversation), entry.id() + "\n" + entry.body()));
    }

    @Override
    public boolean replace(Workspace workspace, String conversation, Entry entry) {
        Long done = RedisFailures.guard("change a message in " + workspace.key(), () ->
                redis.execute(REPLACE, List.of(chat(workspace, conversation)), entry.id(), entry.body()));
        return done != null && done == 1L;
    }

    @Override
    public Optional<Instant> nextNudge(Workspace workspace) {
        Set<ZSetOperations.TypedTuple<String>> first = RedisFailures.guard("read the nudges of " + workspace.key(),
                () -> redis.opsForZSet().rangeWithScores(keys.nudges(workspace).due(), 0, 0));
        if (first == null || first.isEmpty()) {
            return Optional.empty();
        }
        Double score = first.iterator().next().getScore();
        return score == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(score.longValue()));
    }

    @Override
    public void forgetWorkspace(Workspace workspace) {
        String pattern = keys.workspace(workspace).replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
        RedisFailures.guard("delete the workspace " + workspace.key(), () -> {
            List<String> batch = new ArrayList<>();
            try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(pattern).count(500).build())) {
                while (cursor.hasNext()) {
                    batch.add(cursor.next());
                    if (batch.size() == 500) {
                        redis.delete(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                redis.delete(batch);
            }
            return null;
        });
    }
}
