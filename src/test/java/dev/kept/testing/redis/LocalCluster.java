package dev.kept.testing.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis Cluster on 127.0.0.1: 3 masters and 3 replicas, each a redis-server process (Debian's
 * when on the PATH, else the one embedded-redis ships) in a temp dir of its own, on free ports no higher
 * than 55535 (each node's cluster bus listens 10000 above its port). The cluster is made with
 * {@code redis-cli --cluster create} when redis-cli is on the PATH, else with CLUSTER MEET / ADDSLOTS /
 * REPLICATE sent over a client; either way {@link #start()} returns once every node says
 * {@code cluster_state:ok} and every master has its replica. {@link #close()} stops and deletes it all.
 *
 * <pre>
 * LocalCluster cluster = LocalCluster.shared();           // one per test JVM, stopped when it exits
 * .withPropertyValues("kept.redis.cluster-nodes=" + cluster.seeds())
 * </pre>
 */
public final class LocalCluster implements AutoCloseable {

    /** How the cluster is put together: {@code cli} (redis-cli) or {@code commands}; default cli if present. */
    public static final String CREATE_PROPERTY = "kept.test.cluster.create";
    static final int SLOTS = 16384;

    private static volatile Path binaryUsed;
    private final List<RedisNode> nodes;
    private final Duration startTime;
    private final String createdWith;
    private LettuceConnectionFactory factory;
    private StringRedisTemplate template;

    private LocalCluster(List<RedisNode> nodes, Duration startTime, String createdWith) {
        this.nodes = nodes;
        this.startTime = startTime;
        this.createdWith = createdWith;
    }

    /** The cluster every test of this JVM shares: started the first time one asks, stopped when the JVM exits. */
    public static LocalCluster shared() {
        return Shared.CLUSTER;
    }

    /** Starts a new 3-master, 3-replica cluster; the caller closes it. */
    public static LocalCluster start() {
        boolean useCli = !"commands".equals(System.getProperty(CREATE_PROPERTY)) && RedisBinaries.cli().isPresent();
        return start(useCli);
    }

    public static LocalCluster start(boolean useCli) {
        long began = System.nanoTime();
        Path binary = RedisBinaries.server();
        binaryUsed = binary;
        List<RedisNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                nodes.add(RedisNode.start(binary, "cluster" + i, List.of(
                        "cluster-enabled yes",
                        "cluster-config-file nodes.conf",
                        "cluster-node-timeout 2000",
                        "cluster-require-full-coverage yes")));
            }
            nodes.forEach(RedisNode::awaitUp);
            if (useCli) {
                createWithCli(RedisBinaries.cli().orElseThrow(), nodes);
            } else {
                createWithCommands(nodes);
            }
            awaitHealthy(nodes);
            return new LocalCluster(nodes, Duration.ofNanos(System.nanoTime() - began), useCli ? "redis-cli" : "commands");
        } catch (RuntimeException | Error e) {
            nodes.forEach(RedisNode::close);
            throw e;
        }
    }

    private static void createWithCli(Path cli, List<RedisNode> nodes) {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        nodes.forEach(n -> command.add(n.address()));
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What redis-cli does, by hand: slots split over the first three, each of the others replicates one. */
    private static void createWithCommands(List<RedisNode> nodes) {
        RedisNode first = nodes.get(0);
        for (RedisNode other : nodes.subList(1, nodes.size())) {
            first.commands().clusterMeet("127.0.0.1", other.port);
        }
        int masters = 3;
        for (int m = 0; m < masters; m++) {
            int from = m * SLOTS / masters;
            int to = (m + 1) * SLOTS / masters;
            int[] slots = new int[to - from];
            for (int s = from; s < to; s++) {
                slots[s - from] = s;
            }
            nodes.get(m).commands().clusterAddSlots(slots);
        }
        // a node can replicate only a master it already knows
        await("every node knows the others").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> nodes.stream().allMatch(n -> n.commands().clusterNodes().lines().count() == nodes.size()));
        for (int r = masters; r < nodes.size(); r++) {
            String masterId = nodes.get(r - masters).commands().clusterMyId();
            RedisNode replica = nodes.get(r);
            await("replica " + replica.port + " takes master " + masterId).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> "OK".equals(replica.commands().clusterReplicate(masterId)));
        }
    }

    private static void awaitHealthy(List<RedisNode> nodes) {
        await("cluster_state:ok on every node").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> nodes.stream().allMatch(n -> n.commands().clusterInfo()
                        .contains("cluster_state:ok")));
        await("every master has a replica in sync").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> nodes.stream().allMatch(n -> {
                    String info = n.commands().info("replication");
                    return info.contains("role:master") ? info.contains("connected_slaves:1")
                            : info.contains("master_link_status:up");
                }));
    }

    /** The seeds to give Kept: every node's {@code 127.0.0.1:port}, comma-separated. */
    public String seeds() {
        return nodes.stream().map(RedisNode::address).collect(Collectors.joining(","));
    }

    /** How long {@link #start()} took, from the first process to a healthy cluster. */
    public Duration startTime() {
        return startTime;
    }

    /** The redis-server the last cluster started from. */
    public static Path binary() {
        return binaryUsed;
    }

    /** "redis-cli" or "commands". */
    public String createdWith() {
        return createdWith;
    }

    /** The nodes that are masters now, by port. */
    public List<Integer> masterPorts() {
        return nodes.stream().filter(RedisNode::alive)
                .filter(n -> n.commands().info("replication").contains("role:master"))
                .map(n -> n.port).toList();
    }

    /** A template on the cluster (cluster-aware connection, shared; do not destroy its factory). */
    public synchronized StringRedisTemplate template() {
        if (template == null) {
            factory = connectionFactory(seeds(), Duration.ofSeconds(5));
            template = TestRedis.template(factory);
        }
        return template;
    }

    /** A new, started cluster connection factory with topology refresh on; the caller destroys it. */
    public static LettuceConnectionFactory connectionFactory(String seeds, Duration timeout) {
        ClusterClientOptions options = ClusterClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(5)).build())
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisClusterConfiguration(List.of(seeds.split(","))),
                LettuceClientConfiguration.builder().commandTimeout(timeout).clientOptions(options).build());
        factory.afterPropertiesSet();
        return factory;
    }

    /** Empties every master (FLUSHALL on each; the replicas follow). */
    public void flushAll() {
        for (RedisNode n : nodes) {
            if (n.alive() && n.commands().info("replication").contains("role:master")) {
                n.commands().flushall();
            }
        }
    }

    /** Kills the node on {@code port} at once (SIGKILL), as a crash would. */
    public void kill(int port) {
        node(port).orElseThrow().kill();
    }

    /** Waits (WAIT) until the master on {@code port} has its writes on its replica. */
    public void waitForReplicas(int port) {
        node(port).orElseThrow().commands().waitForReplication(1, 5000);
    }

    /** The node on {@code port}, to kill it or ask it things directly. */
    Optional<RedisNode> node(int port) {
        return nodes.stream().filter(n -> n.port == port).findFirst();
    }

    @Override
    public synchronized void close() {
        if (factory != null) {
            factory.destroy();
        }
        nodes.forEach(RedisNode::close);
    }

    private static final class Shared {
        static final LocalCluster CLUSTER = LocalCluster.start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(CLUSTER::close, "local-cluster-stop"));
        }
    }
}
