package dev.kept.bench;

import dev.kept.KeptApplication;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgePlanner;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseStore;
import dev.kept.store.redis.EmbeddedRedis;
import dev.kept.testing.slack.FakeSlackApi;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory and start-up: Redis bytes per promise (with its indexes and a three-entry history) and per pending
 * nudge, from {@code INFO memory} deltas; resident memory (VmRSS) of this JVM with an idle Kept and after ack
 * load; start-up time to the first answered request, each in a fresh child JVM.
 *
 * <p>Arguments ({@code key=value}, all optional): {@code promises=100000}, {@code starts=5} (fresh JVMs for
 * the start-up time; 0 skips), {@code ack=30} (s of 200 signed commands/s before the second RSS reading; 0
 * skips). {@code mode=startup} is the child's mode (one start, one line of figures).
 */
public final class MemoryBench {

    static final Workspace WS = new Workspace("slack", FakeSlackApi.TEAM_ID);

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = DispatchBench.Args.parse(args, "promises", "starts", "ack", "mode");
        if ("startup".equals(a.get("mode"))) {
            startupChild();
            System.exit(0);
        }
        int n = DispatchBench.Args.bounded(a, "promises", 100_000, 1, 1_000_000);
        int starts = DispatchBench.Args.bounded(a, "starts", 5, 0, 20);
        int ack = DispatchBench.Args.bounded(a, "ack", 30, 0, 300);
        AckPathBench.machine();

        // Start-up first, in child JVMs, while nothing else runs.
        if (starts > 0) {
            startups(starts);
        }

        Path dataDir = Files.createTempDirectory("kept-bench-redis");
        FakeSlackApi fake = FakeSlackApi.start();
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        ConfigurableApplicationContext kept = null;
        RedisClient client = null;
        try {
            String redisUrl = "redis://127.0.0.1:" + redis.port().orElseThrow();
            System.out.printf(Locale.ROOT, "%nResident memory of this JVM (VmRSS): before Kept %s%n", rss());
            kept = start(fake, redisUrl, 0, false);
            int port = Integer.parseInt(kept.getEnvironment().getProperty("local.server.port"));
            Thread.sleep(3_000);
            System.out.printf(Locale.ROOT, "  Kept started, idle 3 s: %s; heap used %d MiB%n", rss(), heapMiB());
            System.gc();
            Thread.sleep(1_000);
            System.out.printf(Locale.ROOT, "  after System.gc(): %s; heap used %d MiB%n", rss(), heapMiB());
            if (ack > 0) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                AckPathBench.Target target = new AckPathBench.Target("Kept",
                        URI.create("http://127.0.0.1:" + port + "/slack/events"), fake);
                AckPathBench.Result r = AckPathBench.openLoop(http, target, 200, ack);
                r.print();
                AckPathBench.drain(fake, target);
                System.out.printf(Locale.ROOT, "  after %d s of 200 signed /promise commands/s: %s; heap used %d MiB%n",
                        ack, rss(), heapMiB());
                fake.reset();
            }

            client = RedisClient.create(redisUrl);
            StatefulRedisConnection<String, String> conn = client.connect();
            RedisCommands<String, String> r = conn.sync();
            PromiseStore store = kept.getBean(PromiseStore.class);
            NudgePlanner planner = kept.getBean(NudgePlanner.class);
            for (int p = 0; p < 1000; p++) {
                fake.addUser(FakeSlackApi.FakeUser.person(DispatchBench.provider(p), "p" + p, "Provider " + p,
                        "Europe/Berlin"));
            }

            System.out.printf(Locale.ROOT, "%nRedis used_memory deltas at %d promises (FLUSHALL between runs)%n", n);
            // A: promises with a three-entry history (created, acknowledged, due date changed), no nudges.
            r.flushall();
            long base = usedMemory(r);
            load(store, n, (p, now) -> {
                Promise.Change ack1 = p.acknowledge(p.receiverId(), now);
                require(store.apply(ack1, FollowUps.Plan.none()));
                Promise.Change moved = ack1.after().changeDue(p.providerId(), p.due().plusSeconds(86_400),
                        "the deck needs one more review", now);
                require(store.apply(moved, FollowUps.Plan.none()));
            }, false, planner);
            long promisesOnly = usedMemory(r) - base;
            System.out.printf(Locale.ROOT, "  promise + indexes + 3-entry history, no nudges: %d bytes in all, %.0f bytes "
                    + "per promise (goal <= 1,024)%n", promisesOnly, promisesOnly / (double) n);

            // B: promises (one history entry) without and with the nudges the planner gives them.
            r.flushall();
            base = usedMemory(r);
            load(store, n, (p, now) -> { }, false, planner);
            long plain = usedMemory(r) - base;
            r.flushall();
            base = usedMemory(r);
            load(store, n, (p, now) -> { }, true, planner);
            long withNudges = usedMemory(r) - base;
            long jobs = r.zcard("kept:{" + WS.key() + "}:nudge:due");
            System.out.printf(Locale.ROOT, "  promise with 1-entry history: %.0f bytes per promise; with the planner's "
                    + "nudges (%d pending jobs): %.0f bytes per promise%n", plain / (double) n, jobs,
                    withNudges / (double) n);
            System.out.printf(Locale.ROOT, "  per pending nudge: %.0f bytes (goal <= 200)%n",
                    (withNudges - plain) / (double) Math.max(1, jobs));
            r.flushall();
            conn.close();
        } finally {
            if (kept != null) {
                kept.close();
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

    interface After {
        void apply(Promise p, Instant now);
    }

    static void require(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("a change was refused");
        }
    }

    static void load(PromiseStore store, int n, After after, boolean nudges, NudgePlanner planner) throws Exception {
        Instant now = Instant.now();
        Instant due = now.plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    String prov = DispatchBench.provider(i % 1000);
                    String recv = String.format(Locale.ROOT, "UR%05d", (i + 1) % 1000);
                    // a typical promise text, about 40 characters
                    PromiseDraft d = new PromiseDraft(WS, prov, recv, "send the Q3 deck with the numbers " + i,
                            "", due.plusSeconds(i % 3600), now);
                    Promise p = store.create(d, new HistoryEntry(now, prov, HistoryEntry.Event.CREATED, ""),
                            x -> nudges ? planner.afterCreate(x) : FollowUps.Plan.none());
                    after.apply(p, now);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(600, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    static long usedMemory(RedisCommands<String, String> r) {
        for (String line : r.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("no used_memory in INFO memory");
    }

    static String rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "VmRSS %d MiB", kb / 1024);
            }
        }
        return "VmRSS unknown";
    }

    static long heapMiB() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    static ConfigurableApplicationContext start(FakeSlackApi fake, String redisUrl, int port, boolean nudges) {
        return new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--kept.slack.bot-token=xoxb-bench",
                "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + AckPathBench.SECRET,
                "--kept.slack.api-url=" + fake.baseUrl(),
                "--kept.redis.url=" + redisUrl,
                "--kept.nudges.enabled=" + nudges,
                "--logging.level.root=WARN",
                "--logging.level.dev.kept.slack.SlackWork=ERROR");
    }

    // ---------------------------------------------------------------- start-up, in fresh JVMs

    static void startups(int starts) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<long[]> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%nStart-up: %d fresh JVMs (java -Xms256m -Xmx1g), each with its own fake Slack API "
                + "and embedded Redis started first (not counted)%n", starts);
        for (int i = 0; i < starts; i++) {
            Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    MemoryBench.class.getName(), "mode=startup").redirectErrorStream(true).start();
            String result = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("STARTUP ")) {
                        result = line;
                    }
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (result == null) {
                System.out.println("  start " + (i + 1) + ": no result");
                continue;
            }
            String[] f = result.substring(8).trim().split(" ");
            long[] row = new long[f.length];
            for (int k = 0; k < f.length; k++) {
                row[k] = Long.parseLong(f[k]);
            }
            rows.add(row);
            System.out.printf(Locale.ROOT, "  start %d: run() returned %d ms, health 200 %d ms, signed command 200 %d ms "
                    + "after run() began; JVM start to command 200: %d ms%n", i + 1, row[0], row[1], row[2], row[3]);
        }
        if (!rows.isEmpty()) {
            System.out.printf(Locale.ROOT, "  medians: run() %d ms, health %d ms, command %d ms, JVM start to command %d ms "
                            + "(goal: ready in < 3,000 ms)%n",
                    median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3));
        }
    }

    static long median(List<long[]> rows, int col) {
        long[] v = rows.stream().mapToLong(r -> r[col]).sorted().toArray();
        return v[v.length / 2];
    }

    /** One start: prints {@code STARTUP run health command jvmToCommand} in ms. */
    static void startupChild() throws Exception {
        Path dataDir = Files.createTempDirectory("kept-bench-redis");
        FakeSlackApi fake = FakeSlackApi.start();
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        ConfigurableApplicationContext kept = null;
        ExecutorService probes = Executors.newFixedThreadPool(2);
        try {
            String redisUrl = "redis://127.0.0.1:" + redis.port().orElseThrow();
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofMillis(500)).build();
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
            AckPathBench.Target command = new AckPathBench.Target("Kept",
                    URI.create("http://127.0.0.1:" + port + "/slack/events"), fake);
            long t0 = System.nanoTime();
            AtomicLong healthAt = new AtomicLong(-1);
            AtomicLong commandAt = new AtomicLong(-1);
            long limit = t0 + TimeUnit.SECONDS.toNanos(60);
            probes.submit(() -> poll(http, () -> HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET()
                    .build(), t0, limit, healthAt));
            probes.submit(() -> poll(http, () -> command.request(command.next()), t0, limit, commandAt));
            kept = start(fake, redisUrl, port, true);
            long runMs = (System.nanoTime() - t0) / 1_000_000;
            probes.shutdown();
            probes.awaitTermination(60, TimeUnit.SECONDS);
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            long commandWall = System.currentTimeMillis() - (System.nanoTime() - (t0 + commandAt.get() * 1_000_000)) / 1_000_000;
            System.out.printf(Locale.ROOT, "STARTUP %d %d %d %d%n", runMs, healthAt.get(), commandAt.get(),
                    commandWall - jvmStart);
        } finally {
            probes.shutdownNow();
            if (kept != null) {
                kept.close();
            }
            redis.close();
            fake.close();
            AckPathBench.deleteTree(dataDir);
        }
    }

    /** Sends the request every 5 ms until a 200, recording ms since {@code t0}; bounded by {@code limit}. */
    static void poll(HttpClient http, java.util.function.Supplier<HttpRequest> request, long t0, long limit,
                     AtomicLong at) {
        while (System.nanoTime() < limit) {
            try {
                HttpResponse<String> r = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    at.set((System.nanoTime() - t0) / 1_000_000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
