package dev.kept.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Field;
import dev.kept.chat.Message.Style;
import dev.kept.chat.Workspace;
import dev.kept.feedback.FeedbackMessageSamples;
import dev.kept.insight.InsightMessageSamples;
import dev.kept.nudge.NudgeMessageSamples;
import dev.kept.privacy.FormerColleague;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Feedback;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseMessageSamples;
import dev.kept.promise.PromiseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AdaptiveCardsTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String ALICE = "0b4c1d2e-aaaa-4bbb-8ccc-000000000001";
    static final String BOB = "0b4c1d2e-aaaa-4bbb-8ccc-000000000002";
    static final Map<String, String> NAMES = Map.of(ALICE, "Alice Martin", BOB, "Bob Stone");
    static final Function<String, String> NAME_OF = NAMES::get;

    static Promise promise(String what, String matters) {
        return new Promise(new PromiseId("K7Q2"), new Workspace("teams", "tenant-1"), ALICE, BOB, what, matters,
                NOW.plusSeconds(4 * 86_400), NOW.minusSeconds(86_400), PromiseStatus.OPEN, 0, 4, "",
                new Feedback("start earlier", "send the brief sooner", "thanks!", NOW, null, "will do"), 3);
    }

    /** Every message the core builds that is easy to build here, by name. */
    static Map<String, Message> coreMessages(Promise p) {
        Map<String, Message> all = new LinkedHashMap<>();
        PromiseMessageSamples.all(p, Clock.fixed(NOW, ZoneOffset.UTC), PARIS).forEach((k, v) -> all.put("promise." + k, v));
        NudgeMessageSamples.all(p, PARIS, NOW).forEach((k, v) -> all.put("nudge." + k, v));
        FeedbackMessageSamples.all(p).forEach((k, v) -> all.put("feedback." + k, v));
        InsightMessageSamples.all(ALICE, BOB, PARIS, NOW).forEach((k, v) -> all.put("insight." + k, v));
        return all;
    }

    static Stream<Arguments> everyCoreMessage() {
        return coreMessages(promise("the Q3 deck", "the numbers first")).entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** What a person reads of some markup, with names for people (Kept's own code hints as typed in Teams). */
    static String readable(Markup markup, Function<String, String> nameOf) {
        return readable(markup, nameOf, "", "");
    }

    /** {@link #readable(Markup, Function)} with each code hint between {@code open} and {@code close}. */
    static String readable(Markup markup, Function<String, String> nameOf, String open, String close) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : markup.spans()) {
            if (span instanceof Markup.Plain p) {
                out.append(p.text());
            } else if (span instanceof Markup.Bold b) {
                out.append(b.text());
            } else if (span instanceof Markup.PersonRef r) {
                String name = nameOf.apply(r.userId());
                out.append(FormerColleague.is(r.userId()) ? "\u0000former" : name == null ? "\u0000unknown" : name);
            } else if (span instanceof Markup.Code c) {
                // Kept's own command hints read as typed in Teams (no slash command).
                out.append(open).append(CardRuns.asTypedInTeams(c.text())).append(close);
            } else if (span instanceof Markup.Link l) {
                out.append(l.label());
            }
        }
        return out.toString();
    }

    private static String rendered(String readable) {
        // A former colleague / an unknown person is written in words, capitalised at a sentence's start.
        return readable.replace("\u0000former", FormerColleague.WORDS).replace("\u0000unknown", "a colleague");
    }

    /** The card carries the same text, in the same order, and the same buttons as the message. */
    static void assertSameContent(Message message, ObjectNode card, Function<String, String> nameOf) {
        CardChecker.check(card);
        JsonNode body = card.get("body");
        int i = 0;
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                JsonNode e = body.get(i++);
                assertThat(e.get("type").asString()).isEqualTo("RichTextBlock");
                assertThat(CardChecker.text(e)).isEqualToIgnoringCase(rendered(readable(t.text(), nameOf)));
                e.get("inlines").forEach(r -> assertThat(r.has("isSubtle")).isFalse());
            } else if (block instanceof Message.Note n) {
                JsonNode e = body.get(i++);
                assertThat(e.get("type").asString()).isEqualTo("RichTextBlock");
                assertThat(CardChecker.text(e)).isEqualToIgnoringCase(rendered(readable(n.text(), nameOf)));
                e.get("inlines").forEach(r -> {
                    assertThat(r.get("isSubtle").asBoolean()).isTrue();
                    assertThat(r.get("size").asString()).isEqualTo("Small");
                });
            } else if (block instanceof Message.Fields f) {
                JsonNode e = body.get(i++);
                assertThat(e.get("type").asString()).isEqualTo("Container");
                assertThat(e.get("items")).hasSize(f.fields().size());
                for (int k = 0; k < f.fields().size(); k++) {
                    Field field = f.fields().get(k);
                    JsonNode row = e.get("items").get(k);
                    assertThat(row.get("type").asString()).isEqualTo("ColumnSet");
                    JsonNode label = row.get("columns").get(0).get("items").get(0);
                    assertThat(CardChecker.text(label)).isEqualTo(field.label());
                    assertThat(label.get("inlines").get(0).get("weight").asString()).isEqualTo("Bolder");
                    JsonNode value = row.get("columns").get(1).get("items").get(0);
                    assertThat(CardChecker.text(value)).isEqualToIgnoringCase(
                            rendered(readable(field.value(), nameOf)));
                }
            } else if (block instanceof Message.Actions a) {
                boolean stacked = a.buttons().size() > AdaptiveCards.SIDE_BY_SIDE;
                JsonNode e = body.get(i++);
                for (int k = 0; k < a.buttons().size(); k++) {
                    if (stacked && k > 0) {
                        e = body.get(i++);   // one button per row
                    }
                    assertThat(e.get("type").asString()).isEqualTo("ActionSet");
                    assertThat(e.get("actions")).hasSize(stacked ? 1 : a.buttons().size());
                    assertButton(a.buttons().get(k), e.get("actions").get(stacked ? 0 : k));
                }
            }
        }
        assertThat(body).hasSize(i);
        assertThat(card.get("fallbackText").asString())
                .isEqualToIgnoringCase(rendered(readable(message.summary(), nameOf, "\u201C", "\u201D"))
                        .replace("\n", " ").strip());
    }

    static void assertButton(Button b, JsonNode action) {
        assertThat(action.get("type").asString()).isEqualTo("Action.Execute");
        assertThat(action.get("title").asString()).isEqualTo(b.label());
        assertThat(action.get("verb").asString()).isEqualTo(b.actionId());
        JsonNode data = action.get("data");
        assertThat(data.get("kept").asString()).isEqualTo("click");
        assertThat(data.get("action").asString()).isEqualTo(b.actionId());
        if (b.value() == null) {
            assertThat(data.get("value").isNull()).isTrue();
        } else {
            assertThat(data.get("value").asString()).isEqualTo(b.value());
        }
        String style = b.style() == Style.PRIMARY ? "positive" : b.style() == Style.DANGER ? "destructive" : null;
        assertThat(action.has("style") ? action.get("style").asString() : null).isEqualTo(style);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCoreMessage")
    void everyCoreMessageKeepsItsTextAndButtons(String name, Message message) {
        ObjectNode card = AdaptiveCards.card(message, NAME_OF);
        assertSameContent(message, card, NAME_OF);
        assertThat(card.get("fallbackText").asString()).isNotBlank();
    }

    @Test
    void theRatingQuestionHasFiveButtonsThatCarryThePromiseAndScore() {
        Message ask = PromiseMessageSamples.all(promise("the deck", ""), Clock.fixed(NOW, ZoneOffset.UTC), PARIS)
                .get("askRating");
        ObjectNode card = AdaptiveCards.card(ask, NAME_OF);
        List<JsonNode> actions = CardChecker.actions(card);
        assertThat(actions).hasSize(5);
        assertThat(actions.get(0).get("verb").asString()).isEqualTo(ActionIds.rate(1));
        assertThat(actions.get(0).get("data").get("value").asString()).isEqualTo("K7Q2:1");
        assertThat(actions.get(4).get("data").get("value").asString()).isEqualTo("K7Q2:5");
        assertThat(actions.get(4).get("style").asString()).isEqualTo("positive");
        assertThat(actions.get(4).get("title").asString()).isEqualTo("🤩 Delighted");
        assertThat(card.toString()).contains("Alice Martin").doesNotContain(ALICE);
    }

    /** What a Teams notification and a card's fallback show: no Slack markup, no Slack words, no backticks. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCoreMessage")
    void summariesAndFallbacksReadAsTeamsPeopleTypeThem(String name, Message message) {
        ObjectNode card = AdaptiveCards.card(message, NAME_OF);
        String summary = AdaptiveCards.summary(message, NAME_OF);

        for (String shown : List.of(summary, card.get("fallbackText").asString(), card.get("body").toString())) {
            assertThat(shown).as(name).doesNotContain("`").doesNotContain("/promise").doesNotContainIgnoringCase("slack");
        }
    }

    /** Teams cuts the titles of buttons laid side by side; the five ratings are stacked, one per row. */
    @Test
    void theFiveRatingsAreStackedSoTeamsShowsTheirWholeLabels() {
        Message ask = PromiseMessageSamples.all(promise("the deck", ""), Clock.fixed(NOW, ZoneOffset.UTC), PARIS)
                .get("askRating");
        ObjectNode card = AdaptiveCards.card(ask, NAME_OF);

        List<JsonNode> sets = new java.util.ArrayList<>();
        card.get("body").forEach(e -> {
            if ("ActionSet".equals(e.path("type").asString())) {
                sets.add(e);
            }
        });
        assertThat(sets).hasSize(5).allSatisfy(set -> assertThat(set.get("actions")).hasSize(1));

        Message three = Message.builder(Markup.plain("x")).text(Markup.plain("x")).buttons(
                new Message.Button("a", "A", "1", Message.Style.DEFAULT),
                new Message.Button("b", "B", "1", Message.Style.DEFAULT),
                new Message.Button("c", "C", "1", Message.Style.DEFAULT)).build();
        JsonNode side = AdaptiveCards.card(three, NAME_OF).get("body");
        assertThat(side.toString()).containsOnlyOnce("ActionSet");
    }

    @Test
    void kept_sCommandHintsReadAsTypedInTeams() {
        assertThat(CardRuns.asTypedInTeams("/promise list")).isEqualTo("list");
        assertThat(CardRuns.asTypedInTeams("/promise done K7Q2")).isEqualTo("done K7Q2");
        assertThat(CardRuns.asTypedInTeams("/promise @bob the Q3 deck by friday 3pm"))
                .isEqualTo("promise @bob the Q3 deck by friday 3pm");
        assertThat(CardRuns.asTypedInTeams("/promise")).isEqualTo("promise");
        assertThat(CardRuns.asTypedInTeams("friday 3pm")).isEqualTo("friday 3pm");
    }

    @Test
    void everyBlockTypeAndStyleIsRendered() {
        Markup text = Markup.builder().plain("Hello ").person(ALICE).plain(", ").bold("the deck")
                .plain(" is due. Try ").code("/promise list").plain(".").build();
        Message message = Message.builder(Markup.builder().person(ALICE).plain(" promised you something").build())
                .text(text)
                .fields(List.of(new Field("Due", Markup.builder().bold("Friday 17:00").build()),
                        new Field("From", Markup.builder().person(BOB).build())))
                .note(Markup.plain("Only you can see this."))
                .buttons(new Button("a.one", "Yes", "K7Q2", Style.PRIMARY), new Button("a.two", "No", null, Style.DANGER),
                        new Button("a.three", "Later", "", Style.DEFAULT))
                .build();
        ObjectNode card = AdaptiveCards.card(message, NAME_OF);
        assertSameContent(message, card, NAME_OF);
        assertThat(card.get("fallbackText").asString()).isEqualTo("Alice Martin promised you something");
        JsonNode first = card.get("body").get(0).get("inlines");
        assertThat(first.get(1).get("text").asString()).isEqualTo("Alice Martin");
        assertThat(first.get(1).get("weight").asString()).isEqualTo("Bolder");
        assertThat(first.get(3).get("text").asString()).isEqualTo("the deck");
        assertThat(first.get(3).get("weight").asString()).isEqualTo("Bolder");
        // Kept's own hint reads as code, without the backticks.
        assertThat(first.get(5).get("text").asString()).isEqualTo("list");   // as typed in the chat with Kept
        assertThat(first.get(5).get("fontType").asString()).isEqualTo("Monospace");
        assertThat(card.get("msteams").get("width").asString()).isEqualTo("Full");
        assertThat(card.get("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    }

    @Test
    void aFormerColleagueIsWordsAndAnUnknownNameIsNeverAnId() {
        Message message = Message.of(Markup.builder().person(FormerColleague.ID).plain(" delivered it. Ask ")
                .person("someone-unknown").plain(".").build());
        ObjectNode card = AdaptiveCards.card(message, NAME_OF);
        CardChecker.check(card);
        assertThat(CardChecker.text(card.get("body").get(0)))
                .isEqualTo("A former colleague delivered it. Ask a colleague.");
        assertThat(card.toString()).doesNotContain("someone-unknown").doesNotContain(FormerColleague.ID);
    }

    @Test
    void anActivityCarriesTheCardAndTheSummary() {
        Message message = Message.of("Hi there");
        ObjectNode card = AdaptiveCards.card(message, NAME_OF);
        ObjectNode activity = AdaptiveCards.activity(card, AdaptiveCards.summary(message, NAME_OF));
        assertThat(activity.get("type").asString()).isEqualTo("message");
        assertThat(activity.get("summary").asString()).isEqualTo("Hi there");
        assertThat(activity.get("attachments")).hasSize(1);
        JsonNode attachment = activity.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.get("content")).isEqualTo(card);
    }

    @Test
    void invokeResponsesReplaceTheCardOrSaySomething() {
        ObjectNode card = AdaptiveCards.closed("Make a promise", "Sent.");
        CardChecker.check(card);
        ObjectNode replace = AdaptiveCards.cardResponse(card);
        assertThat(replace.get("statusCode").asInt()).isEqualTo(200);
        assertThat(replace.get("type").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(replace.get("value")).isEqualTo(card);
        ObjectNode say = AdaptiveCards.messageResponse("Done\u0007");
        assertThat(say.get("statusCode").asInt()).isEqualTo(200);
        assertThat(say.get("type").asString()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(say.get("value").asString()).isEqualTo("Done");
    }

    // ---------------------------------------------------------------- forms

    @Nested
    class Forms {

        /** The core's new-promise form, as PromiseInbound builds it. */
        Form newPromise(String receiver, Instant due) {
            List<Form.Input> inputs = new ArrayList<>();
            inputs.add(new Form.Intro("intro", Markup.plain("Who did you forget?")));
            inputs.add(new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who are you promising?", receiver));
            inputs.add(new Form.TextInput(ActionIds.INPUT_WHAT, "What will you do for them?", "the deck",
                    "e.g. the Q3 deck", false, false, 1000));
            inputs.add(new Form.TextInput(ActionIds.INPUT_MATTERS, "What matters most to them about it?", "",
                    "optional", true, true, 1000));
            inputs.add(new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", due));
            return new Form(ActionIds.NEW_PROMISE_FORM, "Make a promise", "Promise", "ctx-1", inputs);
        }

        @Test
        void theNewPromiseFormHasAPeoplePickerATextAndADateAndTime() {
            // 2026-03-29 is the day Paris moves to summer time (at 02:00): 12:30 UTC is 14:30 there.
            ObjectNode card = FormCards.form(newPromise(BOB, Instant.parse("2026-03-29T12:30:00Z")), PARIS,
                    Map.of(), Map.of(), NAME_OF);
            CardChecker.check(card);

            JsonNode title = card.get("body").get(0);
            assertThat(CardChecker.text(title)).isEqualTo("Make a promise");
            assertThat(title.get("inlines").get(0).get("weight").asString()).isEqualTo("Bolder");
            assertThat(card.get("fallbackText").asString()).isEqualTo("Make a promise");
            assertThat(CardChecker.text(card.get("body").get(1))).isEqualTo("Who did you forget?");

            JsonNode picker = CardChecker.input(card, "receiver");
            assertThat(picker.get("type").asString()).isEqualTo("Input.ChoiceSet");
            assertThat(picker.get("choices.data").get("type").asString()).isEqualTo("Data.Query");
            assertThat(picker.get("choices.data").get("dataset").asString()).isEqualTo("graph.microsoft.com/users");
            assertThat(picker.get("isMultiSelect").asBoolean()).isFalse();
            // Not required on the client, so the typed name beside it can stand in (the core still requires one).
            assertThat(picker.get("isRequired").asBoolean()).isFalse();
            assertThat(picker.get("label").asString()).isEqualTo("Who are you promising?");
            JsonNode typedName = CardChecker.input(card, "receiver" + AdaptiveCards.NAME_SUFFIX);
            assertThat(typedName.get("type").asString()).isEqualTo("Input.Text");
            assertThat(typedName.get("isRequired").asBoolean()).isFalse();
            assertThat(picker.get("value").asString()).isEqualTo(BOB);
            assertThat(picker.get("choices")).hasSize(1);
            assertThat(picker.get("choices").get(0).get("title").asString()).isEqualTo("Bob Stone");
            assertThat(picker.get("choices").get(0).get("value").asString()).isEqualTo(BOB);

            JsonNode what = CardChecker.input(card, "what");
            assertThat(what.get("type").asString()).isEqualTo("Input.Text");
            assertThat(what.get("isMultiline").asBoolean()).isFalse();
            assertThat(what.get("isRequired").asBoolean()).isTrue();
            assertThat(what.get("maxLength").asInt()).isEqualTo(1000);
            assertThat(what.get("placeholder").asString()).isEqualTo("e.g. the Q3 deck");
            assertThat(what.get("value").asString()).isEqualTo("the deck");
            JsonNode matters = CardChecker.input(card, "matters");
            assertThat(matters.get("isMultiline").asBoolean()).isTrue();
            assertThat(matters.get("isRequired").asBoolean()).isFalse();
            assertThat(matters.has("value")).isFalse();

            JsonNode date = CardChecker.input(card, "due.date");
            JsonNode time = CardChecker.input(card, "due.time");
            assertThat(date.get("type").asString()).isEqualTo("Input.Date");
            assertThat(time.get("type").asString()).isEqualTo("Input.Time");
            assertThat(date.get("value").asString()).isEqualTo("2026-03-29");
            assertThat(time.get("value").asString()).isEqualTo("14:30");
            assertThat(date.get("label").asString()).isEqualTo("By when?");
            assertThat(time.get("label").asString()).contains("Europe/Paris");

            List<JsonNode> actions = CardChecker.actions(card);
            assertThat(actions).hasSize(1);
            JsonNode submit = actions.get(0);
            assertThat(submit.get("type").asString()).isEqualTo("Action.Execute");
            assertThat(submit.get("verb").asString()).isEqualTo("kept.form");
            assertThat(submit.get("title").asString()).isEqualTo("Promise");
            assertThat(submit.get("data").get("kept").asString()).isEqualTo("form");
            assertThat(submit.get("data").get("formId").asString()).isEqualTo(ActionIds.NEW_PROMISE_FORM);
            assertThat(submit.get("data").get("context").asString()).isEqualTo("ctx-1");
        }

        @Test
        void aFormWithoutInitialValuesLeavesThemOut() {
            ObjectNode card = FormCards.form(newPromise(null, null), PARIS, Map.of(), Map.of());
            CardChecker.check(card);
            JsonNode picker = CardChecker.input(card, "receiver");
            assertThat(picker.has("value")).isFalse();
            assertThat(picker.get("choices")).isEmpty();
            assertThat(CardChecker.input(card, "due.date").has("value")).isFalse();
            assertThat(CardChecker.input(card, "due.time").has("value")).isFalse();
        }

        @Test
        void aPresetPersonWithoutAKnownNameIsStillChosen() {
            ObjectNode card = FormCards.form(newPromise(BOB, null), PARIS, Map.of(), Map.of());
            JsonNode picker = CardChecker.input(card, "receiver");
            assertThat(picker.get("value").asString()).isEqualTo(BOB);
            assertThat(picker.get("choices")).isEmpty();
        }

        @Test
        void problemsAreShownUnderTheirFieldsAndWhatWasTypedStays() {
            Map<String, String> errors = Map.of("what", "Say what you'll do.", "due", "That date has passed.");
            Map<String, String> typed = Map.of("what", "  ", "receiver", ALICE, "due.date", "2026-11-20",
                    "due.time", "09:15", "matters", "speed");
            ObjectNode card = FormCards.form(newPromise(BOB, NOW), PARIS, errors, typed, NAME_OF);
            CardChecker.check(card);
            List<JsonNode> body = new ArrayList<>();
            card.get("body").forEach(body::add);

            assertThat(CardChecker.text(body.get(1))).isEqualTo("Please look at the fields marked below.");
            assertThat(body.get(1).get("inlines").get(0).get("color").asString()).isEqualTo("Attention");

            int what = indexOf(body, "what");
            JsonNode whatError = body.get(what + 1);
            assertThat(CardChecker.text(whatError)).isEqualTo("Say what you'll do.");
            assertThat(whatError.get("inlines").get(0).get("color").asString()).isEqualTo("Attention");
            int due = indexOf(body, "due.date");
            assertThat(CardChecker.text(body.get(due + 1))).isEqualTo("That date has passed.");
            // No problem with "matters": the date and time follow it directly.
            assertThat(body.get(indexOf(body, "matters") + 1).get("type").asString()).isEqualTo("ColumnSet");

            assertThat(CardChecker.input(card, "what").get("value").asString()).isEqualTo("  ");
            assertThat(CardChecker.input(card, "matters").get("value").asString()).isEqualTo("speed");
            assertThat(CardChecker.input(card, "receiver").get("value").asString()).isEqualTo(ALICE);
            assertThat(CardChecker.input(card, "receiver").get("choices").get(0).get("title").asString())
                    .isEqualTo("Alice Martin");
            assertThat(CardChecker.input(card, "due.date").get("value").asString()).isEqualTo("2026-11-20");
            assertThat(CardChecker.input(card, "due.time").get("value").asString()).isEqualTo("09:15");
        }

        @Test
        void aProblemWithNoFieldIsShownAtTheTop() {
            ObjectNode card = FormCards.form(newPromise(BOB, NOW), PARIS, Map.of("general", "Kept is busy."),
                    Map.of());
            CardChecker.check(card);
            assertThat(CardChecker.text(card.get("body").get(1))).isEqualTo("Kept is busy.");
        }

        /** Where a top-level body element holds the input with this id (itself or inside a column set). */
        private int indexOf(List<JsonNode> body, String id) {
            for (int i = 0; i < body.size(); i++) {
                JsonNode e = body.get(i);
                if (e.toString().contains("\"id\":\"" + id + "\"")) {
                    return i;
                }
            }
            throw new AssertionError("no " + id);
        }

        @Test
        void choicesAreADropDownOrCheckboxes() {
            Form form = new Form("settings", "Settings", "Save", "", List.of(
                    new Form.ChoiceInput("start", "Day starts", List.of(new Form.Choice("08:00", "8 am"),
                            new Form.Choice("09:00", "9 am")), List.of("09:00"), false, false),
                    new Form.ChoiceInput("flags", "Options", List.of(new Form.Choice("a", "A"), new Form.Choice("b", "B"),
                            new Form.Choice("c", "C")), List.of("a", "c"), true, true)));
            ObjectNode card = FormCards.form(form, PARIS, Map.of(), Map.of());
            CardChecker.check(card);
            JsonNode single = CardChecker.input(card, "start");
            assertThat(single.get("isMultiSelect").asBoolean()).isFalse();
            assertThat(single.get("style").asString()).isEqualTo("compact");
            assertThat(single.get("value").asString()).isEqualTo("09:00");
            assertThat(single.get("isRequired").asBoolean()).isTrue();
            assertThat(single.get("choices").get(0).get("title").asString()).isEqualTo("8 am");
            assertThat(single.get("choices").get(0).get("value").asString()).isEqualTo("08:00");
            JsonNode multiple = CardChecker.input(card, "flags");
            assertThat(multiple.get("isMultiSelect").asBoolean()).isTrue();
            assertThat(multiple.get("style").asString()).isEqualTo("expanded");
            assertThat(multiple.get("value").asString()).isEqualTo("a,c");
            assertThat(multiple.get("isRequired").asBoolean()).isFalse();

            ObjectNode again = FormCards.form(form, PARIS, Map.of(), Map.of("flags", "b", "start", "08:00"));
            assertThat(CardChecker.input(again, "flags").get("value").asString()).isEqualTo("b");
            assertThat(CardChecker.input(again, "start").get("value").asString()).isEqualTo("08:00");
        }

        @Test
        void anInputNamedLikeKeptsDataIsRefused() {
            Form form = new Form("f", "T", "Send", "", List.of(new Form.TextInput("context", "C", "", "", false, false, 0)));
            assertThatThrownBy(() -> FormCards.form(form, PARIS, Map.of(), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context");
        }

        @Test
        void everyFormOfTheCoreIsAValidCard() {
            Instant due = Instant.parse("2026-10-25T00:30:00Z");
            List<Form> forms = List.of(newPromise(BOB, due), newPromise(null, null),
                    new Form(ActionIds.SUGGEST_FORM, "Suggest a change", "Send", "K7Q2", List.of(
                            new Form.Intro("intro", Markup.builder().person(ALICE).plain(" promised ").bold("x").build()),
                            new Form.DateTimeInput(ActionIds.INPUT_DUE, "A date that would work better", due),
                            new Form.TextInput(ActionIds.INPUT_NOTE, "A note for them", "", "optional", true, true, 1000))),
                    new Form(ActionIds.FEEDBACK_FORM, "Feedback for them", "Send", "K7Q2", List.of(
                            new Form.Intro("intro", Markup.plain("How could they do even better?")),
                            new Form.TextInput(ActionIds.INPUT_THANKS, "Your thanks", "", "optional", true, true, 2000),
                            new Form.TextInput(ActionIds.INPUT_BETTER, "Better", "", "", true, true, 2000),
                            new Form.TextInput(ActionIds.INPUT_EASIER, "Easier", "", "", true, true, 2000))));
            for (Form form : forms) {
                CardChecker.check(FormCards.form(form, PARIS, Map.of(), Map.of(), NAME_OF));
                CardChecker.check(FormCards.form(form, ZoneId.of("America/New_York"),
                        Map.of(ActionIds.INPUT_DUE, "Too late"), Map.of(), NAME_OF));
            }
        }
    }
}
