package dev.kept.testing.redis;

import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.DefaultScriptExecutor;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.script.ScriptExecutor;
import org.springframework.data.redis.serializer.RedisSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Lua scripts the way Redis Cluster would insist on: a script may touch only the keys it was given
 * in KEYS. A standalone Redis 7 does not check this, so every script is rewritten before it is sent:
 * each {@code redis.call} / {@code redis.pcall} first checks that its key argument (the one after the
 * command name; for MEMORY and OBJECT the one after the subcommand), and every argument that looks like
 * a key of Kept's (it has a {@code {hash tag}:}), is one of KEYS, and fails the script otherwise.
 *
 * <p>It also remembers, per script, how often it ran and the KEYS of its first run, for tests that list
 * what each script was given.
 */
public final class DeclaredKeysOnly implements ScriptExecutor<String> {

    /** What a checked script fails with when it touches a key it was not given. */
    public static final String UNDECLARED = "undeclared key";

    static final String CHECK = """
            local __kept_declared = {}
            for _, key in ipairs(KEYS) do __kept_declared[key] = true end
            local function __kept_check(cmd, ...)
              local n = select('#', ...)
              local args = {...}
              local c = string.upper(tostring(cmd))
              local at = (c == 'MEMORY' or c == 'OBJECT') and 2 or 1
              if n >= at and not __kept_declared[args[at]] then
                error('%s ' .. tostring(args[at]) .. ' in ' .. c)
              end
              for i = 1, n do
                local a = args[i]
                if type(a) == 'string' and string.find(a, '^[^{}]*{[^{}]+}:') and not __kept_declared[a] then
                  error('%s ' .. a .. ' (argument ' .. i .. ' of ' .. c .. ')')
                end
              end
            end
            local function __kept_call(cmd, ...) __kept_check(cmd, ...) return redis.call(cmd, ...) end
            local function __kept_pcall(cmd, ...) __kept_check(cmd, ...) return redis.pcall(cmd, ...) end
            """.formatted(UNDECLARED, UNDECLARED);

    /** What was seen of one script: how often it ran, and the KEYS of its first run. */
    public record Runs(int count, List<String> firstKeys) {
    }

    private final ScriptExecutor<String> delegate;
    private final Map<String, RedisScript<?>> checked = new ConcurrentHashMap<>();
    private final Map<String, Runs> runs = new ConcurrentHashMap<>();

    public DeclaredKeysOnly(RedisTemplate<String, ?> template) {
        this.delegate = new DefaultScriptExecutor<>(template);
    }

    /** The script's text as run here: with the check in front and every call going through it. */
    public static String checked(String lua) {
        return CHECK + lua.replace("redis.call(", "__kept_call(").replace("redis.pcall(", "__kept_pcall(");
    }

    /** Per script text (as the store gave it), what was seen of it. */
    public Map<String, Runs> runs() {
        return Map.copyOf(runs);
    }

    @Override
    public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
        return delegate.execute(check(script, keys), keys, args);
    }

    @Override
    public <T> T execute(RedisScript<T> script, RedisSerializer<?> argsSerializer, RedisSerializer<T> resultSerializer,
                         List<String> keys, Object... args) {
        return delegate.execute(check(script, keys), argsSerializer, resultSerializer, keys, args);
    }

    @SuppressWarnings("unchecked")
    private <T> RedisScript<T> check(RedisScript<T> script, List<String> keys) {
        String text = script.getScriptAsString();
        runs.merge(text, new Runs(1, List.copyOf(keys)), (was, now) -> new Runs(was.count() + 1, was.firstKeys()));
        return (RedisScript<T>) checked.computeIfAbsent(text,
                t -> new DefaultRedisScript<>(checked(t), script.getResultType()));
    }
}
