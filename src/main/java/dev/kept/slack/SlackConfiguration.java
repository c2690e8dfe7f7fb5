package dev.kept.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
class SlackConfiguration {

    @Bean
    Slack slack(SlackProperties properties) {
        SlackSettingsMissingException.check(properties);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrlWithSlash());
        config.setHttpClientCallTimeoutMillis(10_000);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    /** One Gson for the hottest calls: the SDK makes a new one per call (see {@link SlackJson}). */
    @Bean
    SlackJson slackJson(Slack slack) {
        return new SlackJson(slack);
    }

    @Bean
    MethodsClient methodsClient(Slack slack, SlackProperties properties) {
        return slack.methods(properties.botToken());
    }

    /**
     * Bolt routes each request to its listener. Kept checks signatures itself (constant-time, and
     * refusing timestamps from the future too), so Bolt's own check is switched off.
     */
    @Bean
    App boltApp(Slack slack, SlackProperties properties, List<ListenerRegistrar> registrars) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config);
        registrars.forEach(r -> r.register(app));
        return app;
    }

    @Bean
    SlackRequestVerifier slackRequestVerifier(SlackProperties properties, Clock clock) {
        String secret = properties.signingSecret() == null ? "" : properties.signingSecret();
        return new SlackRequestVerifier(secret, clock);
    }
}
