package dev.kept.testing.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis behind Sentinel on 127.0.0.1: one master, one replica and three sentinels watching them
 * under {@link #MASTER}, each a redis-server process in a temp dir of its own, on free ports.
 * {@link #start()} returns once the replica is in sync and every sentinel sees the master and the
 * replica; {@link #failover()} asks for a failover and waits until the sentinels name the old replica.
 */
public final class LocalSentinel implements AutoCloseable {

    public static final String MASTER = "kept-master";

    private final List<RedisNode> data;
    private final List<RedisNode> sentinels;
    private final Duration startTime;

    private LocalSentinel(List<RedisNode> data, List<RedisNode> sentinels, Duration startTime) {
        this.data = data;
        this.sentinels = sentinels;
        this.startTime = startTime;
    }

    public static LocalSentinel start() {
        long began = System.nanoTime();
        Path binary = RedisBinaries.server();
        List<RedisNode> data = new ArrayList<>();
        List<RedisNode> sentinels = new ArrayList<>();
        try {
            RedisNode master = RedisNode.start(binary, "master", List.of()).awaitUp();
            data.add(master);
            data.add(RedisNode.start(binary, "replica", List.of("replicaof 127.0.0.1 " + master.port)).awaitUp());
            for (int i = 0; i < 3; i++) {
                sentinels.add(RedisNode.start(binary, "sentinel" + i, List.of(
                        "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port + " 2",
                        "sentinel down-after-milliseconds " + MASTER + " 1000",
                        "sentinel failover-timeout " + MASTER + " 5000",
                        "sentinel parallel-syncs " + MASTER + " 1")).awaitUp());
            }
            await("the replica is in sync").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> data.get(1).commands().info("replication").contains("master_link_status:up"));
            await("every sentinel sees the replica and the other sentinels").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> sentinels.stream().allMatch(s -> {
                        String info = s.commands().info("sentinel");
                        return info.contains("slaves=1") && info.contains("sentinels=3");
                    }));
            return new LocalSentinel(data, sentinels, Duration.ofNanos(System.nanoTime() - began));
        } catch (RuntimeException | Error e) {
            sentinels.forEach(RedisNode::close);
            data.forEach(RedisNode::close);
            throw e;
        }
    }

    /** The sentinels' {@code 127.0.0.1:port}, comma-separated: KEPT_REDIS_SENTINEL_NODES. */
    public String sentinelNodes() {
        return sentinels.stream().map(RedisNode::address).collect(Collectors.joining(","));
    }

    public Duration startTime() {
        return startTime;
    }

    /** The port of the master the sentinels name now. */
    public int masterPort() {
        try (RedisClient client = RedisClient.create(RedisURI.create("redis://" + sentinels.get(0).address()));
             StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
            SocketAddress address = sentinel.sync().getMasterAddrByName(MASTER);
            return ((InetSocketAddress) address).getPort();
        }
    }

    /**
     * Waits until the replica has everything the master has (WAIT), then SENTINEL FAILOVER, then waits until
     * the sentinels name the other node as master, it says so itself, and the old master has become its
     * replica. Returns how long that took.
     */
    public Duration failover() {
        int before = masterPort();
        RedisNode master = node(before);
        master.commands().waitForReplication(1, 5000);
        long began = System.nanoTime();
        try (RedisClient client = RedisClient.create(RedisURI.create("redis://" + sentinels.get(0).address()));
             StatefulRedisSentinelConnection<String, String> sentinel = client.connectSentinel()) {
            sentinel.sync().failover(MASTER);
        }
        await("the sentinels promote the replica").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> {
                    int now = masterPort();
                    return now != before && node(now).commands().info("replication").contains("role:master");
                });
        // Until the sentinels turn the old master into a replica (some seconds later), it still takes writes from
        // clients that stay connected to it; turning it kills those connections, and they reconnect through the
        // sentinels. The failover is over only then.
        await("the old master follows the new one").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> {
                    String info = master.commands().info("replication");
                    return info.contains("role:slave") && info.contains("master_link_status:up");
                });
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private RedisNode node(int port) {
        return data.stream().filter(n -> n.port == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no data node on " + port));
    }

    /** Whether {@code key} exists on the node that is master now, asked over a plain connection. */
    public boolean existsOnMaster(String key) {
        return node(masterPort()).commands().exists(key) == 1L;
    }

    /** Empties the master (the replica follows). */
    public void flushAll() {
        node(masterPort()).commands().flushall();
    }

    @Override
    public void close() {
        sentinels.forEach(RedisNode::close);
        data.forEach(RedisNode::close);
    }
}
