package dev.kept.teams;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The Teams adapter's parts that are not components: settings, HTTP, token checks and the Bot Connector. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TeamsSettings.class)
class TeamsConfiguration {

    @Bean
    HttpClient teamsHttp(TeamsSettings settings) {
        TeamsSettingsMissingException.check(settings);
        return BotTokenValidator.defaultHttpClient();
    }

    @Bean
    BotTokenValidator botTokenValidator(TeamsSettings settings, HttpClient teamsHttp, Clock clock) {
        return new BotTokenValidator(settings, teamsHttp, clock);
    }

    @Bean
    AppTokens appTokens(TeamsSettings settings, HttpClient teamsHttp, Clock clock) {
        return new AppTokens(settings, teamsHttp, clock);
    }

    @Bean
    BotConnector botConnector(TeamsSettings settings, AppTokens tokens, HttpClient teamsHttp) {
        return new BotConnector(settings, tokens, teamsHttp, BotConnector.Sleeper.REAL);
    }

    @Bean
    TeamsWork teamsWork() {
        return new TeamsWork();
    }

    /** Kept cannot start: Teams settings are half given. Each problem says what to set. */
    static class TeamsSettingsMissingException extends RuntimeException {

        private final List<String> problems;

        TeamsSettingsMissingException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }

        static void check(TeamsSettings s) {
            List<String> problems = new ArrayList<>();
            if (s.appId().isEmpty()) {
                problems.add("TEAMS_APP_ID is not set: the Microsoft App ID on your Azure Bot's \"Configuration\" page.");
            }
            if (s.appPassword().isEmpty()) {
                problems.add("TEAMS_APP_PASSWORD is not set: a client secret of that app (Microsoft Entra ID > App "
                        + "registrations > your bot > \"Certificates & secrets\").");
            }
            if (s.tenantId().isEmpty()) {
                problems.add("TEAMS_TENANT_ID is not set: your Microsoft Entra tenant id (the bot is single-tenant).");
            }
            if (!problems.isEmpty()) {
                throw new TeamsSettingsMissingException(problems);
            }
        }
    }
}
