package dev.kept.testing.teams;

import com.sun.net.httpserver.HttpServer;
import dev.kept.teams.BotTokenValidator;
import dev.kept.teams.TeamsAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activities the fake builds have Teams' shape and pass the real token validation when posted, as they would
 * to Kept's {@code /api/messages}; here a stand-in endpoint validates and records them.
 */
class FakeBotFrameworkTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    FakeBotFramework fake;
    HttpServer kept;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<Integer> answered = new CopyOnWriteArrayList<>();
    String keptUrl;

    @BeforeEach
    void start() throws IOException {
        fake = FakeBotFramework.start().withDefaultUsers();
        BotTokenValidator validator = new BotTokenValidator(fake.settings(), BotTokenValidator.defaultHttpClient(),
                Clock.system(ZoneOffset.UTC));
        kept = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        kept.createContext("/api/messages", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            JsonNode activity = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            int status = 200;
            try {
                validator.validate(ex.getRequestHeaders().getFirst("Authorization"),
                        activity.path("channelId").asString(null), activity.path("serviceUrl").asString(null));
                received.add(activity);
            } catch (TeamsAuthException e) {
                status = e.status();
            }
            answered.add(status);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        kept.start();
        keptUrl = "http://127.0.0.1:" + kept.getAddress().getPort() + "/api/messages";
    }

    @AfterEach
    void stop() {
        kept.stop(0);
        fake.close();
    }

    FakeBotFramework.FakeUser alice() {
        return fake.user("29:1alice").orElseThrow();
    }

    @Test
    void aMessageHasTeamsShapeAndPassesValidation() {
        Instant now = Instant.now();
        HttpResponse<String> res = fake.post(keptUrl, fake.message(alice(), "promise the deck by friday", now), now);

        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode a = received.get(0);
        assertThat(a.path("type").asString()).isEqualTo("message");
        assertThat(a.path("channelId").asString()).isEqualTo("msteams");
        assertThat(a.path("serviceUrl").asString()).isEqualTo(fake.serviceUrl());
        assertThat(a.path("text").asString()).isEqualTo("promise the deck by friday");
        assertThat(a.path("from").path("id").asString()).isEqualTo("29:1alice");
        assertThat(a.path("from").path("name").asString()).isEqualTo("Alice Archer");
        assertThat(a.path("from").path("aadObjectId").asString()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
        assertThat(a.path("conversation").path("id").asString()).isEqualTo("a:dm-29:1alice");
        assertThat(a.path("conversation").path("conversationType").asString()).isEqualTo("personal");
        assertThat(a.path("conversation").path("tenantId").asString()).isEqualTo(fake.tenantId());
        assertThat(a.path("recipient").path("id").asString()).isEqualTo("28:" + fake.appId());
        assertThat(a.path("entities").path(0).path("type").asString()).isEqualTo("clientInfo");
        assertThat(a.path("entities").path(0).path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(a.path("channelData").path("tenant").path("id").asString()).isEqualTo(fake.tenantId());
    }

    @Test
    void cardSubmitsAndUniversalActionsPassValidation() {
        Instant now = Instant.now();
        ObjectNode value = JSON.createObjectNode();
        value.put("kept", "form");
        value.put("what", "the deck");
        ObjectNode data = JSON.createObjectNode();
        data.put("promise", "K7Q2");

        fake.post(keptUrl, fake.submit(alice(), value, "1000000000001", now), now);
        fake.post(keptUrl, fake.execute(alice(), "promise.done", data, "1000000000001", now), now);

        assertThat(answered).containsExactly(200, 200);
        JsonNode submit = received.get(0);
        assertThat(submit.path("type").asString()).isEqualTo("message");
        assertThat(submit.has("text")).isFalse();
        assertThat(submit.path("value").path("kept").asString()).isEqualTo("form");
        assertThat(submit.path("replyToId").asString()).isEqualTo("1000000000001");
        JsonNode invoke = received.get(1);
        assertThat(invoke.path("type").asString()).isEqualTo("invoke");
        assertThat(invoke.path("name").asString()).isEqualTo("adaptiveCard/action");
        assertThat(invoke.path("value").path("action").path("type").asString()).isEqualTo("Action.Execute");
        assertThat(invoke.path("value").path("action").path("verb").asString()).isEqualTo("promise.done");
        assertThat(invoke.path("value").path("action").path("data").path("promise").asString()).isEqualTo("K7Q2");
    }

    @Test
    void badTokensFromTheFakeAreRefusedByTheValidator() {
        Instant now = Instant.now();
        ObjectNode m = fake.message(alice(), "hi", now);

        fake.post(keptUrl, m, fake.token(now).expired().authorization());
        fake.post(keptUrl, m, fake.token(now).otherServiceUrl().authorization());
        fake.post(keptUrl, m, (String) null);

        assertThat(answered).containsExactly(401, 403, 401);
        assertThat(received).isEmpty();
    }

    @Test
    void sayBuildsSignsAndForwardsAnActivity() throws Exception {
        fake.forwardTo(keptUrl);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/_fake/say"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"as\":\"d4a40000-0000-4000-8000-000000000004\",\"name\":\"Dana Diaz\",\"text\":\"help\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> submit = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/_fake/say"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"bob\",\"value\":{\"kept\":\"form\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(res.body()).path("status").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(submit.body()).path("status").asInt()).isEqualTo(200);
        assertThat(received.get(0).path("from").path("aadObjectId").asString())
                .isEqualTo("d4a40000-0000-4000-8000-000000000004");
        assertThat(received.get(0).path("from").path("name").asString()).isEqualTo("Dana Diaz");
        assertThat(received.get(1).path("from").path("id").asString()).isEqualTo("29:1bob");
        assertThat(received.get(1).path("value").path("kept").asString()).isEqualTo("form");
    }
}
