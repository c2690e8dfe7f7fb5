package dev.kept.store.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A real redis-server (from the embedded-redis package) that Kept runs itself when no Redis URL is
 * set: bound to 127.0.0.1, keeping its data in an append-only file under the data directory, so a
 * restart finds everything again. {@link #none()} stands for "a Redis URL is set, nothing runs here".
 *
 * <p>The data directory is locked while the server runs, so two Kept processes never write the same
 * append-only file.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    static final String HOST = "127.0.0.1";
    static final String APPEND_ONLY_FILE = "appendonly.aof";
    static final String LOCK_FILE = "kept.lock";
    static final String PID_FILE = "redis.pid";
    static final java.time.Duration ORPHAN_STOP_WAIT = java.time.Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;
    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private EmbeddedRedis(RedisServer server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Nothing runs: Kept uses a Redis it was given a URL for. */
    public static EmbeddedRedis none() {
        return new EmbeddedRedis(null, 0, null, null, null);
    }

    /**
     * Starts redis-server on 127.0.0.1 with its append-only file in {@code dataDir} (created if missing).
     *
     * @param port the TCP port, or 0 for any free one
     * @throws IllegalStateException when the data directory cannot be used or the server does not start
     */
    public static EmbeddedRedis start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        prepare(dir);
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockOrFail(channel, dir);
            stopOrphan(dir);
            RedisServer server = null;
            int chosen = 0;
            for (int attempt = 1; server == null; attempt++) {
                chosen = port == 0 ? freePort() : port;
                try {
                    server = launch(dir, chosen);
                } catch (IOException e) {
                    boolean portTaken = String.valueOf(describe(e)).contains("Address already in use");
                    if (port == 0 && portTaken && attempt < PORT_ATTEMPTS) {
                        continue;
                    }
                    throw new IllegalStateException("Could not start the embedded Redis on " + HOST + ":" + chosen
                            + " with data in " + dir + ": " + describe(e)
                            + (portTaken ? " (the port is in use; pick another with kept.redis.embedded-port)" : ""), e);
                }
            }
            log.info("No REDIS_URL set: started embedded Redis on {}:{}, keeping its data in {} (append-only file). "
                    + "Set REDIS_URL to use your own Redis.", HOST, chosen, dir);
            return new EmbeddedRedis(server, chosen, dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            release(channel, lock);
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            throw new IllegalStateException("Could not start the embedded Redis with data in " + dir + ": "
                    + describe(e), e);
        }
    }

    private static RedisServer launch(Path dir, int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                .setting("dir " + quote(dir.toString()))
                .setting("appendonly yes")
                .setting("appendfilename " + APPEND_ONLY_FILE)
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .setting("pidfile " + quote(dir.resolve(PID_FILE).toString()))
                // keeps a promise whose text runs past Redis' default 64 bytes a compact ziplist/listpack hash
                .setting("hash-max-ziplist-value 1024")
                .serrListener(line -> log.debug("redis-server: {}", line))
                .build();
        server.start();
        return server;
    }

    private static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dir + " for the embedded Redis ("
                    + describe(e) + "). Set KEPT_DATA_DIR to a writable directory, or REDIS_URL to use your own Redis.",
                    e);
        }
        try {
            Path probe = Files.createTempFile(dir, ".kept-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalStateException("The data directory " + dir + " is not writable (" + describe(e)
                    + "). Set KEPT_DATA_DIR to a writable directory, or REDIS_URL to use your own Redis.", e);
        }
    }

    private static FileLock lockOrFail(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("Another Kept is already using the data directory " + dir
                    + ". Stop it, or give this one its own KEPT_DATA_DIR.");
        }
        return lock;
    }

    /**
     * A redis-server left running by a Kept that was killed (kill -9 does not stop child processes)
     * would keep writing the same append-only file. Kept holds the data directory's lock, so no live
     * Kept owns that server: it is stopped gracefully (SIGTERM: Redis writes out its append-only file
     * and exits), and a fresh one takes over the same data.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(command -> command.contains("redis-server")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("A redis-server (pid {}) left running by a Kept that stopped abruptly still had the data directory {}: "
                + "stopping it gracefully so this Kept can take over the same data.", pid, dir);
        ProcessHandle p = orphan.get();
        p.destroy();
        try {
            p.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A redis-server from an earlier Kept run (pid " + pid
                    + ") is still using the data directory " + dir + " and did not stop within "
                    + ORPHAN_STOP_WAIT.toSeconds() + " s. Stop it (kill " + pid + ") and start Kept again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an earlier redis-server (pid " + pid + ")", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not stop an earlier redis-server (pid " + pid + "): " + describe(e), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free port on " + HOST, e);
        }
    }

    /** A value for redis.conf: quoted, so a path with spaces stays one argument. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (b.length() > 0) {
                    b.append(": ");
                }
                b.append(t.getMessage());
            }
        }
        return b.length() == 0 ? e.getClass().getSimpleName() : b.toString();
    }

    /** True while Kept's own redis-server runs. */
    public boolean running() {
        return server != null && server.isActive();
    }

    /** The port of the embedded server, empty when none was started. */
    public Optional<Integer> port() {
        return server == null ? Optional.empty() : Optional.of(port);
    }

    /** Where the embedded server keeps its data, empty when none was started. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** Stops the server (it writes out its append-only file first) and unlocks the data directory. */
    @Override
    public synchronized void close() {
        if (server == null || closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Could not stop the embedded Redis on {}:{}: {}", HOST, port, describe(e));
        } finally {
            release(lockChannel, lock);
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("Could not release the data directory lock: {}", e.toString());
        }
    }
}
