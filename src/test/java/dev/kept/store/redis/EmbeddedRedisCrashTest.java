package dev.kept.store.redis;

import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of Kept leaves its embedded redis-server running (a child process is not killed with its
 * parent). The next Kept on the same data directory stops that orphan gracefully and takes over its data.
 */
class EmbeddedRedisCrashTest {

    /** The "Kept" that will be killed: starts the embedded Redis, prints its port, and waits. */
    public static void main(String[] args) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), 0);
        System.out.println("PORT " + redis.port().orElseThrow());
        System.out.flush();
        Thread.currentThread().join();
    }

    @Test
    void aKilledKeptsRedisIsStoppedGracefullyAndItsDataTakenOver(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedRedisCrashTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        int port;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("PORT "));
            assertThat(line).as("the child started its embedded Redis").isNotNull();
            port = Integer.parseInt(line.substring(5).strip());
        }
        LettuceConnectionFactory factory = TestRedis.connectionFactory("redis://127.0.0.1:" + port, Duration.ofSeconds(2));
        try {
            TestRedis.template(factory).opsForValue().set("kept:test:survives", "yes");
        } finally {
            factory.destroy();
        }
        long orphanPid = Long.parseLong(Files.readString(dir.resolve(EmbeddedRedis.PID_FILE)).strip());

        child.destroyForcibly();   // SIGKILL: no shutdown hooks, the redis-server child lives on
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedRedis next = EmbeddedRedis.start(dir, 0);
        try {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            LettuceConnectionFactory again = TestRedis.connectionFactory(
                    "redis://127.0.0.1:" + next.port().orElseThrow(), Duration.ofSeconds(2));
            try {
                assertThat(TestRedis.template(again).opsForValue().get("kept:test:survives")).isEqualTo("yes");
            } finally {
                again.destroy();
            }
        } finally {
            next.close();
        }
    }
}
