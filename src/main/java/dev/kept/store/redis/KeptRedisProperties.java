package dev.kept.store.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Kept keeps its data.
 *
 * @param url          {@code redis://} or {@code rediss://} URL of the Redis to use, user and password
 *                     in the URL ({@code redis://user:secret@host:6379/0}); blank starts an embedded Redis
 * @param keyPrefix    put in front of every key, so several apps can share one Redis
 * @param dataDir      where the embedded Redis keeps its append-only file (ignored when {@code url} is set)
 * @param embeddedPort port of the embedded Redis on 127.0.0.1; 0 picks a free one
 * @param timeout      how long to wait to connect, and for any one command, before giving up
 */
@ConfigurationProperties(prefix = "kept.redis")
public record KeptRedisProperties(
        String url,
        @DefaultValue("kept:") String keyPrefix,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("2s") Duration timeout) {

    public KeptRedisProperties {
        url = url == null ? "" : url.strip();
        keyPrefix = keyPrefix == null ? "kept:" : keyPrefix;
        if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
            // the first '{' of a key starts its Cluster hash tag; a brace in the prefix would move it
            throw new IllegalArgumentException("kept.redis.key-prefix must not contain '{' or '}': " + keyPrefix);
        }
        dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir.strip();
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("kept.redis.embedded-port must be 0 (any free port) or a TCP port: "
                    + embeddedPort);
        }
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("kept.redis.timeout must be positive: " + timeout);
        }
    }

    /** The defaults: embedded Redis under {@code ./data} on a free port, prefix {@code kept:}, 2 s timeout. */
    public static KeptRedisProperties defaults() {
        return new KeptRedisProperties("", "kept:", "./data", 0, Duration.ofSeconds(2));
    }

    public KeptRedisProperties withUrl(String newUrl) {
        return new KeptRedisProperties(newUrl, keyPrefix, dataDir, embeddedPort, timeout);
    }

    public KeptRedisProperties withKeyPrefix(String newPrefix) {
        return new KeptRedisProperties(url, newPrefix, dataDir, embeddedPort, timeout);
    }

    public KeptRedisProperties withDataDir(String newDataDir) {
        return new KeptRedisProperties(url, keyPrefix, newDataDir, embeddedPort, timeout);
    }

    public KeptRedisProperties withEmbeddedPort(int newPort) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, newPort, timeout);
    }

    public KeptRedisProperties withTimeout(Duration newTimeout) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, newTimeout);
    }

    /** True when no URL is set, so Kept runs its own Redis. */
    public boolean embedded() {
        return url.isBlank();
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
