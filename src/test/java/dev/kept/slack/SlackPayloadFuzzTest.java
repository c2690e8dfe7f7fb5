package dev.kept.slack;

import com.sun.net.httpserver.HttpServer;
import dev.kept.KeptApplication;
import dev.kept.promise.ActionIds;
import dev.kept.testing.PayloadBreaker;
import dev.kept.testing.PayloadBreaker.Break;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.SlackRequests;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: whole Slack payloads, every kind Kept takes (slash commands, clicks, modal submissions and
 * closings, DMs, Home tab opens, URL verification, uninstall), broken one field at a time as a leaked secret,
 * a buggy proxy or an edited replay would break them: a field removed, made null, a number, a list, an
 * object, a string with NUL/CR/LF, 20,000 characters, an unknown type, a {@code response_url} elsewhere; or a
 * body that is no payload at all. Each is signed over its exact bytes and sent over HTTP to a running Kept.
 * Every answer is below 500 and carries no stack trace; nothing is ever posted outside Slack's addresses (a
 * trap server stands for "elsewhere"); no key Kept stores carries a control character or an empty id.
 */
class SlackPayloadFuzzTest {

    static final String SECRET = "fuzz-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static FakeSlackApi slack;
    static ConfigurableApplicationContext kept;
    static URI events;
    static HttpServer trap;
    static final AtomicInteger trapped = new AtomicInteger();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() throws IOException {
        slack = FakeSlackApi.start().withDefaultUsers();
        trap = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        trap.createContext("/", ex -> {
            trapped.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        trap.start();
        TestRedis.flushAll();
        kept = new SpringApplicationBuilder(KeptApplication.class).run(
                "--server.port=0", "--kept.slack.bot-token=xoxb-fuzz", "--kept.slack.app-token=",
                "--kept.slack.signing-secret=" + SECRET, "--kept.slack.api-url=" + slack.baseUrl(),
                "--kept.redis.url=" + TestRedis.url(), "--logging.level.dev.kept=ERROR",
                "--logging.level.com.slack=OFF");
        events = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) kept).getWebServer().getPort()
                + "/slack/events");
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(trapped.get()).as("posts to an address outside Slack's").isZero();
            for (String key : TestRedis.template().keys("*")) {
                assertThat(key).as("a stored key").doesNotContainPattern("[\\x00-\\x1f\\x7f]")
                        .doesNotContain("{slack:}").doesNotContain(":state:" + ":").doesNotEndWith(":");
            }
        } finally {
            kept.close();
            trap.stop(0);
            slack.close();
        }
    }

    // ---------------------------------------------------------------- what is sent

    /** A payload kind Kept takes, with how it is encoded. */
    enum Kind { SLASH_COMMAND, BLOCK_ACTION, VIEW_SUBMISSION, VIEW_CLOSED, DIRECT_MESSAGE, HOME_OPENED, URL_VERIFICATION, UNINSTALLED,
        MESSAGE_SHORTCUT, GLOBAL_SHORTCUT }

    record Case(Kind kind, Break how, int field, String junk) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(Break.class), Arbitraries.integers().between(0, 40),
                Arbitraries.strings().ofMaxLength(40)).as(Case::new);
    }

    @Property(tries = 10_000)
    void everyBrokenPayloadGetsAClearAnswerBelow500(@ForAll("cases") Case c) {
        Sent sent = build(c);

        HttpResponse<String> response = SlackRequests.post(http, events, SECRET, SlackRequests.nowSeconds(),
                sent.contentType(), sent.body());

        Statistics.label("answer").collect(response.statusCode());
        assertThat(response.statusCode()).as(c + " → " + response.body()).isLessThan(500);
        assertThat(response.body()).as(c.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("at dev.kept");
    }

    record Sent(String contentType, String body) {
    }

    Sent build(Case c) {
        if (c.how() == Break.NOT_A_PAYLOAD) {
            boolean form = c.kind() == Kind.SLASH_COMMAND || c.kind() == Kind.BLOCK_ACTION;
            return new Sent(form ? SlackRequests.FORM : SlackRequests.JSON, c.junk());
        }
        if (c.kind() == Kind.SLASH_COMMAND) {
            Map<String, String> f = new LinkedHashMap<>(SlackRequests.slashCommandFields("T123",
                    "U111", "alice", "/promise", "list", slack.responseUrl("fuzz"), "t", "C0GENERAL"));
            List<String> names = new ArrayList<>(f.keySet());
            String name = names.get(c.field() % names.size());
            switch (c.how()) {
                case REMOVE -> f.remove(name);
                case NULL, NUMBER, LIST, OBJECT -> f.put(name, c.how() == Break.NUMBER ? "42" : "");
                case CONTROL -> f.put(name, f.get(name) + "\u0000\r\n" + c.junk());
                case HUGE -> f.put(name, "x".repeat(20_000));
                case UNKNOWN_TYPE -> f.put("command", "/" + c.junk().replaceAll("\\s", ""));
                case ELSEWHERE -> f.put("response_url", elsewhere(c.field()));
                default -> {
                }
            }
            return new Sent(SlackRequests.FORM, SlackRequests.form(f));
        }
        ObjectNode payload = (ObjectNode) JSON.readTree(base(c.kind()));
        if (c.how() == Break.ELSEWHERE) {
            payload.put("response_url", elsewhere(c.field()));
        } else {
            PayloadBreaker.breakOneField(payload, c.how(), c.field(), c.junk(), "U1");
        }
        String json = JSON.writeValueAsString(payload);
        boolean interaction = c.kind() == Kind.BLOCK_ACTION || c.kind() == Kind.VIEW_SUBMISSION || c.kind() == Kind.VIEW_CLOSED
                || c.kind() == Kind.MESSAGE_SHORTCUT || c.kind() == Kind.GLOBAL_SHORTCUT;
        return interaction ? new Sent(SlackRequests.FORM, SlackRequests.interactionBody(json)) : new Sent(SlackRequests.JSON, json);
    }

    static String elsewhere(int which) {
        String trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort() + "/hooks";
        return List.of(trapUrl, "file:///etc/passwd", "https://hooks.slack.com.evil.example/x", "http://hooks.slack.com/x")
                .get(which % 4);
    }

    static String base(Kind kind) {
        return switch (kind) {
            case BLOCK_ACTION -> SlackRequests.blockActionPayload("T123", "U111", ActionIds.DELIVER, "K7Q2", "DU111",
                    "1763800000.000100", "t", slack.responseUrl("fuzz"));
            case VIEW_SUBMISSION -> resource("interaction-view_submission-unknown-callback.json");
            case VIEW_CLOSED -> resource("interaction-view_closed.json");
            case DIRECT_MESSAGE -> SlackRequests.messageImEventBody("T123", "U111", "DU111", "list", "1763800000.000001");
            case HOME_OPENED -> resource("event-app_home_opened.json");
            case URL_VERIFICATION -> resource("url_verification.json");
            case UNINSTALLED -> resource("event-app_uninstalled.json");
            case MESSAGE_SHORTCUT -> resource("interaction-message_action.json")
                    .replace("https://hooks.slack.com/app/T111/111/xxx", slack.responseUrl("fuzz"));
            case GLOBAL_SHORTCUT -> resource("interaction-shortcut.json");
            case SLASH_COMMAND -> throw new IllegalArgumentException("a form");
        };
    }

    static String resource(String name) {
        try (InputStream in = SlackPayloadFuzzTest.class.getResourceAsStream("/slack/real/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
