package dev.kept.store.redis;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Redis stores' Lua scripts, kept as resources under {@value #DIR}: one {@code <name>.lua} per
 * script, and shared helpers under {@code lib/} that are put in front of the scripts that use them.
 * Each script says at its top which key every {@code KEYS[i]} is. A script gets every key it touches
 * through KEYS, computed in Java from {@link Keys} and {@link NudgeKeys}, and never builds a key name
 * itself, so Redis (and Redis Cluster) knows all of them before it runs.
 */
final class LuaScripts {

    static final String DIR = "dev/kept/store/redis/lua/";
    /** {@code follow_ups(k, i)}: writes follow-up jobs into the nudge queue (see {@link NudgeJobs}). */
    static final String FOLLOW_UPS = "lib/follow_ups";
    /** Returns 0 unless the caller holds the nudge's lease: KEYS[2] the job, ARGV[1] the token. */
    static final String OWN_LEASE = "lib/own_lease";

    private LuaScripts() {
    }

    /** The script {@code <name>.lua}, after the helpers {@code libs} in their order; loaded once, when called. */
    static <T> RedisScript<T> load(Class<T> type, String name, String... libs) {
        StringBuilder text = new StringBuilder();
        for (String lib : libs) {
            text.append(source(lib)).append('\n');
        }
        text.append(source(name));
        DefaultRedisScript<T> script = new DefaultRedisScript<>(text.toString(), type);
        return script;
    }

    /** The text of {@code <name>.lua} under {@value #DIR}. */
    static String source(String name) {
        ClassPathResource resource = new ClassPathResource(DIR + name + ".lua", LuaScripts.class.getClassLoader());
        try (InputStream in = resource.getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the Lua script " + resource.getPath(), e);
        }
    }
}
