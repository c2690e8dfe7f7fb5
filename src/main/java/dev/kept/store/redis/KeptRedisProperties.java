package dev.kept.store.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where Kept keeps its data: one Redis by URL, a Redis Cluster by seed nodes, a Redis behind Sentinel, or
 * (none of those set) an embedded redis-server.
 *
 * @param url            {@code redis://} or {@code rediss://} URL of the Redis to use, user and password
 *                       in the URL ({@code redis://user:secret@host:6379/0}); blank starts an embedded Redis
 * @param keyPrefix      put in front of every key, so several apps can share one Redis
 * @param dataDir        where the embedded Redis keeps its append-only file (ignored when any Redis is named)
 * @param embeddedPort   port of the embedded Redis on 127.0.0.1; 0 picks a free one
 * @param timeout        how long to wait to connect, and for any one command, before giving up
 * @param clusterNodes   comma-separated {@code host:port} seeds of a Redis Cluster (KEPT_REDIS_CLUSTER_NODES)
 * @param sentinelMaster the master name the sentinels watch (KEPT_REDIS_SENTINEL_MASTER)
 * @param sentinelNodes  comma-separated {@code host:port} of the sentinels (KEPT_REDIS_SENTINEL_NODES)
 * @param username       ACL user for Cluster or Sentinel mode (with a URL, put it in the URL)
 * @param password       password for Cluster or Sentinel mode, sent to every Redis node (with a URL, in the URL)
 * @param ssl            TLS to the nodes in Cluster or Sentinel mode (with a URL, say {@code rediss://})
 */
@ConfigurationProperties(prefix = "kept.redis")
public record KeptRedisProperties(
        String url,
        @DefaultValue("kept:") String keyPrefix,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("2s") Duration timeout,
        String clusterNodes,
        String sentinelMaster,
        String sentinelNodes,
        String username,
        String password,
        @DefaultValue("false") boolean ssl) {

    /** How Kept reaches Redis. */
    public enum Mode { EMBEDDED, URL, CLUSTER, SENTINEL }

    @ConstructorBinding
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
        clusterNodes = clusterNodes == null ? "" : clusterNodes.strip();
        sentinelMaster = sentinelMaster == null ? "" : sentinelMaster.strip();
        sentinelNodes = sentinelNodes == null ? "" : sentinelNodes.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
    }

    /** Only the URL-era settings; no Cluster, no Sentinel. */
    public KeptRedisProperties(String url, String keyPrefix, String dataDir, int embeddedPort, Duration timeout) {
        this(url, keyPrefix, dataDir, embeddedPort, timeout, "", "", "", "", "", false);
    }

    /** The defaults: embedded Redis under {@code ./data} on a free port, prefix {@code kept:}, 2 s timeout. */
    public static KeptRedisProperties defaults() {
        return new KeptRedisProperties("", "kept:", "./data", 0, Duration.ofSeconds(2));
    }

    public KeptRedisProperties withUrl(String newUrl) {
        return new KeptRedisProperties(newUrl, keyPrefix, dataDir, embeddedPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withKeyPrefix(String newPrefix) {
        return new KeptRedisProperties(url, newPrefix, dataDir, embeddedPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withDataDir(String newDataDir) {
        return new KeptRedisProperties(url, keyPrefix, newDataDir, embeddedPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withEmbeddedPort(int newPort) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, newPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withTimeout(Duration newTimeout) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, newTimeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withCluster(String nodes) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, timeout, nodes, sentinelMaster,
                sentinelNodes, username, password, ssl);
    }

    public KeptRedisProperties withSentinel(String master, String nodes) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, timeout, clusterNodes, master,
                nodes, username, password, ssl);
    }

    public KeptRedisProperties withCredentials(String newUsername, String newPassword) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, newUsername, newPassword, ssl);
    }

    public KeptRedisProperties withSsl(boolean newSsl) {
        return new KeptRedisProperties(url, keyPrefix, dataDir, embeddedPort, timeout, clusterNodes, sentinelMaster,
                sentinelNodes, username, password, newSsl);
    }

    /**
     * Which Redis the settings name. Settings that contradict each other (a URL and cluster nodes, half a
     * Sentinel setting, a password beside a URL) fail with {@link RedisSettingsException}, naming each problem.
     */
    public Mode mode() {
        List<String> problems = new ArrayList<>();
        boolean hasUrl = !url.isBlank();
        boolean hasCluster = !clusterNodes.isBlank();
        boolean hasSentinel = !sentinelMaster.isBlank() || !sentinelNodes.isBlank();
        List<String> named = new ArrayList<>();
        if (hasUrl) {
            named.add("REDIS_URL (kept.redis.url)");
        }
        if (hasCluster) {
            named.add("KEPT_REDIS_CLUSTER_NODES (kept.redis.cluster-nodes)");
        }
        if (hasSentinel) {
            named.add("KEPT_REDIS_SENTINEL_MASTER / KEPT_REDIS_SENTINEL_NODES (kept.redis.sentinel-*)");
        }
        if (named.size() > 1) {
            problems.add("more than one Redis is named: " + String.join(", ", named) + "; set only one of them");
        }
        if (hasSentinel && sentinelMaster.isBlank()) {
            problems.add("KEPT_REDIS_SENTINEL_NODES is set but KEPT_REDIS_SENTINEL_MASTER (the master's name) is not");
        }
        if (hasSentinel && sentinelNodes.isBlank()) {
            problems.add("KEPT_REDIS_SENTINEL_MASTER is set but KEPT_REDIS_SENTINEL_NODES (the sentinels) is not");
        }
        if (hasCluster) {
            checkNodes("KEPT_REDIS_CLUSTER_NODES", clusterNodes, problems);
        }
        if (!sentinelNodes.isBlank()) {
            checkNodes("KEPT_REDIS_SENTINEL_NODES", sentinelNodes, problems);
        }
        boolean hasAuthOrTls = !username.isBlank() || !password.isEmpty() || ssl;
        if (hasAuthOrTls && !hasCluster && !hasSentinel) {
            problems.add(hasUrl
                    ? "KEPT_REDIS_USERNAME / KEPT_REDIS_PASSWORD / KEPT_REDIS_SSL are for Cluster and Sentinel; with "
                            + "REDIS_URL put them in the URL (rediss://user:password@host:port)"
                    : "KEPT_REDIS_USERNAME / KEPT_REDIS_PASSWORD / KEPT_REDIS_SSL are set but no Redis is named "
                            + "(REDIS_URL, KEPT_REDIS_CLUSTER_NODES or KEPT_REDIS_SENTINEL_*)");
        }
        if (!problems.isEmpty()) {
            throw new RedisSettingsException(problems);
        }
        if (hasCluster) {
            return Mode.CLUSTER;
        }
        if (hasSentinel) {
            return Mode.SENTINEL;
        }
        return hasUrl ? Mode.URL : Mode.EMBEDDED;
    }

    /** The cluster seeds, each {@code host:port}. */
    public List<String> clusterNodeList() {
        return split(clusterNodes);
    }

    /** The sentinels, each {@code host:port}. */
    public List<String> sentinelNodeList() {
        return split(sentinelNodes);
    }

    private static List<String> split(String nodes) {
        return Arrays.stream(nodes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void checkNodes(String name, String nodes, List<String> problems) {
        List<String> list = split(nodes);
        if (list.isEmpty()) {
            problems.add(name + " names no node: give host:port[,host:port…]");
        }
        for (String node : list) {
            int colon = node.lastIndexOf(':');
            boolean ok = colon > 0 && colon < node.length() - 1;
            if (ok) {
                try {
                    int port = Integer.parseInt(node.substring(colon + 1));
                    ok = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (!ok) {
                problems.add(name + " has \"" + node + "\", which is not host:port");
            }
        }
    }

    /** True when no Redis is named, so Kept runs its own. */
    public boolean embedded() {
        return mode() == Mode.EMBEDDED;
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        // never print the password
        return "KeptRedisProperties[url=" + RedisConfig.redact(url) + ", keyPrefix=" + keyPrefix + ", dataDir=" + dataDir
                + ", embeddedPort=" + embeddedPort + ", timeout=" + timeout + ", clusterNodes=" + clusterNodes
                + ", sentinelMaster=" + sentinelMaster + ", sentinelNodes=" + sentinelNodes + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", ssl=" + ssl + "]";
    }

    /** Redis settings that contradict each other or are incomplete: each problem in words. */
    public static class RedisSettingsException extends IllegalStateException {

        private final List<String> problems;

        public RedisSettingsException(List<String> problems) {
            super("Kept's Redis settings don't fit together: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
