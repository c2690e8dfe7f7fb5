package dev.kept.teams;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.testing.MutableClock;
import dev.kept.testing.teams.FakeBotFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Bot Connector client against the fake connector, over HTTP; waits are recorded, never slept. */
class BotConnectorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ALICE = "29:1alice";

    static FakeBotFramework fake;
    List<Duration> sleeps;
    AppTokens tokens;
    BotConnector connector;

    @BeforeAll
    static void startFake() {
        fake = FakeBotFramework.start().withDefaultUsers();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        sleeps = new CopyOnWriteArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        tokens = new AppTokens(fake.settings(), BotTokenValidator.defaultHttpClient(), clock);
        connector = new BotConnector(fake.settings(), tokens, BotTokenValidator.defaultHttpClient(), sleeps::add);
    }

    static ObjectNode card(String text) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "message");
        ObjectNode att = a.putArray("attachments").addObject();
        att.put("contentType", "application/vnd.microsoft.card.adaptive");
        ObjectNode c = att.putObject("content");
        c.put("type", "AdaptiveCard");
        c.put("version", "1.5");
        ObjectNode tb = c.putArray("body").addObject();
        tb.put("type", "TextBlock");
        tb.put("text", text);
        ObjectNode action = c.putArray("actions").addObject();
        action.put("type", "Action.Execute");
        action.put("title", "Done");
        action.put("verb", "promise.done");
        return a;
    }

    String conversation() {
        return connector.createPersonalConversation(fake.serviceUrl(), fake.tenantId(), ALICE);
    }

    @Test
    void createsThePersonalConversationWithAUser() {
        String id = conversation();

        assertThat(id).isEqualTo(FakeBotFramework.conversationIdFor(ALICE));
        assertThat(fake.createdConversations()).containsExactly(id);
        assertThat(fake.calls()).filteredOn(c -> c.rawPath().equals("/v3/conversations"))
                .singleElement().satisfies(c -> assertThat(c.authorized()).isTrue());
    }

    @Test
    void sendsAnActivityToAConversationWithEncodedIdAndAppToken() {
        String conversationId = conversation();

        String activityId = connector.send(fake.serviceUrl(), conversationId, card("Q3 deck for Bob"));

        assertThat(activityId).isNotBlank();
        assertThat(fake.sentTo(ALICE)).singleElement().satisfies(s -> {
            assertThat(s.activityId()).isEqualTo(activityId);
            assertThat(s.readable()).contains("Q3 deck for Bob").contains("[Done]");
            assertThat(s.card().path("version").asString()).isEqualTo("1.5");
        });
        assertThat(fake.calls()).anySatisfy(c -> {
            assertThat(c.rawPath()).isEqualTo("/v3/conversations/a%3Adm-29%3A1alice/activities");
            assertThat(c.authorized()).isTrue();
        });
        assertThat(fake.tokenCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aServiceUrlWithoutTrailingSlashWorksAlike() {
        String base = fake.baseUrl();
        String id = connector.createPersonalConversation(base, fake.tenantId(), ALICE);
        connector.send(base, id, card("hello"));
        assertThat(fake.sentTo(ALICE)).hasSize(1);
        assertThat(fake.calls()).allSatisfy(c -> assertThat(c.rawPath()).doesNotContain("//"));
    }

    @Test
    void conversationIdsWithSemicolonsAndAtSignsArePercentEncoded() {
        String odd = "19:abc@thread.tacv2;messageid=1700000000000";
        connector.send(fake.serviceUrl(), odd, card("to a channel thread"));

        assertThat(fake.sent(odd)).hasSize(1);
        assertThat(fake.calls()).anySatisfy(c -> assertThat(c.rawPath())
                .isEqualTo("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities"));
    }

    @Test
    void repliesToAnActivity() {
        String conversationId = conversation();
        String id = connector.reply(fake.serviceUrl(), conversationId, "f:123", card("a reply"));

        assertThat(fake.sentTo(ALICE)).singleElement().satisfies(s -> {
            assertThat(s.activityId()).isEqualTo(id);
            assertThat(s.replyToId()).isEqualTo("f:123");
        });
    }

    @Test
    void aRefusedPasswordFailsSendOnceButNotPermanently() {
        AppTokens wrong = new AppTokens(fake.tokenUrl(), fake.appId(), "wrong", BotTokenValidator.defaultHttpClient(),
                java.time.Clock.systemUTC());
        BotConnector c = new BotConnector(wrong, fake.appId(), BotTokenValidator.defaultHttpClient(), sleeps::add,
                true);

        assertThat(c.sendOnce(fake.serviceUrl(), "a:dm-x", card("x")))
                .isInstanceOfSatisfying(BotConnector.Failed.class, f -> {
                    assertThat(f.permanent()).isFalse();
                    assertThat(f.error()).contains("invalid_client").doesNotContain("wrong");
                });
        assertThatThrownBy(() -> c.send(fake.serviceUrl(), "a:dm-x", card("x")))
                .isInstanceOf(DeliveryFailedException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void updatesAnActivityInPlace() {
        String conversationId = conversation();
        String activityId = connector.send(fake.serviceUrl(), conversationId, card("Rate the deck"));

        connector.update(fake.serviceUrl(), conversationId, activityId, card("Thanks, rated 4"));

        assertThat(fake.updates()).singleElement().satisfies(u -> {
            assertThat(u.conversationId()).isEqualTo(conversationId);
            assertThat(u.activityId()).isEqualTo(activityId);
            assertThat(u.readable()).contains("Thanks, rated 4");
        });
    }

    @Test
    void listsTheMembersWithNamesAndAadIds() {
        List<BotConnector.Member> members = connector.members(fake.serviceUrl(), conversation());

        assertThat(members).extracting(BotConnector.Member::name)
                .containsExactly("Alice Archer", "Bob Baker", "Carol Chen");
        assertThat(members).filteredOn(m -> m.name().equals("Bob Baker")).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("29:1bob");
            assertThat(m.aadObjectId()).isEqualTo("b0b00000-0000-4000-8000-000000000002");
        });
    }

    @Test
    void findsOneMemberByAadObjectIdOrNot() {
        String conversationId = conversation();
        assertThat(connector.member(fake.serviceUrl(), conversationId, "ca201000-0000-4000-8000-000000000003"))
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Carol Chen"));
        assertThat(connector.member(fake.serviceUrl(), conversationId, "00000000-0000-4000-8000-00000000dead"))
                .isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() {
        String conversationId = conversation();
        fake.rateLimitNext(1, 7);

        connector.send(fake.serviceUrl(), conversationId, card("after a wait"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(fake.sentTo(ALICE)).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0} is tried again")
    @ValueSource(ints = {412, 502, 504, 503, 500})
    void transientFailuresAreTriedAgainWithGrowingBackoff(int status) {
        String conversationId = conversation();
        fake.failNext(2, status);

        connector.send(fake.serviceUrl(), conversationId, card("eventually"));

        assertThat(fake.sentTo(ALICE)).hasSize(1);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(750));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
    }

    @Test
    void updatesAreTriedAgainToo() {
        String conversationId = conversation();
        String activityId = connector.send(fake.serviceUrl(), conversationId, card("v1"));
        fake.failNext(1, 504);
        fake.rateLimitNext(1, 2);

        connector.update(fake.serviceUrl(), conversationId, activityId, card("v2"));

        assertThat(fake.updates()).hasSize(1);
        assertThat(sleeps).hasSize(2).endsWith(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "HTTP {0} fails at once")
    @ValueSource(ints = {400, 403, 404})
    void otherClientErrorsFailAtOnce(int status) {
        String conversationId = conversation();
        int before = fake.calls().size();
        fake.failNext(1, status);

        assertThatThrownBy(() -> connector.send(fake.serviceUrl(), conversationId, card("blocked")))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("HTTP " + status);
        assertThat(sleeps).isEmpty();
        assertThat(fake.calls().size() - before).isEqualTo(1);
        assertThat(fake.sentTo(ALICE)).isEmpty();
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        String conversationId = conversation();
        int before = fake.calls().size();
        fake.failNext(50, 502);

        assertThatThrownBy(() -> connector.send(fake.serviceUrl(), conversationId, card("never")))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("HTTP 502");
        assertThat(fake.calls().size() - before).isEqualTo(BotConnector.MAX_ATTEMPTS);
        assertThat(sleeps).hasSize(BotConnector.MAX_ATTEMPTS - 1);
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(BotConnector.MAX_TOTAL_WAIT);
    }

    @Test
    void aRetryAfterBeyondTheWaitingBudgetGivesUpWithoutWaiting() {
        String conversationId = conversation();
        fake.rateLimitNext(1, 120);

        assertThatThrownBy(() -> connector.send(fake.serviceUrl(), conversationId, card("later")))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("429");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRefusedAppTokenIsRenewedOnce() {
        String conversationId = conversation();
        fake.revokeAppTokens();

        connector.send(fake.serviceUrl(), conversationId, card("with a fresh token"));

        assertThat(fake.sentTo(ALICE)).hasSize(1);
        assertThat(fake.tokenCalls()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sendOnceReportsEachOutcome() {
        String conversationId = conversation();

        assertThat(connector.sendOnce(fake.serviceUrl(), conversationId, card("one")))
                .isInstanceOfSatisfying(BotConnector.Sent.class, s -> assertThat(s.activityId()).isNotBlank());

        fake.rateLimitNext(1, 3);
        assertThat(connector.sendOnce(fake.serviceUrl(), conversationId, card("two")))
                .isEqualTo(new BotConnector.RateLimited(Duration.ofSeconds(3)));

        fake.failNext(1, 429);
        assertThat(connector.sendOnce(fake.serviceUrl(), conversationId, card("two")))
                .isEqualTo(new BotConnector.RateLimited(BotConnector.DEFAULT_RATE_LIMIT_WAIT));

        for (int status : new int[] {412, 502, 504}) {
            fake.failNext(1, status);
            assertThat(connector.sendOnce(fake.serviceUrl(), conversationId, card("three")))
                    .isInstanceOfSatisfying(BotConnector.Failed.class, f -> {
                        assertThat(f.permanent()).isFalse();
                        assertThat(f.error()).contains("HTTP " + status);
                    });
        }

        fake.failNext(1, 403);
        assertThat(connector.sendOnce(fake.serviceUrl(), conversationId, card("four")))
                .isInstanceOfSatisfying(BotConnector.Failed.class, f -> assertThat(f.permanent()).isTrue());

        assertThat(fake.sentTo(ALICE)).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void underRandomFaultsEveryMessageStillArrivesOnce() {
        String conversationId = conversation();
        fake.randomFaults(0.3, 42);
        try {
            for (int i = 0; i < 40; i++) {
                connector.send(fake.serviceUrl(), conversationId, card("message " + i));
            }
        } finally {
            fake.randomFaults(0, 0);
        }
        assertThat(fake.randomFaultsInjected()).isGreaterThan(5);
        assertThat(fake.sentTo(ALICE)).hasSize(40);
        assertThat(fake.sentTo(ALICE)).extracting(FakeBotFramework.Sent::readable).doesNotHaveDuplicates();
        assertThat(sleeps).hasSize(fake.randomFaultsInjected());
    }

    @Test
    void sendOnceOnAnUnreachableConnectorIsATransientFailure() {
        String serviceUrl = "http://127.0.0.1:" + closedPort() + "/";
        tokens.token(); // the token endpoint (the live fake) is fine; the connector is gone

        assertThat(connector.sendOnce(serviceUrl, "a:dm-x", card("lost")))
                .isInstanceOfSatisfying(BotConnector.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThatThrownBy(() -> connector.send(serviceUrl, "a:dm-x", card("lost")))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("network");
        assertThat(sleeps).hasSize(BotConnector.MAX_ATTEMPTS - 1);
    }

    static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyHttpsServiceUrlsAreCalledUnlessLoopbackHttpIsAllowed() {
        BotConnector strict = new BotConnector(tokens, fake.appId(), BotTokenValidator.defaultHttpClient(),
                sleeps::add, false);

        assertThatThrownBy(() -> strict.send(fake.serviceUrl(), "a:dm-x", card("no")))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("only https");
        assertThat(strict.sendOnce(fake.serviceUrl(), "a:dm-x", card("no")))
                .isInstanceOfSatisfying(BotConnector.Failed.class, f -> assertThat(f.permanent()).isTrue());
        for (String refused : new String[] {"http://smba.example.com/emea/", "https://user:pw@smba.example.com/",
                "https://smba.example.com/?x=1", "ftp://smba.example.com/", "not a url", ""}) {
            assertThatThrownBy(() -> connector.send(refused, "a:dm-x", card("no")))
                    .as(refused).isInstanceOf(DeliveryFailedException.class).hasMessageContaining("serviceUrl");
        }
        assertThat(fake.calls()).isEmpty();
    }
    /**
     * A connector that takes every request and answers only after the client gave up: what a Bot Connector latency
     * spike looks like from Kept. A post is made once and counts as sent; an update and a read are tried again.
     */
    @Test
    void aPostWhoseAnswerNeverCameIsNotPostedAgainButAnUpdateIs() throws Exception {
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer slow = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ("POST".equals(ex.getRequestMethod()) ? posts : puts).incrementAndGet();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);   // taken, but answered too late
                ex.sendResponseHeaders(200, -1);
            } catch (InterruptedException | java.io.IOException ignored) {
                // the client is gone
            } finally {
                ex.close();
            }
        });
        slow.start();
        try {
            String serviceUrl = "http://127.0.0.1:" + slow.getAddress().getPort() + "/";
            tokens.token();
            BotConnector impatient = new BotConnector(tokens, fake.appId(), BotTokenValidator.defaultHttpClient(),
                    sleeps::add, true, Duration.ofMillis(300));

            assertThat(impatient.send(serviceUrl, "a:dm-x", card("once"))).isEmpty();
            assertThat(impatient.sendOnce(serviceUrl, "a:dm-x", card("once more")))
                    .isEqualTo(new BotConnector.Sent(""));
            assertThat(posts).as("each post made once").hasValue(2);
            assertThat(sleeps).isEmpty();

            assertThatThrownBy(() -> impatient.update(serviceUrl, "a:dm-x", "1", card("v2")))
                    .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("network");
            assertThat(puts).as("an update may be made again").hasValue(BotConnector.MAX_ATTEMPTS);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }
}
