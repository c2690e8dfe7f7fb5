package dev.kept.testing.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.FakeSlackApi.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeSlackApiTest {

    private static final String TOKEN = "xoxb-test-token";
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private FakeSlackApi fake;
    private MethodsClient methods;

    @BeforeEach
    void startFake() {
        fake = FakeSlackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        methods = Slack.getInstance(config).methods(TOKEN);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void urls() {
        assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/api/");
        assertThat(fake.responseUrl("abc")).isEqualTo("http://127.0.0.1:" + fake.port() + "/response/abc");
    }

    @Test
    void usersInfoRoundTripThroughTheSdk() throws Exception {
        UsersInfoResponse bob = methods.usersInfo(r -> r.user("U222"));

        assertThat(bob.isOk()).isTrue();
        assertThat(bob.getUser().getId()).isEqualTo("U222");
        assertThat(bob.getUser().getName()).isEqualTo("bob");
        assertThat(bob.getUser().getRealName()).isEqualTo("Bob Baker");
        assertThat(bob.getUser().getTz()).isEqualTo("America/New_York");
        int expectedOffset = ZoneId.of("America/New_York").getRules().getOffset(Instant.now()).getTotalSeconds();
        assertThat(bob.getUser().getTzOffset()).isEqualTo(expectedOffset);
        assertThat(bob.getUser().getTzLabel()).contains("Eastern");
        assertThat(bob.getUser().getProfile().getDisplayName()).isEqualTo("bob");
        assertThat(bob.getUser().isBot()).isFalse();

        assertThat(methods.usersInfo(r -> r.user("UBOT1")).getUser().isBot()).isTrue();
        assertThat(methods.usersInfo(r -> r.user("UGONE")).getUser().isDeleted()).isTrue();

        UsersInfoResponse nobody = methods.usersInfo(r -> r.user("UNOBODY"));
        assertThat(nobody.isOk()).isFalse();
        assertThat(nobody.getError()).isEqualTo("user_not_found");

        fake.addUser(FakeUser.person("U444", "dave", "Dave Diaz", "Australia/Sydney"));
        assertThat(methods.usersInfo(r -> r.user("U444")).getUser().getTz()).isEqualTo("Australia/Sydney");

        Call call = fake.calls("users.info").get(0);
        assertThat(call.param("user")).isEqualTo("U222");
        assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(fake.count("users.info")).isEqualTo(5);
    }

    @Test
    void authTestConversationsOpenAndNotAuthed() throws Exception {
        AuthTestResponse auth = methods.authTest(r -> r);
        assertThat(auth.getUserId()).isEqualTo("UKEPT");
        assertThat(auth.getTeamId()).isEqualTo("T123");
        assertThat(auth.getBotId()).isEqualTo("BKEPT");

        ConversationsOpenResponse dm = methods.conversationsOpen(r -> r.users(List.of("U333")));
        assertThat(dm.getChannel().getId()).isEqualTo("DU333");

        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        AuthTestResponse anonymous = Slack.getInstance(config).methods().authTest(r -> r);
        assertThat(anonymous.isOk()).isFalse();
        assertThat(anonymous.getError()).isEqualTo("not_authed");
    }

    @Test
    void postMessageIsRecordedWithTextAndBlocks() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r
                .channel("U222")
                .text("Alice promised: send the \"Q3 deck\" by Friday 27 Nov")
                .blocks(asBlocks(section(s -> s.text(markdownText("*Promise* → send the \"Q3 deck\" by Friday 27 Nov"))))));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C999").text("again"));

        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo("DU222");
        assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(first.getMessage().getText()).contains("Q3 deck");
        assertThat(second.getChannel()).isEqualTo("C999");
        assertThat(Double.parseDouble(second.getTs())).isGreaterThan(Double.parseDouble(first.getTs()));

        Call call = fake.calls("chat.postMessage").get(0);
        assertThat(call.param("channel")).isEqualTo("U222");
        assertThat(call.text()).startsWith("Alice promised");
        assertThat(call.blocks()).contains("\"type\":\"section\"");
        assertThat(call.mentions("*Promise* → send the \"Q3 deck\"")).isTrue();
        assertThat(call.mentions("Friday 27 Nov")).isTrue();
        assertThat(call.mentions("Saturday")).isFalse();
        assertThat(fake.count("chat.postMessage")).isEqualTo(2);

        ChatPostMessageResponse noText = methods.chatPostMessage(r -> r.channel("C1"));
        assertThat(noText.getError()).isEqualTo("no_text");
    }

    @Test
    void viewsOpenEchoesTheViewWithAnId() throws Exception {
        ViewsOpenResponse opened = methods.viewsOpen(r -> r.triggerId("123.456.abc").view(view(v -> v
                .type("modal").callbackId("new_promise").title(viewTitle(t -> t.type("plain_text").text("New promise")))
                .blocks(asBlocks(section(s -> s.text(plainText("Due Friday 27 Nov"))))))));

        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getCallbackId()).isEqualTo("new_promise");
        assertThat(fake.calls("views.open").get(0).mentions("Due Friday 27 Nov")).isTrue();
        assertThat(methods.viewsOpen(r -> r.view(view(v -> v.type("modal")))).getError())
                .isEqualTo("invalid_trigger_id");
    }

    @Test
    void rateLimitReachesTheSdkWithRetryAfter() throws Exception {
        fake.rateLimitNext("chat.postMessage", 1, 7);

        assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("hi")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("hi")).isOk()).isTrue();

        List<Call> calls = fake.calls("chat.postMessage");
        assertThat(calls).extracting(Call::status).containsExactly(429, 200);
    }

    @Test
    void faultsAreConsumedInOrderAndResetClearsThem() throws Exception {
        fake.serverErrorNext("users.info", 1);
        fake.errorNext("users.info", "fatal_error");
        fake.rateLimitNext("chat.update", 3, 1);

        assertThatThrownBy(() -> methods.usersInfo(r -> r.user("U111")))
                .isInstanceOfSatisfying(SlackApiException.class,
                        e -> assertThat(e.getResponse().code()).isEqualTo(500));
        assertThat(methods.usersInfo(r -> r.user("U111")).getError()).isEqualTo("fatal_error");
        assertThat(methods.usersInfo(r -> r.user("U111")).getUser().getTz()).isEqualTo("Europe/Berlin");

        fake.reset();
        assertThat(fake.calls()).isEmpty();
        assertThat(methods.chatUpdate(r -> r.channel("C1").ts("1763800000.000100").text("edited")).isOk()).isTrue();
        assertThat(methods.usersInfo(r -> r.user("U111")).isOk()).isTrue(); // users survive reset
    }

    @Test
    void unknownMethodIsAnsweredAndRecorded() throws Exception {
        assertThat(methods.reactionsAdd(r -> r.channel("C1").timestamp("1.2").name("tada")).getError())
                .isEqualTo("unknown_method");
        assertThat(fake.count("reactions.add")).isEqualTo(1);
    }

    @Test
    void responseUrlPostsAreRecorded() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.responseUrl("r1")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"response_type\":\"ephemeral\",\"text\":\"Got it: \\\"Q3 deck\\\" by Fri\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("ok");
        Call call = fake.calls(FakeSlackApi.RESPONSE_URL).get(0);
        assertThat(call.param("response_type")).isEqualTo("ephemeral");
        assertThat(call.text()).isEqualTo("Got it: \"Q3 deck\" by Fri");
        assertThat(call.mentions("\"Q3 deck\"")).isTrue();
    }

    @Test
    void signatureMatchesAnIndependentHmac() throws Exception {
        String body = "token=x&team_id=T123&text=%3C%40U222%7Cbob%3E+send+the+Q3+deck";
        long ts = 1_531_420_618L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0=" + HexFormat.of().formatHex(
                mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));

        assertThat(SlackRequests.signature(SECRET, ts, body)).isEqualTo(expected).matches("v0=[0-9a-f]{64}");
        // the example from Slack's "Verifying requests from Slack" guide
        assertThat(SlackRequests.signature(SECRET, 1_531_420_618L, SLACK_DOC_BODY))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    private static final String SLACK_DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    /** The builders produce requests Bolt itself accepts: signature verified, payloads parsed, respond() lands. */
    @Test
    void boltAcceptsSignedRequestsBuiltByTheHelpers() throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        AppConfig appConfig = AppConfig.builder().signingSecret(SECRET).singleTeamBotToken(TOKEN)
                .slack(Slack.getInstance(config)).build();
        App app = new App(appConfig);
        AtomicReference<String> commandText = new AtomicReference<>();
        AtomicReference<String> clicked = new AtomicReference<>();
        AtomicReference<Map<String, Map<String, ViewState.Value>>> submitted = new AtomicReference<>();
        AtomicReference<MessageEvent> dm = new AtomicReference<>();
        app.command("/promise", (req, ctx) -> {
            commandText.set(req.getPayload().getText());
            ctx.respond("Got it: " + req.getPayload().getText());
            return ctx.ack();
        });
        app.blockAction("promise_done", (req, ctx) -> {
            clicked.set(req.getPayload().getActions().get(0).getValue());
            return ctx.ack();
        });
        app.viewSubmission("new_promise", (req, ctx) -> {
            submitted.set(req.getPayload().getView().getState().getValues());
            return ctx.ack();
        });
        app.event(MessageEvent.class, (req, ctx) -> {
            dm.set(req.getEvent());
            return ctx.ack();
        });
        app.start();
        SlackRequestParser parser = new SlackRequestParser(appConfig);
        long now = SlackRequests.nowSeconds();

        String command = SlackRequests.slashCommandBody("T123", "U111", "alice", "/promise",
                "<@U222|bob> send the Q3 deck by friday 3pm", fake.responseUrl("cmd1"), "111.222.abc", "C0GENERAL");
        assertThat(app.run(signed(parser, "application/x-www-form-urlencoded", command, now, null)).getStatusCode())
                .isEqualTo(200);
        assertThat(commandText.get()).isEqualTo("<@U222|bob> send the Q3 deck by friday 3pm");
        assertThat(fake.calls(FakeSlackApi.RESPONSE_URL)).singleElement()
                .satisfies(c -> assertThat(c.mentions("Got it: <@U222|bob> send the Q3 deck")).isTrue());
        assertThat(fake.count("auth.test")).isGreaterThanOrEqualTo(1);

        Response wrong = app.run(signed(parser, "application/x-www-form-urlencoded", command, now, "v0=" + "0".repeat(64)));
        assertThat(wrong.getStatusCode()).isEqualTo(401);

        String click = SlackRequests.interactionBody(SlackRequests.blockActionPayload("T123", "U222", "promise_done",
                "p-42", "DU222", "1763800000.000100", "333.444.def", fake.responseUrl("click1")));
        assertThat(app.run(signed(parser, "application/x-www-form-urlencoded", click, now, null)).getStatusCode())
                .isEqualTo(200);
        assertThat(clicked.get()).isEqualTo("p-42");

        String submission = SlackRequests.interactionBody(SlackRequests.viewSubmissionPayload("T123", "U111",
                "new_promise", "{\"promise\":\"p-42\"}", Map.of(
                        "what", Map.of("what_input", SlackRequests.plainText("send the Q3 deck")),
                        "to", Map.of("to_select", SlackRequests.userSelect("U222")),
                        "due", Map.of("due_picker", SlackRequests.dateTime(1_764_345_600L)))));
        assertThat(app.run(signed(parser, "application/x-www-form-urlencoded", submission, now, null)).getStatusCode())
                .isEqualTo(200);
        assertThat(submitted.get().get("what").get("what_input").getValue()).isEqualTo("send the Q3 deck");
        assertThat(submitted.get().get("to").get("to_select").getSelectedUser()).isEqualTo("U222");
        assertThat(submitted.get().get("due").get("due_picker").getSelectedDateTime()).isEqualTo(1_764_345_600);

        String event = SlackRequests.messageImEventBody("T123", "U333", "DU333", "what do I owe?", "1763800100.000200");
        assertThat(app.run(signed(parser, "application/json", event, now, null)).getStatusCode()).isEqualTo(200);
        assertThat(dm.get().getText()).isEqualTo("what do I owe?");
        assertThat(dm.get().getChannelType()).isEqualTo("im");
        assertThat(dm.get().getUser()).isEqualTo("U333");
    }

    private static Request<?> signed(SlackRequestParser parser, String contentType, String body, long ts,
                                     String signatureOverride) {
        String signature = signatureOverride != null ? signatureOverride : SlackRequests.signature(SECRET, ts, body);
        RequestHeaders headers = new RequestHeaders(Map.of(
                "content-type", List.of(contentType),
                "x-slack-request-timestamp", List.of(String.valueOf(ts)),
                "x-slack-signature", List.of(signature)));
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events").queryString(Map.of()).headers(headers).requestBody(body)
                .remoteAddress("127.0.0.1").build());
    }

    @Test
    void postSendsSlackHeaders() throws Exception {
        // the fake records whatever reaches it, so it doubles as an echo server for the signing helper
        String body = SlackRequests.slashCommandBody("T123", "U111", "alice", "/promise", "hello world",
                fake.responseUrl("x"), "1.2.3", "C1");
        HttpResponse<String> res = SlackRequests.post(HttpClient.newHttpClient(), URI.create(fake.responseUrl("echo")),
                SECRET, 1_700_000_000L, SlackRequests.FORM, body);
        assertThat(res.statusCode()).isEqualTo(200);
        Call call = fake.calls(FakeSlackApi.RESPONSE_URL).get(0);
        assertThat(call.body()).isEqualTo(body);
        assertThat(call.param("text")).isEqualTo("hello world");
        assertThat(call.param("command")).isEqualTo("/promise");
        assertThat(body).contains("text=hello+world").contains("is_enterprise_install=false");
    }
}
