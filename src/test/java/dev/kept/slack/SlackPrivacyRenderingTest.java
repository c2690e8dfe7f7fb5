package dev.kept.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.privacy.FormerColleague;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How Block Kit shows what privacy adds: a forgotten person as plain words, and choices as selects or checkboxes. */
class SlackPrivacyRenderingTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    @Test
    void aForgottenPersonIsPlainWordsNeverAMention() {
        Markup released = Markup.builder().bold("K7Q2").plain(" was released by ").person(FormerColleague.ID)
                .plain(", so you can't change it.").build();
        assertThat(BlockKitRenderer.mrkdwn(released)).isEqualTo("*K7Q2* was released by a former colleague, so you can't change it.");

        Markup first = Markup.builder().person(FormerColleague.ID).plain(" promised you ").person("U111").plain(".").build();
        assertThat(BlockKitRenderer.mrkdwn(first)).isEqualTo("A former colleague promised you <@U111>.");

        Markup afterSentence = Markup.builder().plain("Done. ").person(FormerColleague.ID).plain(" was told.").build();
        assertThat(BlockKitRenderer.mrkdwn(afterSentence)).isEqualTo("Done. A former colleague was told.");

        String wire = GSON.toJson(BlockKitRenderer.blocks(Message.of(released)));
        assertThat(wire).doesNotContain("<@", FormerColleague.ID);
    }

    @Test
    void aSingleChoiceIsASelectAndAMultipleOneCheckboxesEachWithWhatIsChosen() {
        Form form = new Form("f", "Settings", "Save", "", List.of(
                new Form.ChoiceInput("start", "Starts at", List.of(new Form.Choice("default", "Kept's default (09:00)"),
                        new Form.Choice("10:00", "10:00")), List.of("10:00"), false, false),
                new Form.ChoiceInput("feedback", "Feedback", List.of(new Form.Choice("on", "Ask me <b>now</b>")),
                        List.of(), true, true)));

        JsonArray blocks = JsonParser.parseString(GSON.toJson(BlockKitRenderer.modal(form))).getAsJsonObject()
                .getAsJsonArray("blocks");

        JsonObject select = blocks.get(0).getAsJsonObject();
        assertThat(select.get("block_id").getAsString()).isEqualTo("start");
        assertThat(select.get("optional").getAsBoolean()).isFalse();
        JsonObject element = select.getAsJsonObject("element");
        assertThat(element.get("type").getAsString()).isEqualTo("static_select");
        assertThat(element.get("action_id").getAsString()).isEqualTo("start");
        assertThat(element.getAsJsonArray("options")).hasSize(2);
        assertThat(element.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("10:00");

        JsonObject boxes = blocks.get(1).getAsJsonObject();
        assertThat(boxes.get("optional").getAsBoolean()).isTrue();
        JsonObject checkboxes = boxes.getAsJsonObject("element");
        assertThat(checkboxes.get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(checkboxes.has("initial_options")).isFalse();
        JsonObject option = checkboxes.getAsJsonArray("options").get(0).getAsJsonObject();
        assertThat(option.getAsJsonObject("text").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(option.get("value").getAsString()).isEqualTo("on");
    }
}
