package dev.kept.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Kept's Microsoft Teams bot (an Azure Bot registration, single tenant).
 *
 * @param appId             the bot's Microsoft App ID ({@code TEAMS_APP_ID}); inbound tokens must be addressed to it
 * @param appPassword       its client secret ({@code TEAMS_APP_PASSWORD}); never logged, never in {@link #toString()}
 * @param tenantId          the Entra tenant the bot is registered in ({@code TEAMS_TENANT_ID})
 * @param openIdMetadataUrl where the Bot Framework publishes its signing keys ({@code TEAMS_OPENID_METADATA_URL})
 * @param tokenUrl          the client-credentials token endpoint ({@code TEAMS_TOKEN_URL}); blank means
 *                          {@code https://login.microsoftonline.com/<tenantId>/oauth2/v2.0/token}, and a
 *                          {@code {tenantId}} placeholder in it is replaced by the tenant id
 * @param allowLoopbackHttp lets the Bot Connector client call an {@code http://} serviceUrl on a loopback address
 *                          (the fake Bot Framework of the tests and of running Kept by hand); never for production
 */
@ConfigurationProperties(prefix = "kept.teams")
public record TeamsSettings(
        String appId,
        String appPassword,
        String tenantId,
        @DefaultValue(TeamsSettings.BOT_FRAMEWORK_OPENID_METADATA) String openIdMetadataUrl,
        String tokenUrl,
        @DefaultValue("false") boolean allowLoopbackHttp) {

    public static final String BOT_FRAMEWORK_OPENID_METADATA =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token";

    public TeamsSettings {
        appId = strip(appId);
        appPassword = appPassword == null ? "" : appPassword.strip();
        tenantId = strip(tenantId);
        openIdMetadataUrl = strip(openIdMetadataUrl);
        if (openIdMetadataUrl.isEmpty()) {
            openIdMetadataUrl = BOT_FRAMEWORK_OPENID_METADATA;
        }
        tokenUrl = strip(tokenUrl);
        if (tokenUrl.isEmpty()) {
            tokenUrl = TOKEN_URL_TEMPLATE;
        }
        if (tokenUrl.contains("{tenantId}")) {
            tokenUrl = tokenUrl.replace("{tenantId}", URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
        }
        checkUrl("kept.teams.open-id-metadata-url", openIdMetadataUrl);
        checkUrl("kept.teams.token-url", tokenUrl);
    }

    /** Settings with the given credentials and Microsoft's endpoints. */
    public static TeamsSettings of(String appId, String appPassword, String tenantId) {
        return new TeamsSettings(appId, appPassword, tenantId, null, null, false);
    }

    /** True when the app id, password and tenant are all set: the Teams adapter can run. */
    public boolean configured() {
        return !appId.isEmpty() && !appPassword.isEmpty() && !tenantId.isEmpty();
    }

    public TeamsSettings withEndpoints(String newOpenIdMetadataUrl, String newTokenUrl) {
        return new TeamsSettings(appId, appPassword, tenantId, newOpenIdMetadataUrl, newTokenUrl, allowLoopbackHttp);
    }

    public TeamsSettings withAllowLoopbackHttp(boolean allow) {
        return new TeamsSettings(appId, appPassword, tenantId, openIdMetadataUrl, tokenUrl, allow);
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "(unset)" : "(set)")
                + ", tenantId=" + tenantId + ", openIdMetadataUrl=" + openIdMetadataUrl + ", tokenUrl=" + tokenUrl
                + ", allowLoopbackHttp=" + allowLoopbackHttp + "]";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static void checkUrl(String property, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(property + " must be an http(s) URL: " + url);
        }
    }
}
