package dev.kept.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.resource.ClientResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * Connects Kept to Redis: the one given by {@code kept.redis.url} (REDIS_URL), a Redis Cluster by its
 * seed nodes ({@code kept.redis.cluster-nodes}), a Redis behind Sentinel ({@code kept.redis.sentinel-master}
 * and {@code -nodes}), or else an embedded redis-server that keeps its data under {@code kept.redis.data-dir}. The connection factory is named
 * {@code redisConnectionFactory}, so Spring Boot's own Redis connection setup backs off while its
 * {@code StringRedisTemplate} is still built on this factory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeptRedisProperties.class)
public class RedisConfig {

    @Bean(destroyMethod = "close")
    EmbeddedRedis embeddedRedis(KeptRedisProperties properties) {
        return startEmbedded(properties);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(KeptRedisProperties properties, EmbeddedRedis embeddedRedis,
                                                    ObjectProvider<ClientResources> clientResources) {
        return connectionFactory(properties, embeddedRedis, clientResources.getIfAvailable());
    }

    /** Starts the embedded server when no URL is set, else returns {@link EmbeddedRedis#none()}. */
    static EmbeddedRedis startEmbedded(KeptRedisProperties properties) {
        return properties.embedded()
                ? EmbeddedRedis.start(properties.dataPath(), properties.embeddedPort())
                : EmbeddedRedis.none();
    }

    /**
     * A connection factory for the configured URL, or for {@code embedded} when it runs. A Redis that
     * is down fails commands at once (they are not queued until it comes back); connecting and every
     * command give up after {@code kept.redis.timeout}.
     *
     * @param clientResources shared Lettuce resources, or null to let the factory make its own
     */
    static LettuceConnectionFactory connectionFactory(KeptRedisProperties properties, EmbeddedRedis embedded,
                                                      ClientResources clientResources) {
        KeptRedisProperties.Mode mode = properties.mode();
        Duration timeout = properties.timeout();
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).build();
        ClientOptions options = mode == KeptRedisProperties.Mode.CLUSTER
                ? ClusterClientOptions.builder()
                        .socketOptions(socket)
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        // a failover or a moved slot is seen at once (MOVED, ASK, reconnects), and checked anyway
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enableAllAdaptiveRefreshTriggers()
                                .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_QUIET)
                                .enablePeriodicRefresh(PERIODIC_REFRESH)
                                .build())
                        .build()
                : ClientOptions.builder()
                        .socketOptions(socket)
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(options);
        if (clientResources != null) {
            client.clientResources(clientResources);
        }
        RedisConfiguration server = switch (mode) {
            case EMBEDDED -> {
                if (embedded.port().isEmpty()) {
                    throw new IllegalStateException("No Redis is named and no embedded Redis runs");
                }
                yield new RedisStandaloneConfiguration(EmbeddedRedis.HOST, embedded.port().get());
            }
            case URL -> url(properties, client);
            case CLUSTER -> {
                RedisClusterConfiguration cluster = new RedisClusterConfiguration(properties.clusterNodeList());
                credentials(properties, cluster, client);
                yield cluster;
            }
            case SENTINEL -> {
                RedisSentinelConfiguration sentinel = new RedisSentinelConfiguration(properties.sentinelMaster(),
                        new LinkedHashSet<>(properties.sentinelNodeList()));
                credentials(properties, sentinel, client);
                yield sentinel;
            }
        };
        // each kind through its own constructor: the generic one leaves getStandaloneConfiguration() at its default
        if (server instanceof RedisClusterConfiguration cluster) {
            return new LettuceConnectionFactory(cluster, client.build());
        }
        if (server instanceof RedisSentinelConfiguration sentinel) {
            return new LettuceConnectionFactory(sentinel, client.build());
        }
        return new LettuceConnectionFactory((RedisStandaloneConfiguration) server, client.build());
    }

    /** How often Lettuce re-reads a cluster's topology when nothing prompted it. */
    static final Duration PERIODIC_REFRESH = Duration.ofSeconds(30);
    /** Adaptive refreshes (on MOVED, ASK, reconnects) at most this often. */
    static final Duration ADAPTIVE_REFRESH_QUIET = Duration.ofSeconds(1);

    private static RedisStandaloneConfiguration url(KeptRedisProperties properties,
                                                    LettuceClientConfiguration.LettuceClientConfigurationBuilder client) {
        RedisURI uri = parse(properties.url());
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        RedisCredentials credentials = credentials(uri.getCredentialsProvider());
        if (credentials != null) {
            if (credentials.hasUsername()) {
                server.setUsername(credentials.getUsername());
            }
            if (credentials.hasPassword()) {
                server.setPassword(credentials.getPassword());
            }
        }
        if (uri.isSsl()) {
            LettuceClientConfiguration.LettuceSslClientConfigurationBuilder ssl = client.useSsl();
            if (uri.getVerifyMode() == SslVerifyMode.NONE) {
                ssl.disablePeerVerification();
            }
            if (uri.isStartTls()) {
                ssl.startTls();
            }
        }
        return server;
    }

    /** Cluster and Sentinel: user, password and TLS come from their own settings, for every data node. */
    private static void credentials(KeptRedisProperties properties, RedisConfiguration.WithAuthentication server,
                                    LettuceClientConfiguration.LettuceClientConfigurationBuilder client) {
        if (!properties.username().isBlank()) {
            server.setUsername(properties.username());
        }
        if (!properties.password().isEmpty()) {
            server.setPassword(properties.password());
        }
        if (properties.ssl()) {
            client.useSsl();
        }
    }

    /** Reads a {@code redis://} or {@code rediss://} URL; the message never repeats the password. */
    static RedisURI parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
            throw new IllegalArgumentException("kept.redis.url (REDIS_URL) must start with redis:// or rediss://, got "
                    + redact(url));
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("kept.redis.url (REDIS_URL) is not a valid Redis URL: " + redact(url));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("kept.redis.url (REDIS_URL) names no host: " + redact(url));
        }
        return uri;
    }

    private static RedisCredentials credentials(RedisCredentialsProvider provider) {
        if (provider == null) {
            return null;
        }
        if (provider instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider) {
            return ((RedisCredentialsProvider.ImmediateRedisCredentialsProvider) provider).resolveCredentialsNow();
        }
        return provider.resolveCredentials().block(Duration.ofSeconds(5));
    }

    /** The URL with anything between "//" and "@" masked. */
    static String redact(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            return url.substring(0, scheme + 3) + "***" + url.substring(at);
        }
        return url;
    }
}
