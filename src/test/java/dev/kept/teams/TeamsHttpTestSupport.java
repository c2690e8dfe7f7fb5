package dev.kept.teams;

import dev.kept.KeptApplication;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.PromiseStore;
import dev.kept.testing.MutableClock;
import dev.kept.testing.TestClockConfiguration;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.teams.FakeBotFramework;
import dev.kept.testing.teams.FakeBotFramework.FakeUser;
import dev.kept.testing.teams.FakeBotFramework.Sent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept started whole with the Teams adapter: activities signed as the Bot Framework signs them, POSTed
 * to {@code /api/messages}; the fake Bot Framework serves the keys and app tokens and records every card
 * Kept sends; the real Redis keeps the promises.
 */
@SpringBootTest(classes = {KeptApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "kept.nudges.working-hours.enabled=false")
abstract class TeamsHttpTestSupport {

    /** Monday 23 November 2026, 09:00 UTC: where the test clock starts. */
    static final Instant MONDAY_MORNING = TestClockConfiguration.MONDAY_MORNING;
    static final FakeBotFramework teams = FakeBotFramework.start().withDefaultUsers();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Workspace WS = new Workspace("teams", FakeBotFramework.TENANT_ID);

    final FakeUser alice = teams.user("29:1alice").orElseThrow();
    final FakeUser bob = teams.user("29:1bob").orElseThrow();
    final FakeUser carol = teams.user("29:1carol").orElseThrow();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    /** Kept's own Bot Framework token, forgotten before each test so no test leans on another's fetch. */
    @Autowired
    AppTokens appTokens;

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kept.teams.app-id", teams::appId);
        registry.add("kept.teams.app-password", teams::appPassword);
        registry.add("kept.teams.tenant-id", teams::tenantId);
        registry.add("kept.teams.open-id-metadata-url", teams::openIdMetadataUrl);
        registry.add("kept.teams.token-url", teams::tokenUrl);
        registry.add("kept.teams.allow-loopback-http", () -> "true");
        registry.add("kept.redis.url", TestRedis::url);
    }

    /** What Microsoft says a bot message should stay within, in UTF-16 bytes (the hard limit is about 100 KB). */
    static final int TEAMS_MESSAGE_BYTES = 80 * 1024;
    private static int largestActivity;

    /** Every distinct card this class's tests made Kept send or put in place of another, by where it was seen. */
    private static final Map<String, ObjectNode> cardsSeen = new java.util.LinkedHashMap<>();

    /** A card Kept answered with instead of sending it (an invoke's answer, a dialog), judged with the others. */
    void judgeToo(ObjectNode card) {
        if (cardsSeen.values().stream().noneMatch(c -> c.equals(card))) {
            cardsSeen.put(getClass().getSimpleName() + ".answer." + cardsSeen.size(), card);
        }
    }

    /** Keeps the cards this test made Kept send (messages and updates), for {@link #judgeEveryCardSent}. */
    @org.junit.jupiter.api.AfterEach
    void keepTheCardsSent() {
        java.util.Set<String> known = new java.util.HashSet<>();
        cardsSeen.values().forEach(c -> known.add(c.toString()));
        java.util.List<JsonNode> activities = new ArrayList<>();
        teams.sent().forEach(s -> activities.add(s.activity()));
        teams.updates().forEach(u -> activities.add(u.activity()));
        for (JsonNode activity : activities) {
            // Microsoft: a bot message is limited to about 100 KB, counted in UTF-16, and should stay within 80 KB
            // to be sure to arrive; over the limit the Bot Connector answers 413 MessageSizeTooBig.
            assertThat(activity.toString().length() * 2).as("UTF-16 bytes of an activity Kept sent")
                    .isLessThanOrEqualTo(TEAMS_MESSAGE_BYTES);
            largestActivity = Math.max(largestActivity, activity.toString().length() * 2);
            for (JsonNode attachment : activity.path("attachments")) {
                if (attachment.get("content") instanceof ObjectNode card
                        && "AdaptiveCard".equals(card.path("type").asString("")) && known.add(card.toString())) {
                    cardsSeen.put(getClass().getSimpleName() + "." + cardsSeen.size(), card);
                }
            }
        }
    }

    /**
     * Issue 12: every card the Teams tests made Kept send, whatever flow built it (lists, every form, stats,
     * replies), is parsed by Microsoft's adaptivecards library and validated against the Adaptive Card 1.5
     * schema, as {@link AdaptiveCardsParserTest} does for the cards it renders directly.
     */
    @AfterAll
    static void judgeEveryCardSent() throws Exception {
        teams.reset();
        if (cardsSeen.isEmpty()) {
            return;
        }
        Map<String, ObjectNode> cards = new java.util.LinkedHashMap<>(cardsSeen);
        cardsSeen.clear();
        AdaptiveCardsParserTest.requireNode();
        AdaptiveCardsParserTest.Result parsed = AdaptiveCardsParserTest.judge(cards);
        AdaptiveCardsParserTest.Result schema = AdaptiveCardsParserTest.judgeSchema(cards);
        org.slf4j.LoggerFactory.getLogger(TeamsHttpTestSupport.class).info("Cards sent in Teams tests (largest activity {} UTF-16 bytes): {} | {}",
                largestActivity,
                parsed.output().strip().lines().reduce((a, b) -> b).orElse(""),
                schema.output().strip().lines().reduce((a, b) -> b).orElse(""));
        assertThat(parsed.exit()).as(parsed.output()).isZero();
        assertThat(schema.exit()).as(schema.output()).isZero();
    }

    @BeforeEach
    void cleanSlate() {
        TestRedis.flushAll();
        teams.reset();
        appTokens.invalidate();
        clock.set(MONDAY_MORNING);
    }

    /**
     * A recorded activity of {@code src/test/resources/teams/real/activities/} (see its SOURCES.md), its slots (tenant,
     * serviceUrl, the bot's id, timestamp) filled in for this Kept and the fake.
     */
    ObjectNode recordedActivity(String name) {
        try (InputStream in = TeamsHttpTestSupport.class.getResourceAsStream("/teams/real/activities/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource teams/real/activities/" + name);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${tenantId}", FakeBotFramework.TENANT_ID)
                    .replace("${serviceUrl}", teams.serviceUrl())
                    .replace("${botId}", "28:" + teams.appId())
                    .replace("${timestamp}", clock.instant().toString());
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String kept() {
        return "http://127.0.0.1:" + port + "/api/messages";
    }

    HttpResponse<String> say(FakeUser from, String text) {
        return teams.post(kept(), teams.message(from, text, clock.instant()), clock.instant());
    }

    /** Clicks a button or sends a form of a card Kept sent ({@code Action.Execute}), with the inputs given. */
    JsonNode execute(FakeUser from, Sent card, Predicate<JsonNode> whichAction, ObjectNode inputs) {
        JsonNode action = actions(card.card()).stream().filter(whichAction).findFirst()
                .orElseThrow(() -> new AssertionError("no such action on " + card.readable()));
        ObjectNode data = (ObjectNode) action.get("data").deepCopy();
        if (inputs != null) {
            data.setAll(inputs);
        }
        HttpResponse<String> response = teams.post(kept(),
                teams.execute(from, action.get("verb").asString(), data, card.activityId(), clock.instant()),
                clock.instant());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        if (answer.path("value") instanceof ObjectNode replaced && "AdaptiveCard".equals(replaced.path("type").asString(""))) {
            cardsSeen.put(getClass().getSimpleName() + ".invoke." + cardsSeen.size(), replaced);   // the card put in place
        }
        return answer;
    }

    static Predicate<JsonNode> button(String actionId) {
        return a -> actionId.equals(a.path("data").path("action").asString(""));
    }

    static Predicate<JsonNode> button(String actionId, String value) {
        return a -> button(actionId).test(a) && value.equals(a.path("data").path("value").asString(""));
    }

    static final Predicate<JsonNode> SUBMIT = a -> "form".equals(a.path("data").path("kept").asString(""));

    static List<JsonNode> actions(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isObject()) {
            if (node.path("type").asString("").startsWith("Action.")) {
                out.add(node);
            }
            node.forEach(child -> out.addAll(actions(child)));
        } else if (node.isArray()) {
            node.forEach(child -> out.addAll(actions(child)));
        }
        return out;
    }

    /** The first card sent to a conversation that matches, waiting for it (work follows the answer). */
    static Sent awaitSent(String conversationId, Predicate<Sent> matching) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> teams.sent(conversationId).stream().filter(matching).findFirst(), Optional::isPresent).get();
    }

    static String dm(FakeUser user) {
        return FakeBotFramework.conversationIdFor(user.id());
    }

    static ObjectNode inputs(String... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    void at(Instant instant) {
        clock.set(instant);
        dispatcher.wake();
    }
}
