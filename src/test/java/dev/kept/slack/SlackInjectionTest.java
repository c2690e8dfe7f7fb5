package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.privacy.PrivacyIds;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every field a person can type into, end to end over signed HTTP: the text carries a broadcast, a
 * mention, a link, Slack formatting and a control character, and every message Kept then posts
 * (chat.postMessage text and blocks, response_url bodies, modals, the App Home) shows it inert:
 * escaped ({@code &lt;!channel&gt;}), formatting marks as lookalikes, no control character.
 *
 * <p>Form fields arrive from Slack as raw text, so the raw {@code <!channel>} is what is sent there.
 * Command and DM text arrive as Slack encodes it: a typed {@code <} as {@code &lt;}, and a real broadcast
 * or mention as a {@code <!here>}/{@code <@U333>} token; both forms are sent.
 */
@TestPropertySource(properties = "kept.nudges.working-hours.enabled=false")
class SlackInjectionTest extends SlackHttpTestSupport {

    /** What a person types into a form field (Slack sends it as is). */
    static final String TYPED = "<!channel> <!here> <@U333> <https://evil.example|click> *bold* `code` ~gone~ "
            + "www.evil.example mailto:bob@evil.example\n> quoted bell\u0007end";
    /** What a person types into a command or a DM, as Slack sends it: typed brackets escaped, real tokens as tokens. */
    static final String ENCODED = "&lt;!channel&gt; <!here> <@U333> <https://evil.example|click> *bold* `code` ~gone~ "
            + "<http://www.evil.example|www.evil.example> <mailto:bob@evil.example|bob@evil.example>\n&gt; quoted "
            + "bell\u0007end";

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    /** After each test: nothing Kept sent anywhere carries an active token, a formatting pair or a control character. */
    @AfterEach
    void everythingKeptSentIsInert() {
        List<String> shown = new ArrayList<>();
        for (Call c : slack.calls()) {
            String seen = shownBy(c);
            if (!seen.isBlank()) {
                shown.add(c.method() + ": " + seen);
            }
        }
        assertThat(shown).isNotEmpty();
        for (String s : shown) {
            assertThat(s).doesNotContain("<!channel>", "<!here>", "<@U333>", "<https://evil", "<http",
                    "*bold*", "`code`", "~gone~", "\u0007", "https://evil", "www.evil", "evil.example", "mailto:");
            assertThat(QUOTE_AT_LINE_START.matcher(s).find()).as("a block quote in %s", s).isFalse();
        }
    }

    // ---------------------------------------------------------------- the fields

    @Test
    void promiseTextWhatMattersAndTheReceiversAndProvidersNotes() {
        Promise p = alicePromisesBob(ENCODED + " by friday 3pm");
        String id = p.id().value();
        assertThat(p.what()).contains("*bold*");   // stored as typed; only its display is made inert
        Call toBob = awaitDm("U222", c -> c.mentions("promised you"));
        assertEscapedIn(toBob);
        assertEscapedIn(awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised")));

        // What matters: as a DM answer, then with the button's form.
        directMessage("U222", ENCODED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !current(p).whatMatters().isEmpty());
        assertEscapedIn(awaitDm("U111", c -> c.mentions("matters most")));
        click("U222", ActionIds.MATTERS, id);
        awaitCall("views.open", c -> c.view().contains(ActionIds.MATTERS_FORM));
        submit("U222", ActionIds.MATTERS_FORM, id, Map.of(ActionIds.INPUT_MATTERS, text(TYPED + " again")));
        await().atMost(Duration.ofSeconds(10)).until(() -> current(p).whatMatters().endsWith(" again"));

        // Bob suggests a change with a note; Alice asks for more time with a note.
        submit("U222", ActionIds.SUGGEST_FORM, id, Map.of(ActionIds.INPUT_NOTE, text(TYPED)));
        assertEscapedIn(awaitDm("U111", c -> c.mentions("suggest")));
        long saturday = Instant.parse("2026-11-28T12:00:00Z").getEpochSecond();
        submit("U111", ActionIds.MORE_TIME_FORM, id, Map.of(ActionIds.INPUT_DUE, SlackRequests.dateTime(saturday),
                ActionIds.INPUT_NOTE, text(TYPED)));
        await().atMost(Duration.ofSeconds(10)).until(() -> current(p).due().getEpochSecond() == saturday);
        assertEscapedIn(awaitDm("U222", c -> c.mentions("bell")  && c.mentions("Sat")));

        // Alice releases it with a reason (the form).
        submit("U111", ActionIds.RELEASE_FORM, id, Map.of(ActionIds.INPUT_NOTE, text(TYPED)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !current(p).status().isActive());
        assertEscapedIn(awaitDm("U222", c -> c.mentions("bell") && c.mentions("can't")));

        // The App Home shows the promise's text too.
        Promise q = alicePromisesBob("the review " + ENCODED + " by tomorrow");
        signedPost(SlackRequests.JSON, SlackAppHomeTest.homeOpenedBody("U111", "home"));
        awaitCall("views.publish", c -> c.mentions(q.id().value()));
        // A reason given by command: Alice cancels the second promise.
        slash("U111", "cancel " + q.id().value() + " " + ENCODED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !current(q).status().isActive());
        assertEscapedIn(awaitDm("U222", c -> c.mentions(q.id().value()) && c.mentions("bell")));
    }

    @Test
    void requestTextAndTheAskedColleaguesNotes() {
        Promise r = aliceAsksBob("for the figures " + ENCODED + " by friday");
        assertEscapedIn(awaitDm("U222", c -> c.mentions(r.id().value())));
        submit("U222", ActionIds.REQUEST_PROPOSE_FORM, r.id().value(), Map.of(
                ActionIds.INPUT_DUE, SlackRequests.dateTime(Instant.parse("2026-11-30T12:00:00Z").getEpochSecond()),
                ActionIds.INPUT_NOTE, text(TYPED)));
        assertEscapedIn(awaitDm("U111", c -> c.mentions("bell")));

        Promise declined = aliceAsksBob("for the slides by friday");
        submit("U222", ActionIds.REQUEST_DECLINE_FORM, declined.id().value(), Map.of(ActionIds.INPUT_NOTE, text(TYPED)));
        assertEscapedIn(awaitDm("U111", c -> c.mentions("can't take on")));

        Promise byCommand = aliceAsksBob("for the budget by friday");
        slash("U222", "decline " + byCommand.id().value() + " " + ENCODED);
        assertEscapedIn(awaitDm("U111", c -> c.mentions(byCommand.id().value()) && c.mentions("bell")));
    }

    @Test
    void slipNotesFeedbackAndTheReply() {
        Promise p = alicePromisesBob("the budget by tomorrow 10am");
        String id = p.id().value();
        at(Instant.parse("2026-11-24T09:00:00Z"));
        awaitDm("U111", c -> c.mentions("is due now"));
        at(Instant.parse("2026-11-25T09:00:00Z"));
        awaitDm("U222", c -> c.mentions("isn't delivered yet"));
        for (String answer : List.of("HELP", "CLARIFY")) {
            submit("U222", ActionIds.SLIP_FORM, id + ":" + answer, Map.of(ActionIds.INPUT_NOTE, text(TYPED + " note-" + answer)));
            assertEscapedIn(awaitDm("U111", c -> c.mentions("note-" + answer)));
        }

        click("U111", ActionIds.DELIVER, id);
        awaitDm("U222", c -> c.mentions("has delivered"));
        click("U222", ActionIds.RATE, id + ":2");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You rated"));
        submit("U222", ActionIds.FEEDBACK_FORM, id, Map.of(ActionIds.INPUT_BETTER, text(TYPED + " better"),
                ActionIds.INPUT_EASIER, text(TYPED + " easier"), ActionIds.INPUT_THANKS, text(TYPED + " thanks")));
        Call feedback = awaitDm("U111", c -> c.mentions("shared feedback"));
        assertEscapedIn(feedback);
        assertThat(feedback.mentions(" better") && feedback.mentions(" easier")).isTrue();

        submit("U111", ActionIds.FEEDBACK_REPLY_FORM, id, Map.of(ActionIds.INPUT_REPLY, text(TYPED + " their-reply")));
        assertEscapedIn(awaitDm("U222", c -> c.mentions("their-reply")));
    }

    /** Issue 12's worst case: three answers of 2,000 characters, each 10,000 once escaped, reach the provider. */
    @Test
    void twoThousandCharacterFeedbackOfEscapedCharactersStaysWithinSlacksLimits() {
        Promise p = alicePromisesBob("the budget by tomorrow 10am");
        String id = p.id().value();
        click("U111", ActionIds.DELIVER, id);
        awaitDm("U222", c -> c.mentions("has delivered"));
        click("U222", ActionIds.rate(2), id + ":2");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You rated"));
        String worst = "&<".repeat(1000);   // 2,000 characters typed
        assertThat(worst).hasSize(dev.kept.promise.Feedback.MAX_LENGTH);

        submit("U222", ActionIds.FEEDBACK_FORM, id, Map.of(ActionIds.INPUT_BETTER, text(worst),
                ActionIds.INPUT_EASIER, text(worst), ActionIds.INPUT_THANKS, text(worst)));

        Call feedback = awaitDm("U111", c -> c.mentions("shared feedback"));
        assertThat(feedback.mentions("&amp;&lt;&amp;&lt;") && feedback.mentions("…")).as("escaped, then cut").isTrue();
        submit("U111", ActionIds.FEEDBACK_REPLY_FORM, id, Map.of(ActionIds.INPUT_REPLY, text(worst)));
        awaitDm("U222", c -> c.mentions("&amp;&lt;&amp;&lt;"));
        assertThat(slack.takeLimitViolations()).isEmpty();
    }

    @Test
    void settingsTextInputs() {
        HttpResponse<String> refused = signedPost(SlackRequests.FORM, SlackSettingsTest.settingsSubmission("U222",
                TYPED, "09:00", "18:00", TYPED, true));
        // A bad value is named in the form's own errors (plain text, which Slack never formats).
        assertThat(refused.body()).contains("\"response_action\":\"errors\"");
        // Saved settings are shown back; the error answer is not a message. Make one message exist to check.
        slash("U222", "settings");
        awaitCall("views.open", c -> c.view().contains(PrivacyIds.SETTINGS_FORM));
    }

    // ---------------------------------------------------------------- helpers

    Promise alicePromisesBob(String text) {
        return theNewOne(Side.MADE, () -> slash("U111", "<@U222|bob> " + text));
    }

    Promise aliceAsksBob(String text) {
        return theNewOne(Side.RECEIVED, () -> slash("U111", "ask <@U222|bob> " + text));
    }

    /** Alice's open promise (on {@code side}) that {@code command} added. */
    Promise theNewOne(Side side, Runnable command) {
        java.util.Set<String> before = new java.util.HashSet<>();
        store.open(WS.person("U111"), side, 100).forEach(x -> before.add(x.id().value()));
        command.run();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U111"), side) > before.size());
        return store.open(WS.person("U111"), side, 100).stream().filter(x -> !before.contains(x.id().value()))
                .findFirst().orElseThrow();
    }

    Promise current(Promise p) {
        return store.find(WS, p.id()).orElseThrow();
    }

    void at(Instant instant) {
        clock.set(instant);
        dispatcher.wake();
    }

    @Override
    HttpResponse<String> submit(String user, String formId, String context, Map<String, Map<String, Object>> inputs) {
        HttpResponse<String> response = super.submit(user, formId, context, inputs);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\"");
        return response;
    }

    /** The call shows the typed text escaped, not dropped: the check after each test is not vacuous. */
    static void assertEscapedIn(Call c) {
        String seen = shownBy(c);
        assertThat(seen).contains("\u2217bold\u2217").contains("\u02CBcode\u02CB").contains("bellend")
                .contains("evil\u2024example").contains("quoted");
        assertThat(seen.contains("&lt;!channel&gt;") || seen.contains("@channel")).as(seen).isTrue();
    }

    /** A {@code >} that starts a line (in text, or in a JSON string after {@code \n} or its opening quote). */
    private static final Pattern QUOTE_AT_LINE_START = Pattern.compile("(?:^|\n|\\\\n|\"text\":\")[\\s\\p{Cf}\\p{Cc}]*(?:&gt;|>)");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    /** A plain-text input's prefilled value: Slack shows it as typed, never as mrkdwn. */
    private static final Pattern INITIAL_VALUE = Pattern.compile("\"initial_value\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");

    /** What Slack would show from a call: text, blocks, view, or a response_url body, with JSON escapes decoded. */
    static String shownBy(Call c) {
        String raw = String.join("\n", c.text(), c.blocks(), c.view(),
                c.method().equals(FakeSlackApi.RESPONSE_URL) ? String.valueOf(c.body()) : "");
        raw = INITIAL_VALUE.matcher(raw).replaceAll("\"initial_value\":\"\"");
        Matcher m = UNICODE_ESCAPE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
