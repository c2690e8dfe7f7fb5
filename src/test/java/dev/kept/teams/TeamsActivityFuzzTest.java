package dev.kept.teams;

import dev.kept.KeptApplication;
import dev.kept.testing.PayloadBreaker;
import dev.kept.testing.PayloadBreaker.Break;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.teams.FakeBotFramework;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, for Teams: the recorded and documented activities of the replay corpus, broken one field at a time
 * (removed, null, a number, a list, an object, NUL/CR/LF, 20,000 characters, an unknown type) or replaced by
 * junk, each with a valid Bot Connector token, sent to a running Kept: every answer is below 500 (or the SDKs'
 * 501 for an invoke Kept does not handle) and carries no stack trace.
 */
class TeamsActivityFuzzTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static FakeBotFramework teams;
    static ConfigurableApplicationContext kept;
    static String url;

    @BeforeContainer
    static void start() {
        teams = FakeBotFramework.start().withDefaultUsers();
        TestRedis.flushAll();
        kept = new SpringApplicationBuilder(KeptApplication.class).run("--server.port=0",
                "--kept.teams.app-id=" + teams.appId(), "--kept.teams.app-password=" + teams.appPassword(),
                "--kept.teams.tenant-id=" + teams.tenantId(), "--kept.teams.open-id-metadata-url=" + teams.openIdMetadataUrl(),
                "--kept.teams.token-url=" + teams.tokenUrl(), "--kept.teams.allow-loopback-http=true",
                "--kept.redis.url=" + TestRedis.url(), "--logging.level.dev.kept=ERROR");
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) kept).getWebServer().getPort() + "/api/messages";
    }

    @AfterContainer
    static void stop() {
        kept.close();
        teams.close();
    }

    record Case(String file, Break how, int field, String junk) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(TeamsReplayTest.recorded()), Arbitraries.of(Break.class),
                Arbitraries.integers().between(0, 60), Arbitraries.strings().ofMaxLength(30)).as(Case::new);
    }

    @Property(tries = 3_000)
    void everyBrokenActivityGetsAnAnswerBelow500(@ForAll("cases") Case c) throws Exception {
        String body = build(c);
        Instant now = Instant.now();
        String authorization = teams.token(now).serviceUrl(teams.serviceUrl()).authorization();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());

        Statistics.label("answer").collect(response.statusCode());
        // below 500, or 501: an invoke Kept does not handle, answered as the Bot Framework SDKs answer it
        assertThat(response.statusCode()).as(c + " → " + response.body())
                .satisfies(status -> assertThat(status < 500 || status == 501).isTrue()).isNotEqualTo(404);
        assertThat(response.body()).as(c.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    String build(Case c) {
        if (c.how() == Break.NOT_A_PAYLOAD) {
            return c.junk();
        }
        ObjectNode activity = (ObjectNode) JSON.readTree(activityJson(c.file()));
        PayloadBreaker.breakOneField(activity, c.how(), c.field(), c.junk(), "29:1");
        return JSON.writeValueAsString(activity);
    }

    /** The corpus file with its slots filled, as {@link TeamsReplayTest} fills them. */
    static String activityJson(String file) {
        try (InputStream in = TeamsActivityFuzzTest.class.getResourceAsStream("/teams/real/activities/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${tenantId}", FakeBotFramework.TENANT_ID)
                    .replace("${serviceUrl}", teams.serviceUrl())
                    .replace("${botId}", "28:" + teams.appId())
                    .replace("${timestamp}", Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
