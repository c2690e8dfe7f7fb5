package dev.kept.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kept.KeptApplication;
import dev.kept.store.redis.EmbeddedRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.SlackRequests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The ack path: signed {@code /promise} slash commands over HTTP to Kept's {@code /slack/events}, beside a bare
 * Bolt app in the same JVM whose handler only acks (the ceiling). Everything runs on 127.0.0.1: the fake Slack
 * Web API (from the test tree), an embedded Redis, Kept in HTTP mode (Spring Boot, Tomcat), the bare Bolt app
 * (JDK HttpServer handing the raw request to {@code App.run}, as Kept's controller does) and the load generator.
 *
 * <p>Phases, each for both targets: a warm-up (discarded); an open-loop run at a fixed rate (latency is measured
 * from the moment a request was due to be sent, so a stalled server cannot hide its queue); a closed-loop
 * throughput probe (N clients, each sending its next request when the previous one is answered).
 *
 * <p>Arguments, all optional, as {@code key=value}: {@code rate=200} (requests/s), {@code duration=15} (s of the
 * open-loop run), {@code warmup=5} (s), {@code clients=16} and {@code probe=10} (s) for the throughput probe.
 * Prints figures; asserts nothing.
 */
public final class AckPathBench {

    static final String SECRET = "bench-signing-secret";
    static final String TEAM = FakeSlackApi.TEAM_ID;
    static final String TEXT = "<@U222|bob> send the Q3 deck by next friday 3pm";
    /** Upper bounds on what the arguments may ask for, so that no run is unbounded. */
    static final int MAX_RATE = 20_000;
    static final int MAX_SECONDS = 600;
    static final int MAX_CLIENTS = 256;
    static final int PROBE_MAX_REQUESTS = 2_000_000;

    private AckPathBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parseArgs(args);
        int rate = bounded(a, "rate", 200, 1, MAX_RATE);
        int duration = bounded(a, "duration", 15, 1, MAX_SECONDS);
        int warmup = bounded(a, "warmup", 5, 0, MAX_SECONDS);
        int clients = bounded(a, "clients", 16, 1, MAX_CLIENTS);
        int probe = bounded(a, "probe", 10, 1, MAX_SECONDS);

        System.setProperty("sun.net.httpserver.nodelay", "true");
        machine();
        System.out.printf(Locale.ROOT, "Run: rate=%d/s duration=%ds warmup=%ds, probe: clients=%d for %ds%n",
                rate, duration, warmup, clients, probe);

        Path dataDir = Files.createTempDirectory("kept-bench-redis");
        FakeSlackApi fake = FakeSlackApi.start();
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, 0);
        ConfigurableApplicationContext kept = null;
        BareBolt bolt = null;
        try {
            String redisUrl = "redis://127.0.0.1:" + redis.port().orElseThrow();
            long t0 = System.nanoTime();
            kept = new SpringApplicationBuilder(KeptApplication.class).run(
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--kept.slack.bot-token=xoxb-bench",
                    "--kept.slack.app-token=",
                    "--kept.slack.signing-secret=" + SECRET,
                    "--kept.slack.api-url=" + fake.baseUrl(),
                    "--kept.redis.url=" + redisUrl,
                    "--logging.level.root=WARN",
                    // every refusal would be a log line; the harness counts them instead
                    "--logging.level.dev.kept.slack.SlackWork=ERROR");
            System.out.printf(Locale.ROOT, "Kept started in-process in %d ms (not a start-up benchmark)%n",
                    (System.nanoTime() - t0) / 1_000_000);
            int keptPort = Integer.parseInt(kept.getEnvironment().getProperty("local.server.port"));
            bolt = new BareBolt(fake.baseUrl(), SECRET);

            Target keptTarget = new Target("Kept", URI.create("http://127.0.0.1:" + keptPort + "/slack/events"), fake);
            Target boltTarget = new Target("bare Bolt", URI.create("http://127.0.0.1:" + bolt.port() + "/slack/events"),
                    fake);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            // One signed request to each, to fail fast on a misconfiguration.
            for (Target t : List.of(keptTarget, boltTarget)) {
                HttpResponse<String> r = http.send(t.request(0), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(t.name + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            drain(fake, keptTarget);

            if (warmup > 0) {
                System.out.printf(Locale.ROOT, "%nWarm-up: %d s at %d/s each (discarded)%n", warmup, rate);
                openLoop(http, boltTarget, rate, warmup);
                openLoop(http, keptTarget, rate, warmup);
                drain(fake, keptTarget);
                closedLoop(http, boltTarget, clients, Math.min(warmup, 3));
                closedLoop(http, keptTarget, clients, Math.min(warmup, 3));
                drain(fake, keptTarget);
            }

            System.out.printf(Locale.ROOT, "%nOpen loop: %d requests/s for %d s (latency from the scheduled send time)%n",
                    rate, duration);
            Result boltOpen = openLoop(http, boltTarget, rate, duration);
            boltOpen.print();
            fake.reset();
            Result keptOpen = openLoop(http, keptTarget, rate, duration);
            keptOpen.print();
            long keptDone = drain(fake, keptTarget);
            System.out.printf(Locale.ROOT, "  Kept: answers posted to response_url after the run: %d of %d taken%n",
                    keptDone, keptOpen.ok - keptOpen.busy);
            System.out.printf(Locale.ROOT, "  Kept / bare Bolt: p50 %.2fx, p99 %.2fx, p99.9 %.2fx%n",
                    ratio(keptOpen.pct(0.50), boltOpen.pct(0.50)), ratio(keptOpen.pct(0.99), boltOpen.pct(0.99)),
                    ratio(keptOpen.pct(0.999), boltOpen.pct(0.999)));
            boolean goal = keptOpen.errors == 0 && keptOpen.busy == 0 && keptOpen.pct(0.99) < 50_000_000L;
            System.out.printf(Locale.ROOT, "  Goal p99 < 50 ms at %d/s with no error: %s (p99 %.2f ms, %d errors, %d busy)%n",
                    rate, goal ? "met" : "MISSED", keptOpen.pct(0.99) / 1e6, keptOpen.errors, keptOpen.busy);

            System.out.printf(Locale.ROOT, "%nThroughput probe: %d clients, closed loop, %d s each%n", clients, probe);
            fake.reset();
            Result boltMax = closedLoop(http, boltTarget, clients, probe);
            boltMax.print();
            fake.reset();
            Result keptMax = closedLoop(http, keptTarget, clients, probe);
            long keptWorkInProbe = fake.count(FakeSlackApi.RESPONSE_URL);
            keptMax.print();
            System.out.printf(Locale.ROOT, "  Kept: work finished during the probe (answers posted to response_url): "
                    + "%d, %.0f/s%n", keptWorkInProbe, keptWorkInProbe / keptMax.seconds);
            double takenRate = (keptMax.ok - keptMax.busy) / keptMax.seconds;
            System.out.printf(Locale.ROOT, "  Kept / bare Bolt throughput: %.0f %% of acks (%.0f %% counting only "
                            + "acks that took the work; goal >= 70 %%)%n",
                    100.0 * keptMax.rate() / boltMax.rate(), 100.0 * takenRate / boltMax.rate());
            drain(fake, keptTarget);
        } finally {
            if (bolt != null) {
                bolt.close();
            }
            if (kept != null) {
                kept.close();
            }
            redis.close();
            fake.close();
            deleteTree(dataDir);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- load

    /** Sends {@code rate} requests a second for {@code seconds}, each on time whatever the answers do. */
    static Result openLoop(HttpClient http, Target target, int rate, int seconds) throws InterruptedException {
        int n = Math.toIntExact((long) rate * seconds);
        long period = 1_000_000_000L / rate;
        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long maxLag = 0;
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            int index = i;
            http.sendAsync(target.request(target.next()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, failure) -> {
                        long now = System.nanoTime();
                        if (failure != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            if (r.body().contains("busy")) {
                                busy.incrementAndGet();
                            }
                            latency[index] = now - due;
                        }
                        done.countDown();
                    });
        }
        long sentFor = System.nanoTime() - start;
        boolean all = done.await(30, TimeUnit.SECONDS);
        int unanswered = all ? 0 : (int) done.getCount();
        long[] ok = Arrays.stream(latency).filter(l -> l >= 0).toArray();
        Result r = new Result(target.name, n, ok, errors.get() + unanswered, busy.get(),
                (sentFor + period) / 1e9);
        r.note = String.format(Locale.ROOT, "sent at %.1f/s, generator's worst lag %.2f ms", n / r.seconds,
                maxLag / 1e6);
        return r;
    }

    /** {@code clients} threads, each sending its next request as soon as the last is answered, for {@code seconds}. */
    static Result closedLoop(HttpClient http, Target target, int clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<LongList> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            LongList mine = new LongList();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline && sent.incrementAndGet() <= PROBE_MAX_REQUESTS) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(target.request(target.next()),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (r.body().contains("busy")) {
                            busy.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - t0);
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 30L));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(LongList::stream).toArray();
        Result r = new Result(target.name, all.length + errors.get(), all, errors.get(), busy.get(), elapsed);
        r.note = "closed loop, " + clients + " clients";
        return r;
    }

    /** Waits until Kept has answered all the work it took (or until the answers stop coming, at most 60 s). */
    static long drain(FakeSlackApi fake, Target kept) throws InterruptedException {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < limit) {
            int now = fake.count(FakeSlackApi.RESPONSE_URL);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                break;
            }
            Thread.sleep(200);
        }
        return last;
    }

    /** Where the requests go, and how each is made: a fresh response_url and trigger id, signed now. */
    static final class Target {
        final String name;
        final URI uri;
        final FakeSlackApi fake;
        final AtomicLong seq = new AtomicLong();

        Target(String name, URI uri, FakeSlackApi fake) {
            this.name = name;
            this.uri = uri;
            this.fake = fake;
        }

        long next() {
            return seq.incrementAndGet();
        }

        HttpRequest request(long n) {
            String body = SlackRequests.slashCommandBody(TEAM, "U111", "alice", "/promise", TEXT,
                    fake.responseUrl("bench-" + n), "trigger-bench-" + n, "C0GENERAL");
            long ts = SlackRequests.nowSeconds();
            return HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", SlackRequests.FORM)
                    .header("User-Agent", SlackRequests.USER_AGENT)
                    .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                    .header("X-Slack-Signature", SlackRequests.signature(SECRET, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        }
    }

    // ---------------------------------------------------------------- the ceiling: Bolt with nothing around it

    /** A Bolt app whose {@code /promise} handler only acks, behind the JDK's HttpServer. Bolt checks signatures. */
    static final class BareBolt implements AutoCloseable {
        private final App app;
        private final SlackRequestParser parser;
        private final HttpServer server;
        private final ExecutorService pool;

        BareBolt(String apiUrl, String signingSecret) throws IOException {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(apiUrl);
            AppConfig appConfig = AppConfig.builder()
                    .slack(Slack.getInstance(config))
                    .singleTeamBotToken("xoxb-bench")
                    .signingSecret(signingSecret)
                    .build();
            app = new App(appConfig);
            app.command("/promise", (req, ctx) -> ctx.ack());
            parser = new SlackRequestParser(app.config());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            // Tomcat's default is at most 200 request threads; the same bound here.
            pool = Executors.newFixedThreadPool(200, r -> {
                Thread t = new Thread(r, "bare-bolt");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(pool);
            server.createContext("/slack/events", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String body;
                try (InputStream in = ex.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Map<String, List<String>> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(ex.getRequestURI().getPath())
                        .queryString(Map.of())
                        .headers(new RequestHeaders(headers))
                        .requestBody(body)
                        .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                        .build());
                Response response;
                if (request == null) {
                    response = Response.builder().statusCode(400).body("not a Slack request").build();
                } else {
                    response = app.run(request);
                }
                byte[] out = response.getBody() == null ? new byte[0]
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
                if (response.getContentType() != null) {
                    ex.getResponseHeaders().set("Content-Type", response.getContentType());
                }
                ex.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (Exception e) {
                ex.sendResponseHeaders(500, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- figures

    static final class Result {
        final String name;
        final int requests;
        final long[] sorted;
        final int errors;
        final int busy;
        final int ok;
        final double seconds;
        String note = "";

        Result(String name, int requests, long[] latencies, int errors, int busy, double seconds) {
            this.name = name;
            this.requests = requests;
            this.sorted = latencies.clone();
            Arrays.sort(this.sorted);
            this.ok = latencies.length;
            this.errors = errors;
            this.busy = busy;
            this.seconds = seconds;
        }

        /** The p-th quantile (nearest rank), in ns; 0 when nothing was answered. */
        long pct(double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        /** Answered (200) requests per second. */
        double rate() {
            return ok / seconds;
        }

        void print() {
            System.out.printf(Locale.ROOT, "  %-9s requests %7d  errors %d  busy %d  achieved %7.1f/s   "
                            + "p50 %6.2f  p99 %6.2f  p99.9 %6.2f  max %7.2f ms   (%s)%n",
                    name, requests, errors, busy, rate(), pct(0.50) / 1e6, pct(0.99) / 1e6, pct(0.999) / 1e6,
                    sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6, note);
        }
    }

    static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** A growable list of longs, so that a closed-loop client records without boxing. */
    static final class LongList {
        private long[] values = new long[4096];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        java.util.stream.LongStream stream() {
            return Arrays.stream(values, 0, size);
        }
    }

    // ---------------------------------------------------------------- plumbing

    static void machine() {
        Runtime rt = Runtime.getRuntime();
        long total = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
        }
        System.out.printf(Locale.ROOT, "Machine: %d cores, %.1f GiB memory; JVM %s, max heap %.1f GiB%n",
                rt.availableProcessors(), total / (double) (1L << 30), System.getProperty("java.vm.version"),
                rt.maxMemory() / (double) (1L << 30));
        System.out.println("Everything (load generator, Kept, bare Bolt, fake Slack API, Redis) shares these cores.");
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String arg : args) {
            String s = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, e.g. rate=200 duration=60: " + arg);
            }
            m.put(s.substring(0, eq), s.substring(eq + 1));
        }
        for (String k : m.keySet()) {
            if (!List.of("rate", "duration", "warmup", "clients", "probe").contains(k)) {
                throw new IllegalArgumentException("unknown argument " + k
                        + " (known: rate, duration, warmup, clients, probe)");
            }
        }
        return m;
    }

    static int bounded(Map<String, String> args, String key, int dflt, int min, int max) {
        int v = args.containsKey(key) ? Integer.parseInt(args.get(key)) : dflt;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ": " + v);
        }
        return v;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
