package dev.kept.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, from SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL.
 *
 * @param appToken      when set, Kept connects by Socket Mode; otherwise it serves HTTP at /slack/events
 * @param signingSecret HTTP mode: every request must carry a valid signature made with it
 * @param apiUrl        Web API base URL; tests and proxies point it elsewhere
 * @param workers       threads that do the work after Slack has been acknowledged
 * @param queue         work waiting for a thread before Kept answers "busy"
 * @param callTimeout   how long a Web API call may take before Kept gives up on that attempt
 */
@ConfigurationProperties(prefix = "kept.slack")
public record SlackProperties(String botToken, String appToken, String signingSecret,
                              @DefaultValue("https://slack.com/api/") String apiUrl,
                              @DefaultValue("16") int workers,
                              @DefaultValue("2000") int queue,
                              @DefaultValue("10s") java.time.Duration callTimeout) {

    public boolean socketMode() {
        return appToken != null && !appToken.isBlank();
    }

    public String apiUrlWithSlash() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }
}
