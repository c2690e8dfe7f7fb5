package dev.kept.teams;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamsSettingsTest {

    @Test
    void defaultsPointAtMicrosoftAndTheTenantsTokenEndpoint() {
        TeamsSettings s = TeamsSettings.of("app", "secret", "tenant-1");

        assertThat(s.openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(s.tokenUrl()).isEqualTo("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token");
        assertThat(s.allowLoopbackHttp()).isFalse();
        assertThat(s.configured()).isTrue();
    }

    @Test
    void configuredNeedsIdPasswordAndTenant() {
        assertThat(TeamsSettings.of("", "secret", "t").configured()).isFalse();
        assertThat(TeamsSettings.of("app", " ", "t").configured()).isFalse();
        assertThat(TeamsSettings.of("app", "secret", null).configured()).isFalse();
    }

    @Test
    void theTenantPlaceholderIsFilledInAGivenTokenUrl() {
        TeamsSettings s = new TeamsSettings("app", "pw", "t-9", null,
                "https://login.example.test/{tenantId}/token", false);
        assertThat(s.tokenUrl()).isEqualTo("https://login.example.test/t-9/token");
    }

    @Test
    void badUrlsAreRefusedAtStart() {
        assertThatThrownBy(() -> new TeamsSettings("a", "b", "c", "file:///etc/passwd", null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open-id-metadata-url");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(TeamsSettings.of("app", "s3cr3t-value", "t").toString())
                .doesNotContain("s3cr3t-value").contains("appPassword=(set)");
    }

    @Test
    void applicationYmlMapsTheTeamsEnvironmentVariables() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("vars", Map.of(
                "TEAMS_APP_ID", "app-1", "TEAMS_APP_PASSWORD", "pw-1", "TEAMS_TENANT_ID", "tenant-1",
                "TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9898/openid",
                "TEAMS_TOKEN_URL", "http://127.0.0.1:9898/token", "TEAMS_ALLOW_LOOPBACK_HTTP", "true")));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);

        TeamsSettings s = Binder.get(env).bind("kept.teams", TeamsSettings.class).get();

        assertThat(s).isEqualTo(new TeamsSettings("app-1", "pw-1", "tenant-1", "http://127.0.0.1:9898/openid",
                "http://127.0.0.1:9898/token", true));
    }

    @Test
    void applicationYmlDefaultsToMicrosoftsEndpoints() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("vars", Map.of("TEAMS_TENANT_ID", "tenant-2",
                "TEAMS_OPENID_METADATA_URL", "", "TEAMS_TOKEN_URL", "")));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);

        TeamsSettings s = Binder.get(env).bind("kept.teams", TeamsSettings.class).get();

        assertThat(s.openIdMetadataUrl()).isEqualTo(TeamsSettings.BOT_FRAMEWORK_OPENID_METADATA);
        assertThat(s.tokenUrl()).isEqualTo("https://login.microsoftonline.com/tenant-2/oauth2/v2.0/token");
        assertThat(s.allowLoopbackHttp()).isFalse();
    }
}
