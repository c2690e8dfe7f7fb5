package dev.kept.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kept.chat.PendingQuestions;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.privacy.CsvReader;
import dev.kept.privacy.FormerColleague;
import dev.kept.privacy.PrivacyIds;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.FakeSlackApi.UploadedFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's acceptance for forget-me, over HTTP: Bob asks, nothing happens until he himself clicks the red
 * button, and then no key name and no value anywhere in Redis (strings, hashes, lists, sets, sorted sets) holds
 * his id, while Alice's promises with him are still there, readable, with "a former colleague" in his place.
 */
class SlackForgetMeTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    PendingQuestions questions;

    /** The promise {@code provider} makes with {@code text}, once confirmed; Slack calls so far forgotten. */
    Promise made(String provider, String text) {
        Set<String> before = ids(provider);
        slash(provider, text);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        Promise made = await().atMost(Duration.ofSeconds(10)).until(() -> store.all(WS.person(provider), Side.MADE)
                .stream().filter(p -> !before.contains(p.id().value())).findFirst().orElse(null), p -> p != null);
        slack.reset();
        return made;
    }

    Set<String> ids(String provider) {
        return store.all(WS.person(provider), Side.MADE).stream().map(p -> p.id().value()).collect(Collectors.toSet());
    }

    /** Every key of Redis whose name or value holds {@code text}, with its value. */
    List<String> everythingHolding(String text) {
        List<String> found = new ArrayList<>();
        TestRedis.snapshot(redis()).forEach((key, value) -> {
            if (key.contains(text) || value.contains(text)) {
                found.add(key + " = " + value);
            }
        });
        return found;
    }

    static String buttonValue(Call call, String actionId) {
        for (JsonElement block : JsonParser.parseString(call.blocks()).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("elements")) {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    JsonObject element = e.getAsJsonObject();
                    if (element.has("action_id") && actionId.equals(element.get("action_id").getAsString())) {
                        return element.get("value").getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + call.blocks());
    }

    @Test
    void afterForgetMeNothingInRedisHoldsBobsIdAndAlicesPromisesWithHimAreStillThereAndReadable() {
        // Bob's week at work: settings of his own, promises both ways with Alice, a rating, a reminder, a question.
        assertThat(signedPost(dev.kept.testing.slack.SlackRequests.FORM,
                SlackSettingsTest.settingsSubmission("U222", null, "08:00", "default", "4", true)).statusCode())
                .isEqualTo(200);
        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("Saved."));
        Promise deck = made("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        Promise budget = made("U222", "<@U111|alice> the budget by tomorrow 5pm");
        Promise notes = made("U222", "<@U111|alice> the meeting notes by friday");
        slash("U222", "done " + notes.id().value());
        awaitCall("chat.postMessage", c -> "U111".equals(c.param("channel")) && c.mentions("has delivered"));
        click("U111", ActionIds.RATE, notes.id().value() + ":5");
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> "true".equals(c.param("replace_original")));
        questions.expect(WS.person("U222"), new PendingQuestions.Question("matters", deck.id().value()), Duration.ofHours(24));
        clock.set(queue.nextDue().orElseThrow());   // Bob's reminder about the budget, in his own working day
        dispatcher.dispatchDue();
        awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("Reminder"));
        assertThat(everythingHolding("U222")).as("Bob in Redis before").hasSizeGreaterThanOrEqualTo(8);
        Map<String, String> before = TestRedis.snapshot(redis());
        slack.reset();

        // He asks: told what will happen, with a red button. Nothing has happened yet.
        slash("U222", "forget-me");
        Call asked = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Forget me?"));
        assertThat(asked.mentions("make your side anonymous")).isTrue();
        assertThat(asked.mentions("your 2 open promises and requests")).isTrue();
        assertThat(asked.blocks()).contains(PrivacyIds.FORGET_ME_CONFIRM, "\"style\":\"danger\"");
        String confirm = buttonValue(asked, PrivacyIds.FORGET_ME_CONFIRM);
        assertThat(TestRedis.snapshot(redis())).isEqualTo(before);

        // Alice clicking Bob's button (however she got it) changes nothing.
        slack.reset();
        click("U111", PrivacyIds.FORGET_ME_CONFIRM, confirm);
        Call refused = awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        assertThat(refused.mentions("belongs to the colleague who asked me to forget them")).isTrue();
        assertThat(TestRedis.snapshot(redis())).isEqualTo(before);

        // Bob clicks.
        slack.reset();
        click("U222", PrivacyIds.FORGET_ME_CONFIRM, confirm);
        Call done = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Done: I've forgotten you."));
        assertThat(done.param("replace_original")).isEqualTo("true");

        assertThat(everythingHolding("U222")).isEmpty();

        // Alice is told once, in plain words, about the two open promises that were closed (not the rated one).
        Call told = awaitCall("chat.postMessage", c -> "U111".equals(c.param("channel")));
        assertThat(told.mentions("asked me to forget them")).isTrue();
        assertThat(told.mentions("the Q3 deck")).isTrue();
        assertThat(told.mentions("the budget")).isTrue();
        assertThat(told.mentions("the meeting notes")).isFalse();
        assertThat(slack.calls("chat.postMessage")).hasSize(1);

        // Her promises with him are all still there, closed where they were open.
        assertThat(store.all(WS.person("U111"), Side.MADE)).extracting(p -> p.id()).containsExactly(deck.id());
        assertThat(store.all(WS.person("U111"), Side.RECEIVED)).extracting(p -> p.id())
                .containsExactlyInAnyOrder(budget.id(), notes.id());
        Promise deckNow = store.find(WS, deck.id()).orElseThrow();
        assertThat(deckNow.status()).isEqualTo(PromiseStatus.CANCELLED);
        assertThat(deckNow.receiverId()).isEqualTo(FormerColleague.ID);
        assertThat(store.find(WS, budget.id()).orElseThrow().status()).isEqualTo(PromiseStatus.RELEASED);
        assertThat(store.find(WS, notes.id()).orElseThrow().rating()).isEqualTo(5);

        // …and readable in Slack: an old button on one says where it stands, with no mention of anyone.
        slack.reset();
        click("U111", ActionIds.ACKNOWLEDGE, budget.id().value());
        Call stands = awaitCall(FakeSlackApi.RESPONSE_URL, c -> true);
        assertThat(stands.mentions("was released by a former colleague")).isTrue();
        assertThat(stands.blocks()).doesNotContain("<@", FormerColleague.ID);

        // …and in her export.
        slack.reset();
        slash("U111", "export");
        UploadedFile file = await().atMost(Duration.ofSeconds(20)).until(
                () -> slack.filesSharedIn("DU111").stream().findFirst().orElse(null), f -> f != null);
        List<List<String>> rows = CsvReader.parse(file.text());
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(FormerColleague.WORDS));
        assertThat(file.text()).doesNotContain("U222");

        // Nobody is nudged about them any more, and Bob never comes back into Redis.
        assertThat(queue.nextDue()).isEmpty();
        slack.reset();
        clock.set(clock.instant().plus(Duration.ofDays(10)));
        dispatcher.dispatchDue();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(everythingHolding("U222")).isEmpty();
    }

    @Test
    void keepMyDataChangesNothingAndAnOldConfirmationDoesNotCount() {
        made("U222", "<@U111|alice> the budget by friday");
        slash("U222", "forget-me");
        Call asked = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("Forget me?"));
        String confirm = buttonValue(asked, PrivacyIds.FORGET_ME_CONFIRM);
        Map<String, String> before = TestRedis.snapshot(redis());

        slack.reset();
        click("U222", PrivacyIds.FORGET_ME_CANCEL, buttonValue(asked, PrivacyIds.FORGET_ME_CANCEL));
        assertThat(awaitCall(FakeSlackApi.RESPONSE_URL, c -> true).mentions("Nothing was changed")).isTrue();

        slack.reset();
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        click("U222", PrivacyIds.FORGET_ME_CONFIRM, confirm);
        assertThat(awaitCall(FakeSlackApi.RESPONSE_URL, c -> true).mentions("more than an hour old")).isTrue();
        assertThat(TestRedis.snapshot(redis())).isEqualTo(before);
    }
}
