package dev.kept.testing.redis;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.ZSetOperations;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The Redis every test of the suite shares: the one named by {@code KEPT_TEST_REDIS_URL} (environment
 * variable or system property) when set, otherwise one embedded redis-server without persistence on a
 * free port of 127.0.0.1, started the first time a test asks and stopped when the JVM exits. It never
 * uses the default port 6379 unless {@code KEPT_TEST_REDIS_URL} says so.
 *
 * <pre>
 * &#64;BeforeEach void clean() { TestRedis.flushAll(); }
 * var store = new RedisPromiseStore(TestRedis.template(), properties);
 * // Spring tests: .withPropertyValues("kept.redis.url=" + TestRedis.url())
 * </pre>
 */
public final class TestRedis {

    public static final String URL_VARIABLE = "KEPT_TEST_REDIS_URL";
    private static final int START_ATTEMPTS = 3;

    private TestRedis() {
    }

    /** The URL of the suite's Redis, e.g. {@code redis://127.0.0.1:41234}. */
    public static String url() {
        return Shared.URL;
    }

    /** A template on the suite's Redis, shared by all tests (do not close its connection factory). */
    public static StringRedisTemplate template() {
        return Shared.TEMPLATE;
    }

    /** Empties the suite's Redis: call before each test. */
    public static void flushAll() {
        template().execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
    }

    /**
     * A new, started connection factory for any Redis URL, with short timeouts and commands rejected
     * while disconnected. The caller destroys it.
     */
    public static LettuceConnectionFactory connectionFactory(String url, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        var credentials = uri.getCredentialsProvider() == null ? null
                : uri.getCredentialsProvider().resolveCredentials().block(Duration.ofSeconds(5));
        if (credentials != null && credentials.hasUsername()) {
            server.setUsername(credentials.getUsername());
        }
        if (credentials != null && credentials.hasPassword()) {
            server.setPassword(credentials.getPassword());
        }
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        if (uri.isSsl()) {
            client.useSsl();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server, client.build());
        factory.afterPropertiesSet();
        return factory;
    }

    /**
     * A template on its own connection factory (see {@link #connectionFactory}); destroy the factory after.
     * Its scripts may touch only the keys they are given in KEYS, as in Redis Cluster ({@link DeclaredKeysOnly}).
     */
    public static StringRedisTemplate template(LettuceConnectionFactory factory) {
        StringRedisTemplate template = new StringRedisTemplate(factory);
        template.setScriptExecutor(new DeclaredKeysOnly(template));
        template.afterPropertiesSet();
        return template;
    }

    /** What the shared template's scripts were seen doing (see {@link DeclaredKeysOnly}). */
    public static DeclaredKeysOnly scriptChecks() {
        return Shared.CHECKS;
    }

    /** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a throwaway redis-server without persistence on a free port of 127.0.0.1. The caller
     * stops it (tests that need a Redis of their own, e.g. to see what happens when it goes away).
     */
    public static RedisServer startPrivateServer() {
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                return server;
            } catch (IOException e) {
                last = e; // most likely someone took the port in between: try another
            }
        }
        throw new IllegalStateException("Could not start a test redis-server", last);
    }

    public static int port(RedisServer server) {
        return server.ports().get(0);
    }

    /** Started once per JVM, the first time a test touches it. */
    private static final class Shared {

        static final String URL;
        static final StringRedisTemplate TEMPLATE;
        static final DeclaredKeysOnly CHECKS;

        static {
            String configured = System.getenv(URL_VARIABLE);
            if (configured == null || configured.isBlank()) {
                configured = System.getProperty(URL_VARIABLE);
            }
            RedisServer server = null;
            if (configured == null || configured.isBlank()) {
                server = startPrivateServer();
                URL = "redis://127.0.0.1:" + port(server);
            } else {
                URL = configured.strip();
            }
            LettuceConnectionFactory factory = connectionFactory(URL, Duration.ofSeconds(5));
            TEMPLATE = new StringRedisTemplate(factory);
            CHECKS = new DeclaredKeysOnly(TEMPLATE);
            TEMPLATE.setScriptExecutor(CHECKS);
            TEMPLATE.afterPropertiesSet();
            RedisServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                factory.destroy();
                if (started != null) {
                    try {
                        started.stop();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }
            }, "test-redis-stop"));
        }
    }

    /** Every key in Redis with a readable rendering of its value, sorted: to compare before and after. */
    public static Map<String, String> snapshot(StringRedisTemplate redis) {
        Map<String, String> all = new TreeMap<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match("*").count(1000).build())) {
            while (keys.hasNext()) {
                String key = keys.next();
                DataType type = redis.type(key);
                String content;
                if (type == DataType.HASH) {
                    content = new TreeMap<>(redis.<String, String>opsForHash().entries(key)).toString();
                } else if (type == DataType.LIST) {
                    content = String.valueOf(redis.opsForList().range(key, 0, -1));
                } else if (type == DataType.SET) {
                    content = String.valueOf(new TreeSet<>(redis.opsForSet().members(key)));
                } else if (type == DataType.ZSET) {
                    Set<ZSetOperations.TypedTuple<String>> tuples = redis.opsForZSet().rangeWithScores(key, 0, -1);
                    StringBuilder b = new StringBuilder();
                    for (ZSetOperations.TypedTuple<String> t : Optional.ofNullable(tuples).orElse(Set.of())) {
                        b.append(t.getValue()).append('=').append(t.getScore()).append(' ');
                    }
                    content = b.toString();
                } else {
                    content = type + ":" + redis.opsForValue().get(key);
                }
                all.put(key, content);
            }
        }
        return all;
    }
}
