package dev.kept.store.redis;

import dev.kept.chat.HostedChatStore;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeIds;
import dev.kept.nudge.NudgeKind;
import dev.kept.nudge.NudgeQueue.Claim;
import dev.kept.privacy.FormerColleague;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStatus;
import dev.kept.testing.redis.DeclaredKeysOnly;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every Lua script of the Redis stores gets each key it touches through KEYS (what Redis Cluster needs):
 * <ul>
 * <li>read statically, the key argument of every {@code redis.call} / {@code redis.pcall} is a
 *     {@code KEYS[...]} reference or a local assigned only from KEYS, no string literal is a piece of a key
 *     name, and every fixed {@code KEYS[n]} a script uses is one its header declares;</li>
 * <li>run against real Redis through every store operation that uses a script, with each script rewritten
 *     so that touching a key it was not given fails it ({@link DeclaredKeysOnly}).</li>
 * </ul>
 * The output lists each script with its declared KEYS and the keys one run was given.
 */
class LuaScriptKeysTest {

    static final String PREFIX = "kept-test:";
    static final Workspace WS = new Workspace("slack", "T1");
    static final Person ALICE = WS.person("U111");
    static final Person BOB = WS.person("U222");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** Commands of which every argument after the name is a key. */
    static final Set<String> ALL_ARGS_ARE_KEYS = Set.of("EXISTS", "DEL", "UNLINK", "TOUCH", "MGET", "WATCH",
            "SINTER", "SUNION", "SDIFF", "PFCOUNT");
    static final Pattern KEYS_REF = Pattern.compile("KEYS\\[[^\\[\\]]+]");
    static final Pattern FROM_KEYS = Pattern.compile("KEYS\\[[^\\[\\]]+]|unpack\\(KEYS(,.*)?\\)");
    static final Pattern FIXED_KEY = Pattern.compile("KEYS\\[(\\d+)]");
    static final Pattern CALL = Pattern.compile("redis\\.p?call\\(");
    static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:local\\s+)?([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)\\s*=(?!=)\\s*(.+)$");

    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix(PREFIX);

    /** The Redis these tests run on; a subclass on the local Cluster overrides these two. */
    StringRedisTemplate sharedRedis() {
        return TestRedis.template();
    }

    void flushRedis() {
        TestRedis.flushAll();
    }

    @BeforeEach
    void clean() {
        flushRedis();
    }

    // ---------------------------------------------------------------- reading the scripts

    @Test
    void everyScriptDeclaresItsKeysAndTakesEveryKeyFromThem() throws Exception {
        Map<String, String> scripts = scripts();
        assertThat(scripts).containsKeys("nudge_claim", "promise_apply", "forget_anonymise", "profile_put",
                "hosted_replace", LuaScripts.FOLLOW_UPS);
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("Lua scripts and their declared KEYS:\n");
        scripts.forEach((name, lua) -> {
            List<String> header = declaredKeys(lua);
            table.append(name).append(".lua\n");
            header.forEach(line -> table.append("    ").append(line).append('\n'));
            if (header.isEmpty() && !name.startsWith("lib/")) {
                problems.add(name + ": declares no KEYS at its top");
            }
            problems.addAll(undeclaredFixedKeys(name, lua, header));
            problems.addAll(keysNotFromKEYS(name, lua));
        });
        System.out.println(table);
        assertThat(problems).as("scripts that build or borrow key names").isEmpty();
    }

    @Test
    void theStaticCheckCatchesKeysBuiltInTheScript() {
        assertThat(keysNotFromKEYS("t", "redis.call('DEL', ARGV[1] .. 'job:' .. id)"))
                .contains("t: DEL on ARGV[1] .. 'job:' .. id, which is not from KEYS",
                        "t: the literal 'job:' looks like a piece of a key name");
        assertThat(keysNotFromKEYS("t", "local base = ARGV[1]\nredis.call('ZADD', base, 1, 'x')"))
                .containsExactly("t: ZADD on base, which is not from KEYS");
        assertThat(keysNotFromKEYS("t", "local job = KEYS[1]\njob = ARGV[1]\nredis.call('DEL', job)"))
                .containsExactly("t: DEL on job, which is not from KEYS");
        assertThat(keysNotFromKEYS("t", "for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do\n"
                + "  redis.call('EXISTS', ARGV[1] .. id)\nend"))
                .containsExactly("t: EXISTS on ARGV[1] .. id, which is not from KEYS");
        assertThat(keysNotFromKEYS("t", "redis.call('EXISTS', KEYS[1], ARGV[2])"))
                .containsExactly("t: EXISTS on ARGV[2], which is not from KEYS");
        assertThat(keysNotFromKEYS("t", "local a, b = KEYS[1], KEYS[2]; redis.call('SET', b, '1')\n"
                + "redis.call('DEL', unpack(KEYS))")).isEmpty();
        assertThat(undeclaredFixedKeys("t", "-- KEYS[1]  x\nredis.call('GET', KEYS[2])", List.of("KEYS[1]  x")))
                .hasSize(1);
    }

    // ---------------------------------------------------------------- running the scripts

    @Test
    void everyScriptRunsTouchingOnlyTheKeysItIsGiven() throws Exception {
        StringRedisTemplate redis = new StringRedisTemplate(sharedRedis().getConnectionFactory());
        DeclaredKeysOnly checks = new DeclaredKeysOnly(redis);
        redis.setScriptExecutor(checks);
        redis.afterPropertiesSet();

        exerciseEveryScript(redis);

        Map<String, DeclaredKeysOnly.Runs> runs = checks.runs();
        StringBuilder table = new StringBuilder("Lua scripts and the KEYS of one run:\n");
        List<String> notRun = new ArrayList<>();
        for (String name : scripts().keySet()) {
            if (name.startsWith("lib/")) {
                continue;
            }
            String source = LuaScripts.source(name);
            DeclaredKeysOnly.Runs seen = runs.entrySet().stream().filter(e -> e.getKey().endsWith(source))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (seen == null) {
                notRun.add(name);
                continue;
            }
            table.append(String.format(Locale.ROOT, "%-20s ran %2d×, e.g. with %s%n", name, seen.count(),
                    seen.firstKeys()));
        }
        System.out.println(table);
        assertThat(notRun).as("scripts this test did not run").isEmpty();
    }

    @Test
    void theRunningCheckRefusesAKeyTheScriptWasNotGiven() {
        StringRedisTemplate redis = sharedRedis();
        String own = PREFIX + "{slack:T1}:a";
        String other = PREFIX + "{slack:T1}:b";
        RedisScript<Long> borrows = RedisScript.of("redis.call('SET', ARGV[1], '1') return 1", Long.class);
        RedisScript<Long> builds = RedisScript.of("redis.call('SET', KEYS[1], ARGV[1]) "
                + "redis.call('SET', string.sub(KEYS[1], 1, -2) .. 'b', '1') return 1", Long.class);
        RedisScript<Long> keeps = RedisScript.of("redis.call('SET', KEYS[1], '1') return 1", Long.class);

        assertThatThrownBy(() -> redis.execute(borrows, List.of(own), other))
                .hasStackTraceContaining(DeclaredKeysOnly.UNDECLARED);
        assertThatThrownBy(() -> redis.execute(builds, List.of(own), "v"))
                .hasStackTraceContaining(DeclaredKeysOnly.UNDECLARED);
        assertThat(redis.execute(keeps, List.of(own))).isEqualTo(1L);
        assertThat(redis.hasKey(other)).isFalse();
    }

    /** Runs each store operation that uses a script at least once, on the given template. */
    private void exerciseEveryScript(StringRedisTemplate redis) {
        RedisPromiseStore store = new RedisPromiseStore(redis, properties);
        RedisNudgeQueue queue = new RedisNudgeQueue(redis, properties);
        RedisForgetting forgetting = new RedisForgetting(redis, properties);
        Instant due = NOW.plus(Duration.ofDays(2));

        // promise_create and promise_apply, with follow-ups to add and to cancel
        Promise made = store.create(new PromiseDraft(WS, ALICE.userId(), BOB.userId(), "the deck", "", due, NOW,
                        PromiseStatus.OPEN), new HistoryEntry(NOW, ALICE.userId(), Event.CREATED, ""),
                p -> new FollowUps.Plan(List.of(job(NudgeIds.of(p.id(), NudgeKind.DUE, p.due()), due)), List.of()));
        Promise.Change delivered = made.deliver(ALICE.userId(), NOW.plusSeconds(1));
        assertThat(store.apply(delivered, new FollowUps.Plan(
                List.of(job(NudgeIds.of(made.id(), NudgeKind.RATING, due), NOW)),
                List.of(NudgeIds.of(made.id(), NudgeKind.DUE, due))))).isTrue();

        // the queue: schedule, claim, sent, drop, fail, retry, hold, sent_held, reserve, release, failed
        queue.schedule(WS, List.of(job("a", NOW), job("b", NOW), job("c", NOW), job("d", NOW)));
        List<Claim> claims = queue.claim(NOW, Duration.ofMinutes(1), 10);
        assertThat(claims).hasSize(5);
        Map<String, Claim> byId = new HashMap<>();
        claims.forEach(c -> byId.put(c.id(), c));
        assertThat(queue.sent(byId.get("a"), List.of(job("a2", NOW.plusSeconds(60))))).isTrue();
        assertThat(queue.drop(byId.get("b"))).isTrue();
        assertThat(queue.fail(byId.get("c"), "channel_not_found")).isTrue();
        assertThat(queue.retryAt(byId.get("d"), NOW.plusSeconds(30), 1)).isTrue();
        FollowUp digest = job(NudgeIds.digest(BOB, LocalDate.of(2026, 3, 2)), NOW);
        Claim rating = byId.get(NudgeIds.of(made.id(), NudgeKind.RATING, due));
        assertThat(queue.hold(rating, BOB, digest)).isTrue();
        Claim digestClaim = queue.claim(NOW, Duration.ofMinutes(1), 10).stream()
                .filter(c -> c.id().equals(digest.id())).findFirst().orElseThrow();
        assertThat(queue.sentHeld(digestClaim, BOB, List.of(rating.id()), List.of("gone"), List.of())).isTrue();
        assertThat(queue.reserve(BOB, LocalDate.of(2026, 3, 2))).isEqualTo(1);
        queue.release(BOB, LocalDate.of(2026, 3, 2));
        assertThat(queue.failed(WS)).containsKey("c");

        // forget-me: anonymise, then erase (drop jobs, drop failure records, drop lists)
        Promise before = store.find(WS, made.id()).orElseThrow();
        List<HistoryEntry> history = store.history(WS, made.id());
        Promise after = new Promise(before.id(), WS, before.providerId(), FormerColleague.ID, before.what(),
                before.whatMatters(), before.due(), before.created(), before.status(), before.renegotiations(),
                before.rating(), before.closingNote(), before.version() + 1);
        assertThat(forgetting.anonymise(before, history.size(), after, history)).isTrue();
        queue.schedule(WS, List.of(job(NudgeIds.again(NudgeIds.of(made.id(), NudgeKind.REMINDER, due), NOW), NOW)));
        assertThat(forgetting.erase(BOB, List.of(made.id()), NOW)).isTrue();

        // the profile cache and the hosted workspace
        new RedisProfileCache(redis, properties).put(new Profile(BOB, "Bob", ZoneId.of("UTC"), false, true),
                Duration.ofHours(1));
        RedisHostedChatStore hosted = new RedisHostedChatStore(redis, properties);
        Workspace playground = new Workspace("playground", "local");
        hosted.append(playground, "dm:bob", new HostedChatStore.Entry("1", "hello"));
        assertThat(hosted.replace(playground, "dm:bob", new HostedChatStore.Entry("1", "hi"))).isTrue();
    }

    private static FollowUp job(String id, Instant at) {
        return new FollowUp(id, at, Map.of("kind", "DUE"));
    }

    // ---------------------------------------------------------------- the static check

    /** Every .lua resource under {@link LuaScripts#DIR}, by name (as {@link LuaScripts#source} takes it). */
    static Map<String, String> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(LuaScriptKeysTest.class.getClassLoader().getResource(LuaScripts.DIR).toURI());
        Map<String, String> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".lua")).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                scripts.put(name.substring(0, name.length() - ".lua".length()), Files.readString(file));
            }
        }
        return scripts;
    }

    /** The lines of the script's leading comment that say what a KEYS entry is. */
    static List<String> declaredKeys(String lua) {
        List<String> lines = new ArrayList<>();
        for (String line : lua.split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            String text = line.substring(2).strip();
            if (text.startsWith("KEYS")) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** Fixed {@code KEYS[n]} the code uses beyond the highest index its header names. */
    static List<String> undeclaredFixedKeys(String name, String lua, List<String> header) {
        int declared = 0;
        Matcher number = Pattern.compile("\\d+").matcher(String.join(" ", header));
        while (number.find()) {
            declared = Math.max(declared, Integer.parseInt(number.group()));
        }
        List<String> problems = new ArrayList<>();
        Matcher fixed = FIXED_KEY.matcher(code(lua));
        while (fixed.find()) {
            if (Integer.parseInt(fixed.group(1)) > declared) {
                problems.add(name + ": uses " + fixed.group() + ", which its header does not declare");
            }
        }
        return problems;
    }

    /** Every call whose key is not from KEYS, and every string literal that looks like a piece of a key name. */
    static List<String> keysNotFromKEYS(String name, String lua) {
        String code = code(lua);
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        for (String line : code.split("\n")) {
            for (String statement : split(line, ';')) {
                Matcher m = ASSIGNMENT.matcher(statement);
                if (m.matches()) {
                    List<String> names = split(m.group(1), ',');
                    List<String> values = split(m.group(2).replaceFirst("\\s+(then|do)\\b.*$", ""), ',');
                    for (int i = 0; i < names.size(); i++) {
                        String value = i < values.size() && names.size() == values.size() ? values.get(i) : "?";
                        assigned.computeIfAbsent(names.get(i).strip(), n -> new ArrayList<>()).add(value.strip());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            List<String> args = arguments(code, call.end());
            String command = args.isEmpty() ? "" : args.get(0).replaceAll("['\"]", "").toUpperCase(Locale.ROOT);
            List<String> keyArgs = ALL_ARGS_ARE_KEYS.contains(command) ? args.subList(1, args.size())
                    : args.subList(Math.min(1, args.size()), Math.min(2, args.size()));
            for (String key : keyArgs) {
                if (!fromKeys(key, assigned)) {
                    problems.add(name + ": " + command + " on " + key + ", which is not from KEYS");
                }
            }
        }
        Matcher literal = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"").matcher(code);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (text.endsWith(":") || text.contains("{") || text.startsWith("kept")) {
                problems.add(name + ": the literal '" + text + "' looks like a piece of a key name");
            }
        }
        return problems;
    }

    private static boolean fromKeys(String expression, Map<String, List<String>> assigned) {
        String e = expression.strip();
        if (FROM_KEYS.matcher(e).matches()) {
            return true;
        }
        List<String> values = assigned.get(e);
        return values != null && values.stream().allMatch(v -> KEYS_REF.matcher(v).matches());
    }

    /** The script without comments (string contents kept). */
    static String code(String lua) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < lua.length(); i++) {
            char c = lua.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < lua.length()) {
                    out.append(lua.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && i + 1 < lua.length() && lua.charAt(i + 1) == '-') {
                while (i < lua.length() && lua.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else {
                if (c == '\'' || c == '"') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The arguments of a call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder arg = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                arg.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(arg.toString().strip());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(arg.toString().strip());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        return args;
    }

    /** {@code text} split at {@code separator} where it is outside brackets and strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder part = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }
}
