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
        config.setHttpClientCallTimeoutMillis((int) properties.callTimeout().toMillis());
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
    App boltApp(Slack slack, SlackProperties properties, List<ListenerRegistrar> registrars, SlackUninstalls uninstalls) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config);
        registrars.forEach(r -> r.register(app));
        app.use(SlackConfiguration::ackWhatNoListenerTakes);
        app.use((request, response, chain) -> {
            switch (request.getRequestType()) {
                case Command, BlockAction, ViewSubmission, MessageShortcut, GlobalShortcut ->
                        guardedUse(uninstalls, request.getContext().getTeamId());
                default -> {
                }
            }
            return chain.next(request);
        });
        return app;
    }

    /** Whether Kept is back in a workspace it was uninstalled from must never cost a person their answer. */
    private static void guardedUse(SlackUninstalls uninstalls, String teamId) {
        try {
            uninstalls.used(teamId);
        } catch (dev.kept.chat.StoreUnavailableException e) {
            org.slf4j.LoggerFactory.getLogger(SlackConfiguration.class)
                    .warn("Could not check whether workspace {} was paused: {}", teamId, e.getMessage());
        }
    }

    @Bean
    SlackResponseUrls slackResponseUrls(SlackProperties properties) {
        return new SlackResponseUrls(properties);
    }

    @Bean
    SlackRequestVerifier slackRequestVerifier(SlackProperties properties, Clock clock) {
        String secret = properties.signingSecret() == null ? "" : properties.signingSecret();
        return new SlackRequestVerifier(secret, clock);
    }

    /**
     * Bolt answers a request no listener takes with 404 "no handler found". For events Slack counts that as a
     * failed delivery (it retries, and disables the subscription of an app that keeps failing); for a click on an
     * old button or a closed modal the person sees an error. Kept acknowledges every event (a DM with a file,
     * "/me", an event type it does not use), every click and every modal it does not know, and ignores them.
     */
    private static com.slack.api.bolt.response.Response ackWhatNoListenerTakes(
            com.slack.api.bolt.request.Request<?> request, com.slack.api.bolt.response.Response response,
            com.slack.api.bolt.middleware.MiddlewareChain chain) throws Exception {
        com.slack.api.bolt.response.Response answer = chain.next(request);
        if (answer != null && answer.getStatusCode() == 404) {
            switch (request.getRequestType()) {
                case Event, BlockAction, ViewSubmission, ViewClosed, AttachmentAction, MessageShortcut, GlobalShortcut -> {
                    org.slf4j.LoggerFactory.getLogger(SlackConfiguration.class)
                            .debug("Acknowledged a Slack {} no listener takes", request.getRequestType());
                    return com.slack.api.bolt.response.Response.ok();
                }
                default -> {
                    return answer;
                }
            }
        }
        return answer;
    }
}
