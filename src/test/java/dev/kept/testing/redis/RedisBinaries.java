package dev.kept.testing.redis;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** The redis-server and redis-cli the local Cluster and Sentinel run, and ports and folders for them. */
final class RedisBinaries {

    /** Highest port a node may take: its cluster bus listens 10000 above it. */
    static final int HIGHEST_PORT = 55535;
    private static final int LOWEST_PORT = 20000;

    private RedisBinaries() {
    }

    /** Set to {@code embedded} to use embedded-redis's binary even where redis-server is on the PATH. */
    static final String BINARY_PROPERTY = "kept.test.redis-binary";

    /** Debian's redis-server when it is on the PATH, else the one embedded-redis ships (extracted to a temp file). */
    static Path server() {
        Optional<Path> onPath = "embedded".equals(System.getProperty(BINARY_PROPERTY)) ? Optional.empty()
                : onPath("redis-server");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        try {
            File extracted = ExecutableProvider.newJarResourceProvider().get();
            return extracted.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("No redis-server on the PATH and embedded-redis could not extract its own", e);
        }
    }

    /** redis-cli on the PATH, if any (embedded-redis ships none). */
    static Optional<Path> cli() {
        return onPath("redis-cli");
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A port no greater than {@link #HIGHEST_PORT} that is free, and whose bus port (+10000) is free too. */
    static int freeNodePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT + 1);
            if (free(port) && free(port + 10000)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port pair (port, port + 10000) found below " + HIGHEST_PORT);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is no failure
        }
    }
}
