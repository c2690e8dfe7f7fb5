package dev.kept.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.promise.ActionIds;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CardInputTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String BOB = "0b4c1d2e-aaaa-4bbb-8ccc-000000000002";

    private static JsonNode json(String text) {
        return CardChecker.JSON.readTree(text.replace('\'', '"'));
    }

    /** An Action.Execute invoke as Teams sends it, with this data. */
    private static JsonNode execute(String verb, JsonNode data) {
        ObjectNode activity = (ObjectNode) json("{'type':'invoke','name':'adaptiveCard/action','channelId':'msteams',"
                + "'value':{'action':{'type':'Action.Execute','id':'x'},'trigger':'manual'}}");
        ObjectNode action = (ObjectNode) activity.get("value").get("action");
        action.put("verb", verb);
        action.set("data", data);
        return activity;
    }

    /** An Action.Submit as Teams sends it: a message whose value is the data. */
    private static JsonNode submit(JsonNode data) {
        ObjectNode activity = (ObjectNode) json("{'type':'message','channelId':'msteams','replyToId':'1:abc'}");
        activity.set("value", data);
        return activity;
    }

    /** What Teams sends back for a card's first action: its data merged with the inputs' values. */
    private static ObjectNode clicked(ObjectNode card, int action, Map<String, String> inputs) {
        ObjectNode data = ((ObjectNode) CardChecker.actions(card).get(action).get("data")).deepCopy();
        inputs.forEach(data::put);
        return data;
    }

    static Form newPromise() {
        return new Form(ActionIds.NEW_PROMISE_FORM, "Make a promise", "Promise", "server-context", List.of(
                new Form.Intro("intro", Markup.plain("Hi")),
                new Form.PersonInput(ActionIds.INPUT_RECEIVER, "Who?", null),
                new Form.TextInput(ActionIds.INPUT_WHAT, "What?", "", "", false, false, 1000),
                new Form.TextInput(ActionIds.INPUT_MATTERS, "Matters?", "", "", true, true, 1000),
                new Form.DateTimeInput(ActionIds.INPUT_DUE, "By when?", null),
                new Form.ChoiceInput("flags", "Options", List.of(new Form.Choice("a", "A"), new Form.Choice("b", "B")),
                        List.of(), true, true),
                new Form.ChoiceInput("one", "One", List.of(new Form.Choice("x", "X"), new Form.Choice("y", "Y")),
                        List.of(), false, true)));
    }

    @Nested
    class Clicks {

        private final Message message = Message.builder(Markup.plain("s")).buttons(
                new Button(ActionIds.DELIVER, "Delivered", "K7Q2", Style.PRIMARY),
                new Button("nudge.snooze", "Later", null, Style.DEFAULT)).build();
        private final ObjectNode card = AdaptiveCards.card(message, id -> null);

        @Test
        void anExecuteClickGivesTheButtonsActionAndValue() {
            JsonNode action = CardChecker.actions(card).get(0);
            CardInput in = CardInput.read(execute(action.get("verb").asString(), action.get("data"))).orElseThrow();
            assertThat(in.kind()).isEqualTo(CardInput.Kind.CLICK);
            assertThat(in.isClick()).isTrue();
            assertThat(in.execute()).isTrue();
            assertThat(in.actionId()).isEqualTo(ActionIds.DELIVER);
            assertThat(in.value()).isEqualTo("K7Q2");
            assertThat(in.formId()).isNull();
        }

        @Test
        void aSubmitClickGivesTheSame() {
            CardInput in = CardInput.read(submit(CardChecker.actions(card).get(0).get("data"))).orElseThrow();
            assertThat(in.kind()).isEqualTo(CardInput.Kind.CLICK);
            assertThat(in.execute()).isFalse();
            assertThat(in.actionId()).isEqualTo(ActionIds.DELIVER);
            assertThat(in.value()).isEqualTo("K7Q2");
        }

        @Test
        void aButtonWithoutValueComesBackWithout() {
            JsonNode action = CardChecker.actions(card).get(1);
            CardInput in = CardInput.read(execute(action.get("verb").asString(), action.get("data"))).orElseThrow();
            assertThat(in.actionId()).isEqualTo("nudge.snooze");
            assertThat(in.value()).isNull();
        }

        @Test
        void anExecuteWithoutKeptsDataStillNamesItsVerb() {
            CardInput in = CardInput.read(execute(ActionIds.DELIVER, json("{'value':'K7Q2'}"))).orElseThrow();
            assertThat(in.actionId()).isEqualTo(ActionIds.DELIVER);
            assertThat(in.value()).isEqualTo("K7Q2");
            CardInput noData = CardInput.read(execute(ActionIds.DELIVER, json("'just text'"))).orElseThrow();
            assertThat(noData.actionId()).isEqualTo(ActionIds.DELIVER);
            assertThat(noData.value()).isNull();
        }

        @Test
        void valuesThatAreNotStringsAreNotTaken() {
            CardInput in = CardInput.read(submit(json("{'kept':'click','action':'promise.deliver','value':{'a':1}}")))
                    .orElseThrow();
            assertThat(in.value()).isNull();
            assertThat(CardInput.read(submit(json("{'kept':'click','action':42,'value':'K7Q2'}")))).isEmpty();
            assertThat(CardInput.read(submit(json("{'kept':['click'],'action':'a'}")))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{'type':'message','text':'hello'}",
                "{'type':'message','value':'text'}",
                "{'type':'message','value':{'action':'promise.deliver'}}",
                "{'type':'message','value':{'kept':'other'}}",
                "{'type':'invoke','name':'composeExtension/query','value':{'action':{'verb':'x','data':{}}}}",
                "{'type':'invoke','name':'adaptiveCard/action','value':{'action':'x'}}",
                "{'type':'invoke','name':'adaptiveCard/action','value':{'action':{'data':{}}}}",
                "{'type':'invoke','name':'adaptiveCard/action'}",
                "{'type':'conversationUpdate'}",
                "{'type':7}",
                "[1,2]",
                "'text'",
                "null"})
        void anythingElseIsNotACardInput(String activity) {
            assertThat(CardInput.read(json(activity))).isEmpty();
        }

        @Test
        void nothingAtAllIsNotACardInput() {
            assertThat(CardInput.read(null)).isEmpty();
        }
    }

    @Nested
    class Submissions {

        private final Form form = newPromise();
        private final ObjectNode card = FormCards.form(form, PARIS, Map.of(), Map.of());

        private FormSubmission submitted(Map<String, String> inputs, Map<String, String> typed) {
            CardInput in = CardInput.read(execute("kept.form", clicked(card, 0, inputs))).orElseThrow();
            assertThat(in.kind()).isEqualTo(CardInput.Kind.FORM);
            assertThat(in.isForm()).isTrue();
            assertThat(in.formId()).isEqualTo(ActionIds.NEW_PROMISE_FORM);
            assertThat(in.context()).isEqualTo("server-context");
            return in.submission(form, PARIS, typed);
        }

        @Test
        void whatIsRenderedIsReadBack() {
            Map<String, String> typed = new HashMap<>();
            FormSubmission s = submitted(Map.of("receiver", BOB, "what", "the Q3 deck", "matters", "",
                    "due.date", "2026-11-27", "due.time", "17:00", "flags", "a,b", "one", "y"), typed);
            assertThat(s.formId()).isEqualTo(ActionIds.NEW_PROMISE_FORM);
            assertThat(s.context()).isEqualTo("server-context");
            assertThat(s.person("receiver")).contains(BOB);
            assertThat(s.text("what")).contains("the Q3 deck");
            assertThat(s.text("matters")).isEmpty();
            assertThat(s.texts()).containsEntry("matters", "");
            assertThat(s.instant("due")).contains(Instant.parse("2026-11-27T16:00:00Z"));
            assertThat(s.choices("flags")).containsExactly("a", "b");
            assertThat(s.choice("one")).contains("y");
            assertThat(typed).containsEntry("receiver", BOB).containsEntry("what", "the Q3 deck")
                    .containsEntry("due.date", "2026-11-27").containsEntry("due.time", "17:00")
                    .containsEntry("flags", "a,b").containsEntry("one", "y");

            // Shown again with problems, the card holds what was typed.
            ObjectNode again = FormCards.form(form, PARIS, Map.of("what", "Too vague."), typed);
            CardChecker.check(again);
            assertThat(CardChecker.input(again, "what").get("value").asString()).isEqualTo("the Q3 deck");
            assertThat(CardChecker.input(again, "due.time").get("value").asString()).isEqualTo("17:00");
            assertThat(CardChecker.input(again, "flags").get("value").asString()).isEqualTo("a,b");
        }

        @Test
        void aSubmitShapedSubmissionReadsTheSame() {
            CardInput in = CardInput.read(submit(clicked(card, 0, Map.of("what", "deck", "due.date", "2026-11-27",
                    "due.time", "09:30")))).orElseThrow();
            assertThat(in.execute()).isFalse();
            FormSubmission s = in.submission(form, PARIS, null);
            assertThat(s.text("what")).contains("deck");
            assertThat(s.instant("due")).contains(Instant.parse("2026-11-27T08:30:00Z"));
        }

        @Test
        void aTimeThatDoesNotExistOnTheDstDayMovesForward() {
            // 2026-03-29 in Paris: clocks go from 02:00 to 03:00, so 02:30 is read as 03:30 (01:30 UTC).
            FormSubmission s = submitted(Map.of("due.date", "2026-03-29", "due.time", "02:30"), new HashMap<>());
            assertThat(s.instant("due")).contains(Instant.parse("2026-03-29T01:30:00Z"));
            FormSubmission after = submitted(Map.of("due.date", "2026-03-29", "due.time", "09:00"), new HashMap<>());
            assertThat(after.instant("due")).contains(Instant.parse("2026-03-29T07:00:00Z"));
        }

        @Test
        void aTimeThatHappensTwiceOnTheDstDayIsTheEarlierOne() {
            // 2026-10-25 in Paris: 02:30 happens in summer time (00:30 UTC), then again in winter time.
            FormSubmission s = submitted(Map.of("due.date", "2026-10-25", "due.time", "02:30"), new HashMap<>());
            assertThat(s.instant("due")).contains(Instant.parse("2026-10-25T00:30:00Z"));
        }

        @Test
        void aDateIsReadInThePersonsZone() {
            FormSubmission s = CardInput.submission(form, json("{'due.date':'2026-11-27','due.time':'09:00:00'}"),
                    ZoneId.of("America/New_York"), null);
            assertThat(s.instant("due")).contains(Instant.parse("2026-11-27T14:00:00Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{'due.date':'2026-11-27'}",
                "{'due.time':'17:00'}",
                "{'due.date':'','due.time':'17:00'}",
                "{'due.date':'tomorrow','due.time':'17:00'}",
                "{'due.date':'2026-02-30','due.time':'17:00'}",
                "{'due.date':'2026-11-27','due.time':'25:00'}",
                "{'due.date':'2026-11-27','due.time':'5pm'}",
                "{'due.date':20261127,'due.time':1700}",
                "{'due.date':{'y':2026},'due.time':['17:00']}",
                "{'due':'2026-11-27T17:00'}"})
        void aMissingOrUnreadableDateIsLeftOut(String data) {
            Map<String, String> typed = new HashMap<>();
            FormSubmission s = CardInput.submission(form, json(data), PARIS, typed);
            assertThat(s.instant("due")).isEmpty();
            assertThat(s.instants()).isEmpty();
        }

        @Test
        void whatWasTypedInAnUnreadableDateIsKeptToShowAgain() {
            Map<String, String> typed = new HashMap<>();
            CardInput.submission(form, json("{'due.date':'tomorrow','due.time':'17:00'}"), PARIS, typed);
            assertThat(typed).containsEntry("due.date", "tomorrow").containsEntry("due.time", "17:00");
        }

        @Test
        void garbageNeverCrashesAndIsNeverTaken() {
            Map<String, String> typed = new HashMap<>();
            FormSubmission s = CardInput.submission(form, json("{'receiver':{'id':'x'},'what':42,'matters':null,"
                    + "'flags':['a'],'one':true,'intro':'injected','kept':'form','formId':'other.form',"
                    + "'context':'forged','extra':'value','due.date':[],'due.time':{}}"), PARIS, typed);
            assertThat(s.formId()).isEqualTo(ActionIds.NEW_PROMISE_FORM);
            assertThat(s.context()).isEqualTo("server-context");
            assertThat(s.texts()).isEmpty();
            assertThat(s.people()).isEmpty();
            assertThat(s.instants()).isEmpty();
            assertThat(s.choices()).containsOnlyKeys("flags");
            assertThat(s.choices("flags")).isEmpty();
            assertThat(s.choice("one")).isEmpty();
            assertThat(typed).isEmpty();
        }

        @Test
        void onlyTheFormsInputsAndOptionsAreTaken() {
            FormSubmission s = CardInput.submission(form, json("{'flags':'a, zz ,a,b,,','one':'nope,y',"
                    + "'receiver':'" + BOB + "','extra':'x'}"), PARIS, null);
            assertThat(s.choices("flags")).containsExactly("a", "b");
            assertThat(s.choice("one")).contains("y");
            assertThat(s.texts()).doesNotContainKey("extra");
            assertThat(s.people()).containsOnlyKeys("receiver");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "<at>Bob</at>", "a b", "x,y", "29:1abc\u0000"})
        void aPersonThatIsNoIdIsLeftOut(String value) {
            ObjectNode data = (ObjectNode) json("{}");
            data.put("receiver", value);
            FormSubmission s = CardInput.submission(form, data, PARIS, null);
            assertThat(s.person("receiver")).isEmpty();
        }

        @Test
        void aMultipleChoiceThatDidNotComeBackIsEmpty() {
            FormSubmission s = CardInput.submission(form, json("{}"), PARIS, null);
            assertThat(s.choices()).containsEntry("flags", List.of());
            assertThat(s.choices()).doesNotContainKey("one");
        }

        @Test
        void aFormSubmissionWithoutContextHasAnEmptyOne() {
            Optional<CardInput> in = CardInput.read(submit(json("{'kept':'form','formId':'promise.new'}")));
            assertThat(in).isPresent();
            assertThat(in.get().context()).isEmpty();
            assertThat(in.get().formId()).isEqualTo("promise.new");
        }
    }
}
