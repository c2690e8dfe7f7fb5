package dev.kept.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Field;
import dev.kept.chat.Message.Style;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever people type (and whatever their display names are) reaches Teams only as literal text: in
 * TextRuns and plain titles, labels and values, never in a TextBlock or FactSet, never as a mention
 * entity, with control characters gone.
 */
class CardInjectionTest {

    /** Everything a person could type to make Teams mention, link, format, run script or garble. */
    static final String HOSTILE = "<at>Bob</at> [x](https://evil.example) **bold** _it_ <!channel> @everyone "
            + "<script>alert(1)</script> <b>b</b> &amp; {{DATE(2026-01-01T00:00:00Z)}} "
            + "\u0000\u0007\u001b[31m\u007f\u0085\u009b tab\there\r\nline2\ud800";
    /** How it must read on the card: the same characters, without the control characters. */
    static final String SHOWN_PART = "<at>Bob</at> [x](https://evil.example) **bold** _it_ <!channel> @everyone "
            + "<script>alert(1)</script> <b>b</b> &amp; {{DATE(2026-01-01T00:00:00Z)}} ";

    /** Where people's text may appear on a card: places that show text literally, or carry data unseen. */
    static final Set<String> LITERAL_PLACES = Set.of("TextRun.text", "Action.Execute.title",
            "Action.Execute.data.value", "Action.Execute.data.context", "AdaptiveCard.fallbackText",
            "Input.Text.value", "Input.Text.placeholder", "Input.Text.label", "Input.ChoiceSet.label",
            "Input.ChoiceSet.value", "Input.ChoiceSet.choices.title", "Input.ChoiceSet.choices.value", "Input.Date.label", "Input.Time.label",
            "Input.Date.value", "Input.Time.value");

    private static final String ALICE = "0b4c1d2e-aaaa-4bbb-8ccc-000000000001";
    private static final Function<String, String> HOSTILE_NAMES = id -> HOSTILE;

    private static void assertOnlyLiteral(ObjectNode card) {
        CardChecker.check(card);
        List<Map.Entry<String, String>> strings = CardChecker.placedStrings(card);
        boolean seen = false;
        for (Map.Entry<String, String> s : strings) {
            if (s.getValue().contains("evil.example") || s.getValue().contains("<script>")) {
                seen = true;
                assertThat(LITERAL_PLACES).as("people's text at %s", s.getKey()).contains(s.getKey());
            }
        }
        assertThat(seen).as("the hostile text is on the card").isTrue();
        String json = CardChecker.JSON.writeValueAsString(card);
        assertThat(json).doesNotContain("\"TextBlock\"").doesNotContain("\"FactSet\"")
                .doesNotContain("\"entities\"");
    }

    @Test
    void textFromPeopleInEverySpanFieldNoteAndButtonStaysLiteral() {
        Markup hostile = Markup.builder().plain(HOSTILE).bold(HOSTILE).person(ALICE).plain(HOSTILE).build();
        Message message = Message.builder(hostile)
                .text(hostile)
                .fields(List.of(new Field(HOSTILE, hostile), new Field("Due", Markup.plain(HOSTILE))))
                .note(hostile)
                .buttons(new Button("promise.deliver", HOSTILE, HOSTILE, Style.PRIMARY))
                .build();
        ObjectNode card = AdaptiveCards.card(message, HOSTILE_NAMES);
        assertOnlyLiteral(card);

        JsonNode runs = card.get("body").get(0).get("inlines");
        assertThat(runs).hasSize(4);
        for (JsonNode run : runs) {
            assertThat(run.get("type").asString()).isEqualTo("TextRun");
            assertThat(run.get("text").asString()).startsWith(SHOWN_PART).doesNotContain("[31m\u001b");
            assertThat(run.has("fontType")).isFalse();
        }
        assertThat(runs.get(0).get("text").asString()).endsWith("[31m tab here\nline2\uFFFD");
        // A name is one line.
        assertThat(runs.get(2).get("text").asString()).endsWith("[31m tab here line2\uFFFD");
        assertThat(runs.get(1).get("weight").asString()).isEqualTo("Bolder");
        assertThat(runs.get(2).get("weight").asString()).isEqualTo("Bolder");

        JsonNode action = CardChecker.actions(card).get(0);
        assertThat(action.get("title").asString()).startsWith(SHOWN_PART).doesNotContain("\n");
        // The value is data for Kept, never shown; it comes back exactly as sent.
        assertThat(action.get("data").get("value").asString()).isEqualTo(HOSTILE);
        assertThat(action.get("verb").asString()).isEqualTo("promise.deliver");

        assertThat(card.get("fallbackText").asString()).startsWith(SHOWN_PART).doesNotContain("\n");
        assertThat(AdaptiveCards.summary(message, HOSTILE_NAMES)).doesNotContain("\n").doesNotContain("\u0000");
        ObjectNode activity = AdaptiveCards.activity(card, AdaptiveCards.summary(message, HOSTILE_NAMES));
        assertThat(activity.get("summary").asString()).startsWith(SHOWN_PART);
    }

    /** Backticks typed by people are characters like any other: no code, no monospace (Kept's code is a span). */
    @Test
    void backticksInPeoplesTextAreShownAsTyped() {
        ObjectNode card = AdaptiveCards.card(Message.of("`promise [x](https://evil.example)`"), id -> "x");
        CardChecker.check(card);
        JsonNode inlines = card.get("body").get(0).get("inlines");
        assertThat(inlines).hasSize(1);
        assertThat(inlines.get(0).get("text").asString()).isEqualTo("`promise [x](https://evil.example)`");
        assertThat(inlines.get(0).has("fontType")).isFalse();
    }

    /** A code span is one literal monospace run, on one line, whatever it holds. */
    @Test
    void aCodeSpanIsOneLiteralMonospaceRun() {
        String hostile = "*x* <!channel> `y` </code><script>alert(1)</script> [x](https://evil.example) <at>Bob</at>"
                + "\nline2\u0007";
        Message message = Message.of(Markup.builder().plain("Try ").code(hostile).plain(".").build());
        ObjectNode card = AdaptiveCards.card(message, HOSTILE_NAMES);
        assertOnlyLiteral(card);
        JsonNode inlines = card.get("body").get(0).get("inlines");
        assertThat(inlines).hasSize(3);
        assertThat(inlines.get(1).get("text").asString()).isEqualTo("*x* <!channel> `y` </code><script>alert(1)</script> "
                + "[x](https://evil.example) <at>Bob</at> line2");
        assertThat(inlines.get(1).get("fontType").asString()).isEqualTo("Monospace");
        assertThat(inlines.get(1).has("selectAction")).isFalse();
        assertThat(AdaptiveCards.summary(message, HOSTILE_NAMES)).isEqualTo("Try \u201C*x* <!channel> `y` </code>"
                + "<script>alert(1)</script> [x](https://evil.example) <at>Bob</at> line2\u201D.");
    }

    /** A link is a run that opens its (http or https) url; its label is literal text, never markdown or a mention. */
    @Test
    void aLinkIsARunThatOpensItsUrlWithALiteralLabel() {
        String label = "[evil](javascript:alert(1)) <at>Bob</at> **b** <script>x</script>\nline2";
        Message message = Message.of(Markup.builder().plain("See ")
                .link("https://kept.example/help?a=1&b=%3Cx%3E", label).plain(".").build());
        ObjectNode card = AdaptiveCards.card(message, HOSTILE_NAMES);
        assertOnlyLiteral(card);
        JsonNode run = card.get("body").get(0).get("inlines").get(1);
        assertThat(run.get("text").asString())
                .isEqualTo("[evil](javascript:alert(1)) <at>Bob</at> **b** <script>x</script> line2");
        assertThat(run.get("selectAction").get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(run.get("selectAction").get("url").asString()).isEqualTo("https://kept.example/help?a=1&b=%3Cx%3E");
        assertThat(AdaptiveCards.summary(message, HOSTILE_NAMES))
                .isEqualTo("See [evil](javascript:alert(1)) <at>Bob</at> **b** <script>x</script> line2.");
    }

    @Test
    void aJavascriptLinkCannotBeMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Markup.builder().link("javascript:alert(1)", "click"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFormShowsPeoplesTextOnlyAsLiteralValuesAndRuns() {
        Form form = new Form("promise.new", HOSTILE, HOSTILE, HOSTILE, List.of(
                new Form.Intro("intro", Markup.builder().plain(HOSTILE).person(ALICE).bold(HOSTILE).build()),
                new Form.PersonInput("receiver", HOSTILE, ALICE),
                new Form.TextInput("what", HOSTILE, HOSTILE, HOSTILE, true, false, 1000),
                new Form.DateTimeInput("due", HOSTILE, Instant.parse("2026-11-27T16:00:00Z")),
                new Form.ChoiceInput("pick", HOSTILE, List.of(new Form.Choice("v1", HOSTILE)), List.of(), false, true)));
        Map<String, String> errors = Map.of("what", HOSTILE, "elsewhere", HOSTILE);
        ObjectNode card = FormCards.form(form, ZoneId.of("Europe/Paris"), errors, Map.of(), HOSTILE_NAMES);
        assertOnlyLiteral(card);
        assertThat(CardChecker.input(card, "what").get("value").asString()).startsWith(SHOWN_PART)
                .contains("tab here\nline2");
        assertThat(CardChecker.input(card, "receiver").get("choices").get(0).get("title").asString())
                .startsWith(SHOWN_PART);

        // Typed again after a problem: still only values.
        Map<String, String> typed = Map.of("what", HOSTILE, "receiver", HOSTILE, "due.date", HOSTILE,
                "due.time", HOSTILE, "pick", HOSTILE);
        ObjectNode again = FormCards.form(form, ZoneId.of("Europe/Paris"), errors, typed, HOSTILE_NAMES);
        assertOnlyLiteral(again);
        assertThat(CardChecker.input(again, "due.date").has("value")).isFalse();
        assertThat(CardChecker.input(again, "due.time").has("value")).isFalse();
        assertThat(CardChecker.input(again, "what").get("value").asString()).startsWith(SHOWN_PART);
    }
}
