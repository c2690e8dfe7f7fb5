package dev.kept.slack;

import dev.kept.privacy.CsvReader;
import dev.kept.promise.ActionIds;
import dev.kept.promise.FollowUps;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.FakeSlackApi.UploadedFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /promise export} end to end: answered at once, then a CSV of both sides arrives in the person's
 * DM through Slack's files upload v2 (URL, upload, complete), read back here from the fake Slack.
 */
class SlackExportTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    /** The promise {@code provider} makes with {@code text}, once their confirmation is out; calls so far forgotten. */
    Promise made(String provider, String text) {
        java.util.Set<String> before = store.all(WS.person(provider), Side.MADE).stream()
                .map(p -> p.id().value()).collect(Collectors.toSet());
        slash(provider, text);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        Promise made = await().atMost(Duration.ofSeconds(10)).until(() -> store.all(WS.person(provider), Side.MADE)
                .stream().filter(p -> !before.contains(p.id().value())).findFirst().orElse(null), p -> p != null);
        slack.reset();
        return made;
    }

    UploadedFile awaitFileIn(String channel) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> slack.filesSharedIn(channel).stream().findFirst().orElse(null), f -> f != null);
    }

    static Map<String, List<String>> rowsById(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(0), Function.identity()));
    }

    @Test
    void bobGetsACsvOfBothSidesWithRatingsFeedbackAndHistoryInHisDm() {
        Promise toBob = made("U111", "<@U222|bob> the Q3 deck ✓ by friday 3pm");
        Promise fromBob = made("U222", "<@U111|alice> =HYPERLINK(\"http://evil.example\",\"click\") by thursday");
        made("U333", "<@U111|alice> the budget by friday");
        slash("U222", "done " + fromBob.id().value());
        awaitCall("chat.postMessage", c -> "U111".equals(c.param("channel")) && c.mentions("has delivered"));
        click("U111", ActionIds.RATE, fromBob.id().value() + ":4");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")));
        Promise rated = store.find(WS, fromBob.id()).orElseThrow();
        store.apply(rated.giveFeedback("U111", "@mention me next time", "", "thank you", clock.instant()),
                FollowUps.Plan.none());
        slack.reset();

        slash("U222", "export");

        Call answer = awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        assertThat(answer.mentions("I'm putting your export together; it will arrive in your DM with me")).isTrue();
        UploadedFile file = awaitFileIn("DU222");
        assertThat(file.filename()).isEqualTo("kept-export-2026-11-23.csv");
        assertThat(file.initialComment()).contains("*Your Kept export*", "2 promises and requests", "America/New_York");
        assertThat(slack.files()).hasSize(1);
        assertThat(slack.calls("conversations.open")).extracting(c -> c.param("users")).containsExactly("U222");
        assertThat(slack.calls("files.getUploadURLExternal")).singleElement()
                .satisfies(c -> assertThat(c.param("length")).isEqualTo(Integer.toString(file.bytes().length)));

        List<List<String>> rows = CsvReader.parse(file.text());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("promise_id", "kind", "your_role", "status", "provider", "receiver", "what");
        Map<String, List<String>> byId = rowsById(rows);

        List<String> received = byId.get(toBob.id().value());
        assertThat(received.subList(1, 7)).containsExactly("promise", "promised to you", "open", "alice (U111)", "you",
                "the Q3 deck ✓");
        assertThat(received.get(9)).isEqualTo("2026-11-27T09:00:00-05:00");   // Friday 3pm in Berlin, in Bob's zone

        List<String> given = byId.get(fromBob.id().value());
        assertThat(given.subList(1, 7)).containsExactly("promise", "you promised", "rated", "you", "alice (U111)",
                "'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(given.get(11)).isEqualTo("4");
        assertThat(given.get(14)).isEqualTo("'@mention me next time");
        assertThat(given.get(16)).isEqualTo("thank you");
        assertThat(given.get(19).split("\n")).containsExactly(
                "2026-11-23T04:00:00-05:00 you: created (due " + fromBob.due() + ")",
                "2026-11-23T04:00:00-05:00 you: delivered (on time)",
                "2026-11-23T04:00:00-05:00 alice (U111): rated (4)",
                "2026-11-23T04:00:00-05:00 alice (U111): feedback given");
        assertThat(file.text()).doesNotContain("the budget");   // Carol's promise to Alice is not Bob's
    }

    @Test
    void aDmAsksForItTooAndAnEmptyExportIsTheHeaderRow() {
        directMessage("U333", "export");

        Call answer = awaitCall("chat.postMessage", c -> "DU333".equals(c.param("channel")));
        assertThat(answer.mentions("it will arrive in this DM")).isTrue();
        UploadedFile file = awaitFileIn("DU333");
        assertThat(CsvReader.parse(file.text())).hasSize(1);
        assertThat(file.initialComment()).contains("no promises or requests yet");
    }

    @Test
    void everyStepOfTheUploadIsTriedAgainOn429And5xx() {
        made("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        slack.rateLimitNext("files.getUploadURLExternal", 1, 1);
        slack.serverErrorNext(FakeSlackApi.FILE_UPLOAD, 1);
        slack.serverErrorNext("files.completeUploadExternal", 1);

        slash("U222", "export");

        UploadedFile file = awaitFileIn("DU222");
        assertThat(CsvReader.parse(file.text())).hasSize(2);
        assertThat(slack.count("files.getUploadURLExternal")).isEqualTo(2);
        assertThat(slack.count(FakeSlackApi.FILE_UPLOAD)).isEqualTo(2);
        assertThat(slack.count("files.completeUploadExternal")).isEqualTo(2);
    }

    @Test
    void whenSlackWontTakeTheFileThePersonIsToldInPlainWords() {
        slack.errorNext("files.completeUploadExternal", "not_allowed_token_type");

        slash("U222", "export");

        Call told = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")));
        assertThat(told.mentions("Your export was ready, but I couldn't send the file")).isTrue();
        assertThat(slack.filesSharedIn("DU222")).isEmpty();
    }
}
