package dev.kept.playground;

import dev.kept.KeptApplication;
import dev.kept.chat.FormSubmission;
import dev.kept.promise.ActionIds;
import dev.kept.chat.SettingsStore;
import dev.kept.privacy.PrivacyIds;
import dev.kept.promise.PromiseInbound;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static dev.kept.playground.PlaygroundBrowser.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kept started with no Slack settings at all: the playground over real HTTP, a real Redis, and time
 * moved only with the page's own clock control.
 */
@SpringBootTest(classes = KeptApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundFlowTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kept.slack.bot-token", () -> "");
        registry.add("kept.slack.app-token", () -> "");
        registry.add("kept.slack.signing-secret", () -> "");
        registry.add("kept.redis.url", TestRedis::url);
        // Nudges come at the planned moment, not at the next working hour, so one jump reaches each.
        registry.add("kept.nudges.working-hours.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PromiseInbound inbound;

    @Autowired
    SettingsStore settings;

    PlaygroundBrowser alice;
    PlaygroundBrowser bob;

    @BeforeEach
    void freshPlayground() {
        TestRedis.flushAll();
        alice = new PlaygroundBrowser(port, "alice");
        bob = alice.as("bob");
        assertThat(alice.post("/playground/reset", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void startsWithoutSlackAsThePlayground() {
        assertThat(context.containsBean("boltApp")).isFalse();
        assertThat(context.getBean(java.time.Clock.class)).isInstanceOf(PlaygroundClock.class);
        PlaygroundBrowser.Page root = alice.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.html()).contains("Local playground.").contains("not connected to Slack");
        assertThat(root.html()).contains("Alice (Europe/Berlin)", "Bob (America/New_York)", "Carol (Asia/Tokyo)");
        assertThat(root.html()).contains("<label for=\"text\">Command or message</label>");
    }

    @Test
    void aPromiseFromAgreementToFeedback() {
        alice.say("/promise @bob the Q3 deck in 3 hours");
        assertThat(unescape(alice.page().conversation())).contains("only visible to you");

        // Bob sees the DM with the due time in his zone, and agrees.
        PlaygroundBrowser.Page bobs = bob.page();
        assertThat(unescape(bobs.conversation())).contains("the Q3 deck");
        PlaygroundBrowser.Button soundsGood = bobs.button("Sounds good").orElseThrow();
        assertThat(soundsGood.action()).isEqualTo(ActionIds.ACKNOWLEDGE);
        String id = soundsGood.value();
        bob.click(soundsGood);
        assertThat(bob.page().buttons()).noneMatch(b -> b.entry().equals(soundsGood.entry()) && b.label().equals("Sounds good"));

        // The clock jumps to the next nudge: Alice is reminded, and can mark it delivered from there.
        assertThat(alice.clock("next").status()).isEqualTo(200);
        PlaygroundBrowser.Button deliver = await().atMost(Duration.ofSeconds(20))
                .until(() -> alice.page().buttons().stream()
                        .filter(b -> b.action().equals(ActionIds.DELIVER) && b.value().equals(id)).findFirst(),
                        Optional::isPresent).orElseThrow();
        alice.click(deliver);
        await().atMost(Duration.ofSeconds(10)).until(() -> unescape(bob.page().conversation()).contains("has delivered"));

        // The next nudge is Bob's rating question; he rates 2 of 5, in place of the question.
        alice.clock("next");
        PlaygroundBrowser.Button two = await().atMost(Duration.ofSeconds(20))
                .until(() -> bob.page().buttons().stream()
                        .filter(b -> b.action().equals(ActionIds.rate(2)) && b.value().equals(id + ":2")).findFirst(),
                        Optional::isPresent).orElseThrow();
        PlaygroundBrowser.Page rated = bob.click(two);
        PlaygroundBrowser.Button feedback = rated.buttons().stream()
                .filter(b -> b.action().equals(ActionIds.FEEDBACK)).findFirst().orElseThrow();
        assertThat(feedback.entry()).as("the answer replaces the question it answers").isEqualTo(two.entry());
        assertThat(rated.buttons()).noneMatch(b -> b.action().startsWith(ActionIds.RATE));
        assertThat(unescape(rated.conversation())).contains("You rated", "Sorry it fell short");
        assertThat(unescape(alice.page().conversation())).contains("Not quite (2 of 5)");

        // Feedback in a form; Alice reads it.
        PlaygroundBrowser.Page form = bob.click(feedback);
        String entry = formEntry(form);
        PlaygroundBrowser.Page sent = bob.submit(entry, Map.of(ActionIds.INPUT_BETTER, "a draft midway would have let me steer",
                ActionIds.INPUT_EASIER, "I could have sent the data on Monday"));
        assertThat(sent.status()).isEqualTo(200);
        String alicesView = unescape(alice.page().conversation());
        assertThat(alicesView).contains("shared feedback", "a draft midway would have let me steer",
                "I could have sent the data on Monday");
        assertThat(alice.page().buttons()).anyMatch(b -> b.action().equals(ActionIds.FEEDBACK_THANK));
    }

    @Test
    void badInputIsAnsweredWithTheSameWordsAsInSlack() {
        String page = unescape(alice.say("/promise @alice the deck by friday").conversation());
        assertThat(page).contains("can't make a promise to yourself");
        assertThat(unescape(alice.say("/promise @nobody the deck by friday").conversation()))
                .contains("I couldn't find @nobody in this workspace");
    }

    @Test
    void aFormsProblemsAreShownNextToTheFieldInTheCoresWords() {
        String entry = formEntry(alice.say("/promise"));
        PlaygroundBrowser.Page answer = alice.submit(entry, Map.of(ActionIds.INPUT_RECEIVER, "alice",
                ActionIds.INPUT_WHAT, "the deck", ActionIds.INPUT_DUE, "2020-01-01T10:00"));
        assertThat(answer.status()).isEqualTo(422);
        Map<String, String> expected = inbound.check(new dev.kept.chat.Workspace("playground", "local").person("alice"),
                new FormSubmission(ActionIds.NEW_PROMISE_FORM, "", Map.of(ActionIds.INPUT_WHAT, "the deck"),
                        Map.of(ActionIds.INPUT_RECEIVER, "alice"),
                        Map.of(ActionIds.INPUT_DUE, java.time.LocalDateTime.parse("2020-01-01T10:00")
                                .atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant())));
        assertThat(expected).isNotEmpty();
        expected.forEach((input, words) -> assertThat(unescape(answer.html()))
                .contains("id=\"f-" + entry + "-" + input + "-e\">" + words + "</p>"));
    }

    @Test
    void everythingPeopleTypeIsEscaped() {
        alice.say("/promise @bob <script>alert(1)</script> and <!channel> in 3 hours");
        String html = bob.page().html();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;!channel&gt;")
                .doesNotContain("<script>alert(1)", "<!channel>");
        assertThat(alice.page().html()).doesNotContain("<script>alert(1)");

        alice.post("/playground/colleague", Map.of("id", "carol", "name", "<img src=x onerror=alert(1)>", "zone", "Asia/Tokyo"));
        assertThat(alice.page().html()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void changesFromAnotherSiteAreRefused() {
        PlaygroundBrowser.Page forged = alice.post("/playground/say", Map.of("text", "/promise @bob forged in 3 hours"),
                Map.of("Origin", "http://evil.example"));
        assertThat(forged.status()).isEqualTo(403);
        PlaygroundBrowser.Page crossSite = alice.post("/playground/reset", Map.of(), Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(bob.page().conversation()).doesNotContain("forged");
        PlaygroundBrowser.Page sameOrigin = alice.post("/playground/say", Map.of("text", "/promise @bob real in 3 hours"),
                Map.of("Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(bob.page().conversation()).contains("real");
    }

    @Test
    void resetDeletesThePlaygroundAndBringsBackTheDefaultColleagues() {
        alice.post("/playground/colleague", Map.of("id", "alice", "name", "Alicia", "zone", "Europe/Paris"));
        alice.say("/promise @bob the Q3 deck in 3 hours");
        alice.clock("day");
        assertThat(bob.page().conversation()).contains("the Q3 deck");
        assertThat(alice.page().html()).contains("Alicia (Europe/Paris)", "ahead of real time");

        PlaygroundBrowser.Page after = alice.post("/playground/reset", Map.of());
        assertThat(after.html()).contains("The playground starts again", "Alice (Europe/Berlin)")
                .doesNotContain("ahead of real time");
        assertThat(bob.page().conversation()).doesNotContain("the Q3 deck");
        assertThat(TestRedis.template().keys("*{playground:local}*")).containsExactly("kept:{playground:local}:people");
    }

    @Test
    void theClockMovesAndJumpsOnlyForward() {
        PlaygroundBrowser.Page none = alice.clock("next");
        assertThat(none.html()).contains("No nudge is waiting: make a promise first.");
        alice.clock("hour");
        assertThat(alice.page().html()).contains("1 h 0 min ahead of real time");
        alice.clock("day");
        assertThat(alice.page().html()).contains("1 d 1 h 0 min ahead of real time");
    }

    @Test
    void aNewMessagePushesAnEventToTheRecipientsOpenPage() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        var stream = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/playground/events?as=bob"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedAtTheEnd) {
                // the test closes the stream when it is done
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:hello"));
        assertThat(lines).doesNotContain("event:conversation");

        alice.say("/promise @bob the Q3 deck in 3 hours");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:conversation"));
        alice.clock("hour");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:clock"));
        assertThat(alice.get("/playground/part/conversation?as=bob").html()).contains("the Q3 deck")
                .doesNotContain("<html");
        response.body().close();
    }

    @Test
    void aFormWithChoicesAndTheHomePage() {
        PlaygroundBrowser.Page opened = alice.say("/promise settings");
        String entry = formEntry(opened);
        assertThat(opened.html()).contains("type=\"checkbox\"", "name=\"in." + PrivacyIds.INPUT_WORK_START + "\"");

        PlaygroundBrowser.Page wrong = alice.submit(entry, Map.of(PrivacyIds.INPUT_ZONE, "Mars/Olympus",
                PrivacyIds.INPUT_WORK_START, "default", PrivacyIds.INPUT_WORK_END, "default"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(unescape(wrong.html())).contains("I don't know the time zone");

        // Every checkbox cleared: feedback prompts off. Nothing else changes.
        PlaygroundBrowser.Page saved = alice.post("/playground/submit", Map.of("entry", entry,
                "in." + PrivacyIds.INPUT_ZONE, "Asia/Tokyo", "in." + PrivacyIds.INPUT_WORK_START, "default",
                "in." + PrivacyIds.INPUT_WORK_END, "default", "in." + PrivacyIds.INPUT_DAILY_CAP, ""));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(unescape(saved.conversation())).contains("Saved.");
        assertThat(settings.of(new dev.kept.chat.Workspace("playground", "local").person("alice")))
                .satisfies(s -> {
                    assertThat(s.zone()).isEqualTo("Asia/Tokyo");
                    assertThat(s.feedbackPrompts()).isFalse();
                });

        alice.say("/promise @bob the Q3 deck in 3 hours");
        PlaygroundBrowser.Page home = alice.post("/playground/home", Map.of());
        String homePart = home.html().substring(home.html().indexOf("id=\"home-h\""));
        assertThat(unescape(homePart)).contains("the Q3 deck");
    }

    @Test
    void afterTheSettingsChangeTheZoneThePageShowsTheNewZoneEverywhere() {
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        String entry = formEntry(alice.say("/promise settings"));
        java.time.Instant before = clock.instant();
        PlaygroundBrowser.Page saved = alice.post("/playground/submit", Map.of("entry", entry,
                "in." + PrivacyIds.INPUT_ZONE, "Asia/Tokyo", "in." + PrivacyIds.INPUT_WORK_START, "default",
                "in." + PrivacyIds.INPUT_WORK_END, "default", "in." + PrivacyIds.INPUT_DAILY_CAP, ""));
        java.time.Instant after = clock.instant();
        assertThat(saved.status()).isEqualTo(200);

        // Alice's profile says Europe/Berlin; her settings now say Asia/Tokyo, and so must the page.
        String clockPart = unescape(alice.get("/playground/part/clock?as=alice").html());
        assertThat(clockPart).contains("for Alice (Asia/Tokyo)").doesNotContain("Europe/Berlin");
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        java.util.regex.Matcher newest = java.util.regex.Pattern.compile("<time>([^<]+)</time>").matcher(saved.conversation());
        assertThat(newest.find()).isTrue();
        assertThat(unescape(newest.group(1))).isIn(PageRenderer.WHEN.format(before.atZone(tokyo)),
                PageRenderer.WHEN.format(after.atZone(tokyo)));

        // A due date read in Tokyo ("friday 3pm") comes back into the form as 15:00, labelled Tokyo.
        PlaygroundBrowser.Page form = alice.say("/promise the deck by friday 3pm");
        assertThat(form.html()).contains("By when? (Asia/Tokyo)").containsPattern("type=\"datetime-local\"[^>]*value=\"[0-9-]+T15:00\"");
    }

    @Test
    void aSecondMentionIsRefusedAndWhatWasTypedIsEchoedEscaped() {
        PlaygroundBrowser.Page page = alice.say("/promise @bob @carol the <b>Q3</b> deck by friday");
        String conversation = page.conversation();
        assertThat(unescape(conversation.replaceAll("<[^>]+>", ""))).contains("A promise has one receiver, and this one names @Bob and @Carol. "
                + "Make two promises instead: one to @Bob, one to @Carol.");
        assertThat(conversation).contains("the &lt;b&gt;Q3&lt;/b&gt; deck").doesNotContain("<b>Q3</b>")
                .doesNotContain("You promised");
        assertThat(bob.page().conversation()).doesNotContain("Q3");
    }

    @Test
    void aPromiseMadeFromAMessageInTheTeamChannelLinksBackToIt() {
        bob.post("/playground/team", Map.of("text", "Could you send me the Q3 deck in 3 hours?"));
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("<article class=\"said\" id=\"m-([A-Za-z0-9]+)\"")
                .matcher(alice.page().html());
        assertThat(said.find()).as("Bob's message in #team").isTrue();
        String message = said.group(1);

        PlaygroundBrowser.Page opened = alice.post("/playground/from-message", Map.of("entry", message, "ask", "false"));
        assertThat(opened.status()).isEqualTo(200);
        String entry = formEntry(opened);
        String form = opened.html().substring(opened.html().indexOf("action=\"/playground/submit\""));
        assertThat(form).contains(">Could you send me the Q3 deck</textarea>");
        assertThat(form).containsPattern("<option value=\"bob\"[^>]* selected");
        java.util.regex.Matcher due = java.util.regex.Pattern.compile("name=\"in." + ActionIds.INPUT_DUE + "\"[^>]*value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(due.find()).as("the date the message names, filled in").isTrue();

        PlaygroundBrowser.Page sent = alice.submit(entry, Map.of(ActionIds.INPUT_RECEIVER, "bob",
                ActionIds.INPUT_WHAT, "the Q3 deck", ActionIds.INPUT_DUE, due.group(1)));
        assertThat(sent.status()).isEqualTo(200);
        String bobs = bob.page().conversation();
        assertThat(unescape(bobs)).contains("promised you", "from this message");
        assertThat(bobs).contains("#m-" + message + "\"");

        PlaygroundBrowser.Page nothing = alice.post("/playground/from-message", Map.of("entry", "nosuchmessage"));
        assertThat(nothing.status()).isEqualTo(400);
    }

    private static String formEntry(PlaygroundBrowser.Page page) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("action=\"/playground/submit\"[^>]*>.*?name=\"entry\" value=\"([^\"]+)\"").matcher(page.html());
        assertThat(m.find()).as("an open form on the page").isTrue();
        return m.group(1);
    }
}
