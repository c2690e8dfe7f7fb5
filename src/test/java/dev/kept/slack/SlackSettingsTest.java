package dev.kept.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.SettingsStore;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.privacy.PrivacyIds;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import dev.kept.testing.slack.FakeSlackApi;
import dev.kept.testing.slack.FakeSlackApi.Call;
import dev.kept.testing.slack.SlackRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /promise settings} end to end: the modal, its checks, saving, and then what the settings change:
 * when a nudge goes out (working day, time zone) and how many go out a day (daily cap). Bob is in New York
 * (UTC-5 in November) by his Slack profile; Kept's day is 09:00–18:00, five nudges a day. The clock starts
 * on Monday 23 November 2026, 09:00Z (04:00 in New York) and is moved by hand.
 */
class SlackSettingsTest extends SlackHttpTestSupport {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    PromiseStore store;

    @Autowired
    SettingsStore settings;

    @Autowired
    NudgeDispatcher dispatcher;

    static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** The body Slack posts when {@code user} saves the settings modal; null text means the field was left empty. */
    static String settingsSubmission(String user, String zone, String start, String end, String cap, boolean feedback) {
        Map<String, Map<String, Object>> state = new LinkedHashMap<>();
        state.put(PrivacyIds.INPUT_ZONE, Map.of(PrivacyIds.INPUT_ZONE,
                zone == null ? SlackRequests.emptyText() : SlackRequests.plainText(zone)));
        state.put(PrivacyIds.INPUT_WORK_START, Map.of(PrivacyIds.INPUT_WORK_START, SlackRequests.staticSelect(start)));
        state.put(PrivacyIds.INPUT_WORK_END, Map.of(PrivacyIds.INPUT_WORK_END, SlackRequests.staticSelect(end)));
        state.put(PrivacyIds.INPUT_DAILY_CAP, Map.of(PrivacyIds.INPUT_DAILY_CAP,
                cap == null ? SlackRequests.emptyText() : SlackRequests.plainText(cap)));
        state.put(PrivacyIds.INPUT_FEEDBACK, Map.of(PrivacyIds.INPUT_FEEDBACK,
                feedback ? SlackRequests.checkboxes("on") : SlackRequests.checkboxes()));
        return SlackRequests.interactionBody(SlackRequests.viewSubmissionPayload(TEAM, user, PrivacyIds.SETTINGS_FORM,
                "", state));
    }

    HttpResponse<String> save(String user, String zone, String start, String end, String cap, boolean feedback) {
        return signedPost(SlackRequests.FORM, settingsSubmission(user, zone, start, end, cap, feedback));
    }

    /** Saves Bob's settings and waits for the DM that confirms them; the Slack calls so far are forgotten. */
    void bobSaves(String zone, String start, String end, String cap, boolean feedback) {
        assertThat(save("U222", zone, start, end, cap, feedback).statusCode()).isEqualTo(200);
        Call saved = awaitCall("chat.postMessage", c -> "U222".equals(c.param("channel")) && c.mentions("Your settings"));
        assertThat(saved.mentions("Saved.")).isTrue();
        slack.reset();
    }

    /** Bob promises {@code text}; waits until it is stored and confirmed, then forgets the Slack calls. */
    void bobPromises(String text) {
        long before = store.countOpen(WS.person("U222"), Side.MADE);
        slash("U222", text);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U222"), Side.MADE) > before);
        awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        slack.reset();
    }

    void at(Instant t) {
        clock.set(t);
        dispatcher.wake();
        dispatcher.dispatchDue();
    }

    void nothingYet(Instant t, String user, Instant queuedFor) {
        at(t);
        assertThat(dmsTo(user)).as("messages to %s at %s", user, t).isEmpty();
        assertThat(queue.nextDue()).as("next nudge, seen at %s", t).contains(queuedFor);
    }

    @Test
    void theCommandOpensAFormWithChoicesAndWhatIsSaved() {
        settings.save(WS.person("U222"), new PersonalSettings("Asia/Tokyo", LocalTime.of(10, 0), null, 3, false));

        slash("U222", "settings");

        Call opened = awaitCall("views.open", c -> true);
        assertThat(opened.view()).contains(PrivacyIds.SETTINGS_FORM, "static_select", "checkboxes", "Asia/Tokyo");
        assertThat(opened.mentions("Kept's default (09:00)")).isTrue();
        assertThat(opened.mentions("Ask me for feedback")).isTrue();
        JsonObject view = JsonParser.parseString(opened.view()).getAsJsonObject();
        String start = view.getAsJsonArray("blocks").asList().stream().map(b -> b.getAsJsonObject())
                .filter(b -> PrivacyIds.INPUT_WORK_START.equals(b.get("block_id").getAsString())).findFirst().orElseThrow()
                .getAsJsonObject("element").getAsJsonObject("initial_option").get("value").getAsString();
        assertThat(start).isEqualTo("10:00");
    }

    @Test
    void mistakesAreNamedUnderTheirFieldsInFriendlyWordsAndNothingIsSaved() {
        HttpResponse<String> answer = save("U222", "Mars/Olympus", "17:00", "09:00", "25", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject ack = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertThat(ack.get("response_action").getAsString()).isEqualTo("errors");
        JsonObject errors = ack.getAsJsonObject("errors");
        assertThat(errors.get(PrivacyIds.INPUT_ZONE).getAsString())
                .contains("I don't know the time zone \u201cMars/Olympus\u201d", "Europe/Berlin");
        assertThat(errors.get(PrivacyIds.INPUT_WORK_END).getAsString())
                .isEqualTo("Your working day has to end after it starts: this would be 17:00 to 09:00.");
        assertThat(errors.get(PrivacyIds.INPUT_DAILY_CAP).getAsString())
                .isEqualTo("Write a whole number from 1 to 20, or leave it empty for Kept's default (5).");
        assertThat(settings.of(WS.person("U222"))).isEqualTo(PersonalSettings.DEFAULTS);

        HttpResponse<String> tooLong = save("U222", "Europe/" + "x".repeat(100), "default", "default", "12345", true);
        JsonObject longErrors = JsonParser.parseString(tooLong.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(longErrors.get(PrivacyIds.INPUT_ZONE).getAsString())
                .isEqualTo("A time zone name is at most 64 characters; this one has 107.");
        assertThat(longErrors.get(PrivacyIds.INPUT_DAILY_CAP).getAsString()).startsWith("That's 5 characters");
        assertThat(settings.of(WS.person("U222"))).isEqualTo(PersonalSettings.DEFAULTS);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void whatIsSavedIsConfirmedAndShownInADm() {
        bobSaves("europe/london", "08:30", "default", "3", false);

        assertThat(settings.of(WS.person("U222"))).isEqualTo(new PersonalSettings("Europe/London",
                LocalTime.of(8, 30), null, 3, false));
        directMessage("U222", "settings");
        Call shown = awaitCall("chat.postMessage", c -> "DU222".equals(c.param("channel")));
        assertThat(shown.mentions("Europe/London (your own setting)")).isTrue();
        assertThat(shown.mentions("08:30\u201318:00")).isTrue();
        assertThat(shown.mentions("at most 3")).isTrue();
        assertThat(shown.mentions("no, I won't ask you")).isTrue();
        assertThat(shown.mentions("To change them, use `/promise settings`")).isTrue();
    }

    @Test
    void bobsOwnWorkingDayDecidesWhenHeIsRemindedAndAsked() {
        bobSaves(null, "10:00", "14:00", null, true);
        bobPromises("<@U111|alice> the budget by wednesday 3pm");
        Instant due = local("2026-11-25T15:00", NEW_YORK);

        // Kept's day would remind him Tuesday 15:00; his ends at 14:00, so the reminder waits for Wednesday 10:00.
        Instant reminded = local("2026-11-25T10:00", NEW_YORK);
        awaitNextDue(reminded);
        nothingYet(local("2026-11-24T15:00", NEW_YORK), "U222", reminded);
        nothingYet(reminded.minusSeconds(1), "U222", reminded);
        at(reminded);
        awaitDm("U222", c -> c.mentions("Reminder"));
        slack.reset();

        // The due time, 15:00, is after his day: he is asked Thursday at 10:00, not at 15:00 on Wednesday.
        Instant asked = local("2026-11-26T10:00", NEW_YORK);
        awaitNextDue(asked);
        nothingYet(due, "U222", asked);
        nothingYet(local("2026-11-26T09:30", NEW_YORK), "U222", asked);
        at(asked);
        awaitDm("U222", c -> c.mentions("is due now"));
        assertThat(dmsTo("U222")).hasSize(1);
    }

    @Test
    void aTimeZoneOfHisOwnCountsForWhatBobTypesAndForWhenHeIsNudged() {
        bobSaves("Asia/Tokyo", "default", "default", null, true);
        slash("U222", "<@U111|alice> the budget by wednesday 3pm");
        Call confirmed = awaitCall(FakeSlackApi.RESPONSE_URL, c -> c.mentions("You promised"));
        assertThat(confirmed.mentions("Wednesday 25 Nov, 15:00")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.countOpen(WS.person("U222"), Side.MADE) == 1);
        assertThat(store.open(WS.person("U222"), Side.MADE, 1).get(0).due()).isEqualTo(local("2026-11-25T15:00", TOKYO));
        slack.reset();

        // Half the time left is Tuesday 16:30 in Tokyo: in his day there, though it is 02:30 in New York.
        Instant reminded = local("2026-11-24T16:30", TOKYO);
        awaitNextDue(reminded);
        nothingYet(reminded.minusSeconds(1), "U222", reminded);
        at(reminded);
        Call reminder = awaitDm("U222", c -> c.mentions("Reminder"));
        assertThat(reminder.mentions("Wednesday 25 Nov, 15:00")).isTrue();
    }

    @Test
    void aDailyCapOfHisOwnHoldsBackWhatIsOverIt() {
        bobSaves(null, "default", "default", "1", true);
        bobPromises("<@U111|alice> the budget by wednesday 3pm");
        bobPromises("<@U333|carol> the slides by wednesday 3pm");

        // Both reminders fall on Tuesday 15:00 (one working day before). Kept's cap of 5 would send both; his is 1.
        Instant reminded = local("2026-11-24T15:00", NEW_YORK);
        awaitNextDue(reminded);
        at(reminded);
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.held(WS.person("U222")).size() == 1
                && dmsTo("U222").size() == 1);
        assertThat(dmsTo("U222").get(0).mentions("Reminder")).isTrue();
        slack.reset();

        // What was held goes out in his next morning, combined.
        Instant nextMorning = local("2026-11-25T09:00", NEW_YORK);
        awaitNextDue(nextMorning);
        at(nextMorning);
        Call digest = awaitDm("U222", c -> c.mentions("Reminder"));
        assertThat(digest.mentions("This waited for your working hours")).isTrue();
        assertThat(queue.held(WS.person("U222"))).isEmpty();
    }
}
