package dev.kept.privacy;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.PersonalSettings;
import dev.kept.nudge.NudgeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings form is read and checked in the core: every problem named, in words, under its field. */
class SettingsInboundTest {

    static final NudgeProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("kept.nudges", NudgeProperties.class);

    // Reading the form needs neither storage nor a directory.
    final SettingsInbound command = new SettingsInbound(null, null, DEFAULTS);

    static FormSubmission submitted(String zone, String start, String end, String cap, boolean feedback) {
        Map<String, String> texts = new HashMap<>();
        if (zone != null) {
            texts.put(PrivacyIds.INPUT_ZONE, zone);
        }
        if (cap != null) {
            texts.put(PrivacyIds.INPUT_DAILY_CAP, cap);
        }
        Map<String, List<String>> choices = new HashMap<>();
        choices.put(PrivacyIds.INPUT_WORK_START, List.of(start));
        choices.put(PrivacyIds.INPUT_WORK_END, List.of(end));
        choices.put(PrivacyIds.INPUT_FEEDBACK, feedback ? List.of(SettingsInbound.FEEDBACK_ON) : List.of());
        return new FormSubmission(PrivacyIds.SETTINGS_FORM, "", texts, Map.of(), Map.of(), choices);
    }

    @Test
    void aFullySetFormIsRead() {
        SettingsInbound.Read read = command.read(submitted(" asia/tokyo ", "10:00", "16:30", "3", false));
        assertThat(read.problems()).isEmpty();
        assertThat(read.settings()).isEqualTo(new PersonalSettings("Asia/Tokyo", LocalTime.of(10, 0),
                LocalTime.of(16, 30), 3, false));
    }

    @Test
    void everythingLeftOnTheDefaultsIsTheDefaults() {
        SettingsInbound.Read read = command.read(submitted(null, "default", "default", null, true));
        assertThat(read.problems()).isEmpty();
        assertThat(read.settings()).isEqualTo(PersonalSettings.DEFAULTS);
    }

    @Test
    void anUnknownZoneIsNamedWithAnExample() {
        Map<String, String> problems = command.read(submitted("Mars/Olympus", "default", "default", null, true)).problems();
        assertThat(problems).containsOnlyKeys(PrivacyIds.INPUT_ZONE);
        assertThat(problems.get(PrivacyIds.INPUT_ZONE)).contains("\u201cMars/Olympus\u201d", "Europe/Berlin");
    }

    @Test
    void anOverLongZoneIsRefusedWithTheLimit() {
        Map<String, String> problems = command.read(submitted("x".repeat(300), "default", "default", null, true)).problems();
        assertThat(problems.get(PrivacyIds.INPUT_ZONE)).isEqualTo("A time zone name is at most 64 characters; this one has 300.");
    }

    @Test
    void theDayMustEndAfterItStartsCountingKeptsDefaults() {
        assertThat(command.read(submitted(null, "17:00", "09:00", null, true)).problems().get(PrivacyIds.INPUT_WORK_END))
                .contains("has to end after it starts", "17:00 to 09:00");
        // Kept's day ends at 18:00: starting at 18:30 leaves nothing.
        assertThat(command.read(submitted(null, "18:30", "default", null, true)).problems())
                .containsKey(PrivacyIds.INPUT_WORK_END);
        assertThat(command.read(submitted(null, "not a time", "default", null, true)).problems())
                .containsEntry(PrivacyIds.INPUT_WORK_START, "Pick a time from the list.");
    }

    @Test
    void theCapIsAWholeNumberFromOneToTwenty() {
        for (String bad : List.of("0", "21", "-1", "two", "1.5")) {
            assertThat(command.read(submitted(null, "default", "default", bad, true)).problems())
                    .as(bad).containsEntry(PrivacyIds.INPUT_DAILY_CAP,
                            "Write a whole number from 1 to 20, or leave it empty for Kept's default (5).");
        }
        assertThat(command.read(submitted(null, "default", "default", "12345", true)).problems().get(PrivacyIds.INPUT_DAILY_CAP))
                .isEqualTo("That's 5 characters; write a whole number from 1 to 20 (at most 3 characters).");
        assertThat(command.read(submitted(null, "default", "default", "20", true)).settings().dailyCap()).isEqualTo(20);
    }

    @Test
    void theFormShowsWhatIsSaved() {
        Form form = command.form(new PersonalSettings("Asia/Tokyo", LocalTime.of(10, 0), null, 3, false));
        assertThat(form.formId()).isEqualTo(PrivacyIds.SETTINGS_FORM);
        Map<String, Form.Input> byId = new HashMap<>();
        form.inputs().forEach(i -> byId.put(i.id(), i));
        assertThat(((Form.TextInput) byId.get(PrivacyIds.INPUT_ZONE)).initialValue()).isEqualTo("Asia/Tokyo");
        assertThat(((Form.ChoiceInput) byId.get(PrivacyIds.INPUT_WORK_START)).initial()).containsExactly("10:00");
        Form.ChoiceInput end = (Form.ChoiceInput) byId.get(PrivacyIds.INPUT_WORK_END);
        assertThat(end.initial()).containsExactly(SettingsInbound.DEFAULT);
        assertThat(end.options().get(0).label()).isEqualTo("Kept's default (18:00)");
        assertThat(end.options()).hasSize(49);
        assertThat(((Form.TextInput) byId.get(PrivacyIds.INPUT_DAILY_CAP)).initialValue()).isEqualTo("3");
        assertThat(((Form.ChoiceInput) byId.get(PrivacyIds.INPUT_FEEDBACK)).initial()).isEmpty();
    }
}
