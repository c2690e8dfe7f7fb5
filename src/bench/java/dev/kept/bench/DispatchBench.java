package dev.kept.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import dev.kept.KeptApplication;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeProperties;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStore;
import dev.kept.store.redis.EmbeddedRedis;
import dev.kept.slack.SlackJson;
import dev.kept.testing.slack.FakeSlackApi;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatch: N reminders falling due together (or spread over a window), sent by one or two in-process Kept
 * instances to the fake Slack API, beside the ceiling: the same messages posted with the same SDK client from
 * the same number of threads, no scheduler.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code nudges=100000}, {@code instances=1} (1 or 2; a second
 * instance runs in the same JVM, with its own Spring context, Redis connections and Slack client),
 * {@code spread=0} (s over which the due times are spread; 0 = all due at the same instant), {@code warmup=2000}
 * (nudges sent and discarded first), {@code providers=1000}, {@code ceiling=true}.
 *
 * <p>Promises are written straight through the {@link PromiseStore} bean (no Slack traffic), each with one
 * REMINDER job in the shape {@code NudgePlanner} plans. They are queued far in the future, then one Lua script
 * moves every queued job to its due time, so all become due at once.
 */
public final class DispatchBench {

    static final Workspace WS = new Workspace("slack", FakeSlackApi.TEAM_ID);
    static final int MAX_NUDGES = 1_000_000;
    static final long RUN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(900);
    static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private DispatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, "nudges", "instances", "spread", "warmup", "providers", "ceiling");
        int n = Args.bounded(a, "nudges", 100_000, 1, MAX_NUDGES);
        int instances = Args.bounded(a, "instances", 1, 1, 2);
        int spread = Args.bounded(a, "spread", 0, 0, 600);
        int warm = Args.bounded(a, "warmup", 2_000, 0, MAX_NUDGES);
        int providers = Args.bounded(a, "providers", 1_000, 1, 100_000);
        boolean ceiling = Boolean.parseBoolean(a.getOrDefault("ceiling", "true"));

        AckPathBench.machine();
        System.out.printf(Locale.ROOT, "Run: nudges=%d instances=%d spread=%ds warmup=%d providers=%d%n",
                n, instances, spread, warm, providers);

        Path dataDir = Files.createTempDirectory("kept-bench-redis");
        FakeSlackApi fake = FakeSlackApi.start();
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        List<ConfigurableApplicationContext> kept = new ArrayList<>();
        RedisClient client = null;
        Receiver receiver = new Receiver();
        fake.onCall(receiver::accept);
        Thread resetter = null;
        try {
            for (int p = 0; p < providers; p++) {
                fake.addUser(FakeSlackApi.FakeUser.person(provider(p), "p" + p, "Provider " + p, "UTC"));
            }
            String redisUrl = "redis://127.0.0.1:" + redis.port().orElseThrow();
            for (int i = 0; i < instances; i++) {
                kept.add(startKept(fake, redisUrl, "xoxb-kept-" + (char) ('a' + i)));
            }
            int workers = kept.get(0).getBean(NudgeProperties.class).workers();
            int batch = kept.get(0).getBean(NudgeProperties.class).batch();
            System.out.printf(Locale.ROOT, "Kept: %d instance(s) in this JVM, %d nudge workers each, batch %d%n",
                    instances, workers, batch);
            client = RedisClient.create(redisUrl);
            StatefulRedisConnection<String, String> conn = client.connect();
            RedisCommands<String, String> r = conn.sync();
            PromiseStore store = kept.get(0).getBean(PromiseStore.class);

            // The fake keeps every call in a copy-on-write list; clear it often so that it stays cheap.
            resetter = new Thread(() -> {
                long end = System.nanoTime() + RUN_LIMIT_NANOS * 3;
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    fake.reset();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-fake-reset");
            resetter.setDaemon(true);
            resetter.start();

            if (warm > 0) {
                System.out.printf(Locale.ROOT, "%nWarm-up: %d nudges due at once (discarded)%n", warm);
                load(store, warm, providers, 0);
                Outcome w = fire(r, receiver, warm, 0);
                w.print(instances);
            }
            System.out.printf(Locale.ROOT, "%nLoading %d promises, each with one reminder queued far ahead ...%n", n);
            long t0 = System.nanoTime();
            load(store, n, providers, warm);
            System.out.printf(Locale.ROOT, "  loaded in %.1f s (%.0f promises/s through PromiseStore.create)%n",
                    (System.nanoTime() - t0) / 1e9, n / ((System.nanoTime() - t0) / 1e9));
            System.out.printf(Locale.ROOT, "%nDispatch: %d nudges %s%n", n,
                    spread == 0 ? "due at the same instant" : "due spread evenly over " + spread + " s");
            Outcome out = fire(r, receiver, n, spread);
            out.print(instances);
            if (spread == 0) {
                double perInstance = out.rate() / instances;
                System.out.printf(Locale.ROOT, "  Goal >= 2,000 nudges/s on one instance: %s (%.0f/s per instance)%n",
                        perInstance >= 2000 ? "met" : "MISSED", perInstance);
            } else {
                System.out.printf(Locale.ROOT, "  Goal p99 lateness < 1 s: %s (p99 %.0f ms)%n",
                        out.pct(0.99) < 1_000_000 ? "met" : "MISSED", out.pct(0.99) / 1e3);
            }

            if (ceiling && spread == 0) {
                for (ConfigurableApplicationContext c : kept) {
                    c.close(); // nothing else uses the cores while the ceiling runs
                }
                kept.clear();
                int threads = workers * instances;
                System.out.printf(Locale.ROOT, "%nCeiling: the same %d messages with the same SDK client from %d threads, "
                        + "no scheduler, no Redis%n", n, threads);
                double ceilingRate = ceiling(fake, receiver, n, providers, threads);
                System.out.printf(Locale.ROOT, "  ceiling %.0f msgs/s; Kept %.0f/s = %.0f %% of it (goal >= 50 %%)%n",
                        ceilingRate, out.rate(), 100 * out.rate() / ceilingRate);
            }
            conn.close();
        } finally {
            if (resetter != null) {
                resetter.interrupt();
            }
            for (ConfigurableApplicationContext c : kept) {
                c.close();
            }
            if (client != null) {
                client.shutdown();
            }
            redis.close();
            fake.close();
            AckPathBench.deleteTree(dataDir);
        }
        System.exit(0);
    }

    static String provider(int p) {
        return String.format(Locale.ROOT, "UP%05d", p);
    }

    static ConfigurableApplicationContext startKept(FakeSlackApi fake, String redisUrl, String token) {
        return new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kept.slack.bot-token=" + token,
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + AckPathBench.SECRET,
                "--kept.slack.api-url=" + fake.baseUrl(),
                "--kept.redis.url=" + redisUrl,
                "--kept.nudges.working-hours.enabled=false",
                "--kept.nudges.daily-cap=100000000",
                "--logging.level.root=WARN");
    }

    /** Writes {@code n} promises (due in 30 days), each with one REMINDER queued a year ahead. */
    static void load(PromiseStore store, int n, int providers, int offset) throws Exception {
        Instant now = Instant.now();
        Instant due = now.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant far = now.plus(Duration.ofDays(365));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    int k = offset + i;
                    String prov = provider(k % providers);
                    String recv = String.format(Locale.ROOT, "UR%05d", k % providers);
                    PromiseDraft d = new PromiseDraft(WS, prov, recv, "send the Q3 deck, part " + k, "", due, now);
                    store.create(d, new HistoryEntry(now, prov, HistoryEntry.Event.CREATED, ""),
                            (Promise p) -> new FollowUps.Plan(List.of(reminder(p, far)), List.of()));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(600, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    /** The job {@code NudgePlanner} plans for a reminder (see {@code Nudge.at}): same id and data. */
    static FollowUp reminder(Promise p, Instant at) {
        String id = p.id().value() + ".reminder." + p.due().getEpochSecond();
        return new FollowUp(id, at, Map.of("kind", "REMINDER", "promise", p.id().value(),
                "recipient", p.providerId(), "due", Long.toString(p.due().toEpochMilli())));
    }

    static final String RESCHEDULE = """
            local ids = redis.call('ZRANGE', KEYS[1] .. 'due', 0, -1)
            local n = #ids
            local t0 = tonumber(ARGV[1])
            local spread = tonumber(ARGV[2])
            for i, id in ipairs(ids) do
              local at = t0 + math.floor((i - 1) * spread / n)
              redis.call('ZADD', KEYS[1] .. 'due', at, id)
              redis.call('HSET', KEYS[1] .. 'job:' .. id, 'at', at)
            end
            return n
            """;

    /** Moves every queued job to T (+ its share of the spread) and waits until {@code n} messages arrived. */
    static Outcome fire(RedisCommands<String, String> r, Receiver receiver, int n, int spreadSeconds)
            throws InterruptedException {
        String base = "kept:{" + WS.key() + "}:nudge:";
        long t = System.currentTimeMillis() + 2_000;
        long moved = r.eval(RESCHEDULE, ScriptOutputType.INTEGER, new String[] {base}, Long.toString(t),
                Long.toString(spreadSeconds * 1000L));
        Map<String, Long> due = new ConcurrentHashMap<>();
        for (ScoredValue<String> v : r.zrangeWithScores(base + "due", 0, -1)) {
            due.put(v.getValue().substring(0, v.getValue().indexOf('.')), (long) v.getScore());
        }
        if (moved != n) {
            System.out.printf(Locale.ROOT, "  note: %d jobs queued, expected %d%n", moved, n);
        }
        receiver.arm(due, n);
        long limit = System.nanoTime() + RUN_LIMIT_NANOS;
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < limit && receiver.count.get() < n) {
            int now = receiver.count.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.currentTimeMillis() > t + spreadSeconds * 1000L
                    && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(30)) {
                System.out.println("  no progress for 30 s; stopping");
                break;
            }
            Thread.sleep(50);
        }
        long queued = r.zcard(base + "due") + r.zcard(base + "leased");
        return receiver.disarm(queued);
    }

    /** The ceiling: the same messages, posted by {@code threads} threads with the SDK's MethodsClient. */
    static double ceiling(FakeSlackApi fake, Receiver receiver, int n, int providers, int threads) throws Exception {
        ChatPostMessageRequest sample = receiver.sample.get();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        config.setHttpClientCallTimeoutMillis(10_000);
        Slack slack = Slack.getInstance(config);
        MethodsClient methods = slack.methods("xoxb-ceiling");
        // the same call Kept makes: chat.postMessage with its answer parsed by one shared Gson
        SlackJson json = new SlackJson(slack);
        // warm-up, discarded
        post(methods, json, sample, Math.min(n, 2_000), providers, threads);
        long t0 = System.nanoTime();
        int ok = post(methods, json, sample, n, providers, threads);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "  %d posted (%d ok) in %.2f s%n", n, ok, s);
        return n / s;
    }

    static int post(MethodsClient methods, SlackJson json, ChatPostMessageRequest sample, int n, int providers,
                    int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        long deadline = System.nanoTime() + RUN_LIMIT_NANOS;
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                    String id = "CEIL" + i + ".reminder.1";
                    ChatPostMessageRequest req = ChatPostMessageRequest.builder()
                            .channel(provider(i % providers))
                            .text(sample.getText())
                            .blocksAsString(sample.getBlocksAsString())
                            .metadata(new Message.Metadata("kept_nudge", Map.of("key", id)))
                            .unfurlLinks(false).unfurlMedia(false)
                            .build();
                    ChatPostMessageResponse resp = json.chatPostMessage(methods, "xoxb-ceiling", req);
                    if (resp.isOk()) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(RUN_LIMIT_NANOS, TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
        return ok.get();
    }

    /** Counts the fake's chat.postMessage calls while armed: per sender token, first/last arrival, lateness. */
    static final class Receiver {
        final AtomicInteger count = new AtomicInteger();
        final AtomicReference<ChatPostMessageRequest> sample = new AtomicReference<>();
        volatile boolean armed;
        volatile Map<String, Long> due = Map.of();
        volatile long[] lateness = new long[0];
        final Map<String, long[]> perToken = new ConcurrentHashMap<>(); // count, first, last (µs)
        final AtomicLong unknown = new AtomicLong();

        void arm(Map<String, Long> dueByPromise, int n) {
            perToken.clear();
            unknown.set(0);
            lateness = new long[n];
            Arrays.fill(lateness, Long.MIN_VALUE);
            due = dueByPromise;
            count.set(0);
            armed = true;
        }

        Outcome disarm(long stillQueued) {
            armed = false;
            int c = Math.min(count.get(), lateness.length);
            long[] l = Arrays.stream(Arrays.copyOf(lateness, c)).filter(x -> x != Long.MIN_VALUE).toArray();
            return new Outcome(c, l, Map.copyOf(perToken), stillQueued, unknown.get());
        }

        void accept(FakeSlackApi.Call call) {
            if (!"chat.postMessage".equals(call.method())) {
                return;
            }
            String meta = call.param("metadata");
            if (sample.get() == null && meta != null && meta.contains("kept_nudge")) {
                sample.compareAndSet(null, ChatPostMessageRequest.builder().text(call.param("text"))
                        .blocksAsString(call.param("blocks")).build());
            }
            if (!armed) {
                return;
            }
            Instant at = call.at();
            long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            Long d = null;
            if (meta != null) {
                Matcher m = KEY.matcher(meta);
                if (m.find()) {
                    String id = m.group(1);
                    d = due.get(id.substring(0, Math.max(0, id.indexOf('.'))));
                }
            }
            int i = count.getAndIncrement();
            if (d == null) {
                unknown.incrementAndGet();
            } else if (i < lateness.length) {
                lateness[i] = micros - d * 1_000;
            }
            String token = String.valueOf(call.authorization());
            perToken.compute(token, (k, v) -> {
                if (v == null) {
                    return new long[] {1, micros, micros};
                }
                v[0]++;
                v[1] = Math.min(v[1], micros);
                v[2] = Math.max(v[2], micros);
                return v;
            });
        }
    }

    record Outcome(int received, long[] latenessMicros, Map<String, long[]> perToken, long stillQueued,
                   long unknown) {

        Outcome {
            latenessMicros = latenessMicros.clone();
            Arrays.sort(latenessMicros);
        }

        long first() {
            return perToken.values().stream().mapToLong(v -> v[1]).min().orElse(0);
        }

        long last() {
            return perToken.values().stream().mapToLong(v -> v[2]).max().orElse(0);
        }

        /** Messages a second from the first arrival to the last. */
        double rate() {
            long span = last() - first();
            return span <= 0 ? 0 : (received - 1) * 1e6 / span;
        }

        long pct(double p) {
            if (latenessMicros.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * latenessMicros.length);
            return latenessMicros[Math.max(0, Math.min(latenessMicros.length - 1, rank - 1))];
        }

        void print(int instances) {
            System.out.printf(Locale.ROOT, "  received %d (still queued or leased: %d, unmatched: %d), first to last "
                            + "%.2f s: %.0f nudges/s in all%n", received, stillQueued, unknown,
                    (last() - first()) / 1e6, rate());
            perToken.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                long[] v = e.getValue();
                System.out.printf(Locale.ROOT, "    %-22s %7d sent, first to last %.2f s: %.0f/s%n", e.getKey(), v[0],
                        (v[2] - v[1]) / 1e6, v[2] > v[1] ? (v[0] - 1) * 1e6 / (v[2] - v[1]) : 0.0);
            });
            System.out.printf(Locale.ROOT, "  lateness (arrival at the fake minus due time): p50 %.0f ms, p99 %.0f ms, "
                            + "max %.0f ms; first arrival %.0f ms after the due time%n",
                    pct(0.5) / 1e3, pct(0.99) / 1e3, pct(1.0) / 1e3, pct(0.0) / 1e3);
        }
    }

    /** {@code key=value} arguments with bounds. */
    static final class Args {
        static Map<String, String> parse(String[] args, String... known) {
            Map<String, String> m = new java.util.HashMap<>();
            for (String arg : args) {
                String s = arg.startsWith("--") ? arg.substring(2) : arg;
                int eq = s.indexOf('=');
                if (eq <= 0 || !List.of(known).contains(s.substring(0, eq))) {
                    throw new IllegalArgumentException("arguments are key=value with key one of "
                            + List.of(known) + ": " + arg);
                }
                m.put(s.substring(0, eq), s.substring(eq + 1));
            }
            return m;
        }

        static int bounded(Map<String, String> args, String key, int dflt, int min, int max) {
            return AckPathBench.bounded(args, key, dflt, min, max);
        }
    }
}
