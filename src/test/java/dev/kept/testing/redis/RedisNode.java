package dev.kept.testing.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One redis-server process in a temp dir of its own, with its config file there; deleted when stopped. */
final class RedisNode implements AutoCloseable {

    final int port;
    final Path dir;
    private Process process;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private RedisNode(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts redis-server with {@code lines} as its config (besides port, bind, dir, log and no persistence). */
    static RedisNode start(Path binary, String name, List<String> lines) {
        int port = RedisBinaries.freeNodePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("kept-" + name + "-" + port + "-");
            StringBuilder conf = new StringBuilder()
                    .append("port ").append(port).append('\n')
                    .append("bind 127.0.0.1\n")
                    .append("protected-mode no\n")
                    .append("daemonize no\n")
                    .append("dir ").append(dir).append('\n')
                    .append("logfile ").append(dir.resolve("redis.log")).append('\n')
                    .append("save \"\"\n")
                    .append("appendonly no\n");
            lines.forEach(l -> conf.append(l).append('\n'));
            Path file = dir.resolve(name.startsWith("sentinel") ? "sentinel.conf" : "redis.conf");
            Files.writeString(file, conf);
            RedisNode node = new RedisNode(port, dir);
            ProcessBuilder builder = name.startsWith("sentinel")
                    ? new ProcessBuilder(binary.toString(), file.toString(), "--sentinel")
                    : new ProcessBuilder(binary.toString(), file.toString());
            node.process = builder.directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start redis-server " + name, e);
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Waits until the node answers PING. */
    RedisNode awaitUp() {
        await("redis-server on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server on " + port + " exited: " + log());
                    }
                    return "PONG".equals(commands().ping());
                });
        return this;
    }

    /** A plain connection to this node alone (no cluster routing). */
    synchronized RedisCommands<String, String> commands() {
        if (connection == null || !connection.isOpen()) {
            if (client == null) {
                client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                        .withTimeout(Duration.ofSeconds(5)).build());
            }
            connection = client.connect();
        }
        return connection.sync();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RedisBinaries.deleteTree(dir);
    }
}
