package dev.kept.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * Connects Kept to Redis: the one given by {@code kept.redis.url} (REDIS_URL), or else an embedded
 * redis-server that keeps its data under {@code kept.redis.data-dir}. The connection factory is named
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
        Duration timeout = properties.timeout();
        ClientOptions options = ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(options);
        if (clientResources != null) {
            client.clientResources(clientResources);
        }
        RedisStandaloneConfiguration server;
        if (embedded.port().isPresent()) {
            server = new RedisStandaloneConfiguration(EmbeddedRedis.HOST, embedded.port().get());
        } else if (!properties.embedded()) {
            RedisURI uri = parse(properties.url());
            server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
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
        } else {
            throw new IllegalStateException("No kept.redis.url is set and no embedded Redis runs");
        }
        return new LettuceConnectionFactory(server, client.build());
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
