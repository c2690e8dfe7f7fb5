package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Field;
import dev.kept.chat.Message.Style;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockKitRendererTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    /** Everything a person could type to make Slack ping, mention or link. */
    private static final String HOSTILE = "hi <!channel> <!here> <@U999> <https://evil.example|click> <#C1> & more >";
    private static final String HOSTILE_ESCAPED = "hi &lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; "
            + "&lt;https\u2236//evil\u2024example|click&gt; &lt;#C1&gt; &amp; more &gt;";

    /** The JSON Slack would receive, with Gson's \\u003c-style escapes decoded, i.e. as Slack reads it. */
    private static String wire(Object blocksOrView) {
        String json = GSON.toJson(blocksOrView);
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonArray blocksJson(Message message) {
        return JsonParser.parseString(GSON.toJson(BlockKitRenderer.blocks(message))).getAsJsonArray();
    }

    private static JsonObject modalJson(Form form) {
        return JsonParser.parseString(GSON.toJson(BlockKitRenderer.modal(form))).getAsJsonObject();
    }

    private static String str(JsonObject o, String path) {
        JsonElement e = o;
        for (String key : path.split("\\.")) {
            e = e.getAsJsonObject().get(key);
            if (e == null) {
                return null;
            }
        }
        return e.getAsString();
    }

    @Nested
    class Escaping {

        @Test
        void plainTextIsEscaped() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(HOSTILE))).isEqualTo(HOSTILE_ESCAPED);
        }

        @Test
        void boldTextIsEscapedAndWrapped() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold(HOSTILE).build()))
                    .isEqualTo("*" + HOSTILE_ESCAPED + "*");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
                <!channel> => &lt;!channel&gt;
                <!here> => &lt;!here&gt;
                <!everyone> => &lt;!everyone&gt;
                <@U999> => &lt;@U999&gt;
                <!subteam^S1|@team> => &lt;!subteam^S1|@team&gt;
                Q&A => Q&amp;A
                &lt;!channel&gt; => &amp;lt;!channel&amp;gt;
                a < b > c => a &lt; b &gt; c
                """)
        void escapesEachDangerousForm(String typed, String rendered) {
            assertThat(BlockKitRenderer.escape(typed)).isEqualTo(rendered);
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(typed))).isEqualTo(rendered);
        }

        @Test
        void aLinkTokenTypedByHandIsEscapedAndItsSchemeCantLink() {
            assertThat(BlockKitRenderer.escape("<https://evil|click>")).isEqualTo("&lt;https://evil|click&gt;");
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain("<https://evil|click>")))
                    .isEqualTo("&lt;https\u2236//evil|click&gt;");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
                "> quoted" => "\u02C3 quoted"
                ">>> all the rest" => "\u02C3&gt;&gt; all the rest"
                "first\\n  > second" => "first\\n  \u02C3 second"
                "a > b" => "a &gt; b"
                "https://evil.example/x" => "https\u2236//evil\u2024example/x"
                "see HTTP://EVIL.EXAMPLE" => "see HTTP\u2236//EVIL\u2024EXAMPLE"
                "www.evil.example" => "www\u2024evil\u2024example"
                "mailto:bob@evil.example" => "mailto\u2236bob@evil\u2024example"
                "ftp://x.example" => "ftp\u2236//x\u2024example"
                "evil.com, or bob@corp.example." => "evil\u2024com, or bob@corp\u2024example."
                "at 17:30, 3.5 days. Then done" => "at 17:30, 3.5 days. Then done"
                "note: soon" => "note: soon"
                """)
        void quotesAndBareLinksPeopleTypeAreShownLiterally(String typed, String rendered) {
            String text = typed.replace("\\n", "\n");
            String expected = rendered.replace("\\n", "\n");
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(text))).isEqualTo(expected);
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold(text.strip()).build()))
                    .doesNotContain("://", "www.", "mailto:").doesNotStartWith("&gt;");
        }

        @Test
        void aQuoteMarkAfterWhatIsDroppedOrUnseenStillStartsTheLine() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain("by\n\u0085 \u200B> x"))).isEqualTo("by\n \u200B\u02C3 x");
        }

        @Test
        void aQuoteMarkIsOnlyReplacedWhereItWouldStartALine() {
            Markup m = Markup.builder().plain("Their note:\n").plain("> do it").bold(" > no").plain(" -> ok").build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("Their note:\n\u02C3 do it *\u02C3 no* -&gt; ok");
        }

        @Test
        void noRawAngleBracketFromPeoplesTextReachesSlack() {
            Message message = Message.builder(Markup.builder().plain(HOSTILE).bold(HOSTILE).build())
                    .text(Markup.builder().plain(HOSTILE).bold(HOSTILE).build())
                    .fields(List.of(new Field(HOSTILE, Markup.builder().plain(HOSTILE).bold(HOSTILE).build())))
                    .note(Markup.builder().plain(HOSTILE).bold(HOSTILE).build())
                    .build();

            String json = wire(BlockKitRenderer.blocks(message));
            assertThat(json).doesNotContain("<").contains("&lt;!channel&gt;").contains("&lt;@U999&gt;");
            assertThat(BlockKitRenderer.fallbackText(message)).doesNotContain("<").contains("&lt;!here&gt;");

            Form form = new Form("f", "Make a promise", "Promise", "ctx", List.of(
                    new Form.Intro("intro", Markup.builder().plain(HOSTILE).bold(HOSTILE).build())));
            assertThat(wire(BlockKitRenderer.modal(form))).doesNotContain("<").contains("&lt;!channel&gt;");
        }

        @Test
        void theWireCheckWouldSeeARawMention() {
            // guards the check above: Gson writes '<' as \u003c, and wire() must still find it
            Message withMention = Message.of(Markup.builder().person("U111").build());
            assertThat(GSON.toJson(BlockKitRenderer.blocks(withMention))).doesNotContain("<");
            assertThat(wire(BlockKitRenderer.blocks(withMention))).contains("<@U111>");
        }

        @Test
        void formattingMarksPeopleTypeAreShownLiterallyAsLookalikes() {
            // Slack has no escape for * _ ~ `: lookalikes it doesn't read as marks keep them literal.
            String typed = "*bold* _it_ ~gone~ `code` (*x*) a`b";
            String shown = "\u2217bold\u2217 \u02CDit\u02CD \u223Cgone\u223C \u02CBcode\u02CB (\u2217x\u2217) a\u02CBb";
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(typed))).isEqualTo(shown);
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold(typed).build())).isEqualTo("*" + shown + "*");
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(typed))).doesNotContain("*", "_", "~", "`");
        }

        @Test
        void aMarkInsideAWordCantFormatAndStaysInPlainTextButNotInBold() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain("America/New_York 5*3 a~b _x")))
                    .isEqualTo("America/New_York 5*3 a~b \u02CDx");
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold("New_York").build())).isEqualTo("*New\u02CDYork*");
        }

        @Test
        void controlCharactersAreDroppedButNewlinesAndTabsStay() {
            String typed = "a\u0000b\u0007c\u001Bd\u007Fe\u0085f\rg\nh\ti";
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain(typed))).isEqualTo("abcdefg\nh\ti");
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold(typed).build())).isEqualTo("*abcdefg\nh\ti*");
        }

        @Test
        void keptsOwnHintsAreCodeSpansBetweenBackticks() {
            Markup m = Markup.builder().plain("Try ").code("/promise list").plain(" or ").code("by friday 3pm").plain(".")
                    .build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("Try `/promise list` or `by friday 3pm`.");
            Markup decline = Markup.builder().plain("use ").bold("Can't take this on").plain(" or ")
                    .code("/promise decline K7Q2 <a short reason>").plain(".").build();
            assertThat(BlockKitRenderer.mrkdwn(decline))
                    .isEqualTo("use *Can't take this on* or `/promise decline K7Q2 &lt;a short reason&gt;`.");
        }

        @Test
        void aHintWrittenIntoPlainTextIsShownLiterallyNotAsFormatting() {
            // Only spans format: the words of a hint in plain text (as a person might type them) stay words.
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain("Try `/promise list` or *Can't take this on*.")))
                    .isEqualTo("Try \u02CB/promise list\u02CB or \u2217Can't take this on\u2217.");
        }

        @Test
        void aCodeSpanPeopleTypeIsNotKeptsHint() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.plain("`rm -rf` and `<!channel>`")))
                    .isEqualTo("\u02CBrm -rf\u02CB and \u02CB&lt;!channel&gt;\u02CB");
        }

        @Test
        void nothingInsideACodeSpanCanEndItMentionOrLink() {
            Markup m = Markup.builder().plain("Type ")
                    .code("*x* _y_ ~z~ <!channel> <@U333> a`b``c </code><script>alert(1)</script> &amp;\nline2\u0007 "
                            + "https://evil.example www.evil.example")
                    .plain(".").build();
            String shown = BlockKitRenderer.mrkdwn(m);
            assertThat(shown).isEqualTo("Type `*x* _y_ ~z~ &lt;!channel&gt; &lt;@U333&gt; a\u02CBb\u02CB\u02CBc "
                    + "&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; line2 "
                    + "https\u2236//evil\u2024example www\u2024evil\u2024example`.");
            // exactly one code span: the two backticks Kept wrote
            assertThat(shown.chars().filter(c -> c == '`')).hasSize(2);
            assertThat(shown).doesNotContain("<").doesNotContain(">").doesNotContain("\n");
        }

        @Test
        void aCodeSpanIsTrimmedWithItsSpacesKeptOutsideAndBlankCodeIsLeftOut() {
            Markup m = Markup.builder().plain("a").code("  list  ").plain("b").code(" \n ").code("").plain("c").build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("a `list` bc");
        }

        @Test
        void aLinkIsSlacksOwnWithItsAmpersandsAndLabelEscaped() {
            Markup m = Markup.builder().plain("Read ").link("https://kept.example/help?a=1&b=2", "the guide").plain(".")
                    .build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("Read <https://kept.example/help?a=1&amp;b=2|the guide>.");
        }

        @Test
        void aLinksLabelCanNeitherMentionNorFormatNorEndTheLink() {
            Markup m = Markup.builder()
                    .link("https://kept.example/", "<!channel> <@U333> *b* `c` |x> <https://evil.example|y>\nline2").build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("<https://kept.example/|&lt;!channel&gt; &lt;@U333&gt; "
                    + "\u2217b\u2217 \u02CBc\u02CB |x&gt; &lt;https\u2236//evil\u2024example|y&gt; line2>");
        }

        @Test
        void aJavascriptLinkCannotBeMade() {
            assertThatThrownBy(() -> Markup.builder().link("javascript:alert(1)", "click"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Markup.builder().link("https://kept.example/|<!channel>", "click"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aTooLongTextIsNeverCutInsideALink() {
            Markup m = Markup.builder().plain("x".repeat(2990)).link("https://kept.example/help", "the guide").build();
            String fitted = BlockKitRenderer.fit(BlockKitRenderer.mrkdwn(m), BlockKitRenderer.SECTION_TEXT_LIMIT);
            assertThat(fitted).isEqualTo("x".repeat(2990) + "…");
        }

        @Test
        void anAsteriskInsideBoldCannotEndItEarly() {
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold("5*3 deck").build())).isEqualTo("*5\u22173 deck*");
        }

        @Test
        void boldIsTrimmedWithItsSpacesKeptOutsideAndBlankBoldIsLeftOut() {
            // Slack bolds only *word* with no space inside the stars; the spaces around still separate words.
            Markup m = Markup.builder().plain("a").bold("  word  ").plain("b").bold("   ").bold("").plain("c").build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("a *word* bc");
            assertThat(BlockKitRenderer.mrkdwn(Markup.builder().bold("Their note: ").plain("soon").build()))
                    .isEqualTo("*Their note:* soon");
        }
    }

    @Nested
    class Messages {

        @Test
        void personRefBecomesAMentionBetweenEscapedText() {
            Markup m = Markup.builder().person("U111").plain(" promised you ").bold("the <deck>").plain(".").build();
            assertThat(BlockKitRenderer.mrkdwn(m)).isEqualTo("<@U111> promised you *the &lt;deck&gt;*.");
        }

        @Test
        void textBlocksAreMrkdwnSections() {
            JsonArray blocks = blocksJson(Message.of(Markup.builder().person("U111").plain(" & co").build()));
            assertThat(blocks).hasSize(1);
            JsonObject section = blocks.get(0).getAsJsonObject();
            assertThat(str(section, "type")).isEqualTo("section");
            assertThat(str(section, "text.type")).isEqualTo("mrkdwn");
            assertThat(str(section, "text.text")).isEqualTo("<@U111> &amp; co");
        }

        @Test
        void fieldsHaveABoldLabelAndAValue() {
            Message message = Message.builder(Markup.plain("s"))
                    .fields(List.of(new Field("Due", Markup.plain("Friday 27 Nov, 17:00")),
                            new Field("R&D", Markup.builder().person("U2").build())))
                    .build();
            JsonObject section = blocksJson(message).get(0).getAsJsonObject();
            assertThat(str(section, "type")).isEqualTo("section");
            JsonArray fields = section.getAsJsonArray("fields");
            assertThat(fields).hasSize(2);
            assertThat(str(fields.get(0).getAsJsonObject(), "type")).isEqualTo("mrkdwn");
            assertThat(str(fields.get(0).getAsJsonObject(), "text")).isEqualTo("*Due*\nFriday 27 Nov, 17:00");
            assertThat(str(fields.get(1).getAsJsonObject(), "text")).isEqualTo("*R&amp;D*\n<@U2>");
            assertThat(section.has("text")).isFalse();
        }

        @Test
        void notesAreContextBlocks() {
            Message message = Message.builder(Markup.plain("s")).note(Markup.plain("Times are in <your> zone")).build();
            JsonObject context = blocksJson(message).get(0).getAsJsonObject();
            assertThat(str(context, "type")).isEqualTo("context");
            JsonArray elements = context.getAsJsonArray("elements");
            assertThat(elements).hasSize(1);
            assertThat(str(elements.get(0).getAsJsonObject(), "type")).isEqualTo("mrkdwn");
            assertThat(str(elements.get(0).getAsJsonObject(), "text")).isEqualTo("Times are in &lt;your&gt; zone");
        }

        @Test
        void buttonsKeepActionIdsValuesAndStyles() {
            Message message = Message.builder(Markup.plain("s"))
                    .buttons(new Button("promise.acknowledge", "Sounds good", "K7Q2", Style.PRIMARY),
                            new Button("promise.suggest", "Suggest a change", "K7Q2", Style.DEFAULT),
                            new Button("promise.accept_due", "Accept", "K7Q2@1796403600", Style.DANGER))
                    .build();
            JsonObject actions = blocksJson(message).get(0).getAsJsonObject();
            assertThat(str(actions, "type")).isEqualTo("actions");
            JsonArray buttons = actions.getAsJsonArray("elements");
            assertThat(buttons).hasSize(3);

            JsonObject first = buttons.get(0).getAsJsonObject();
            assertThat(str(first, "type")).isEqualTo("button");
            assertThat(str(first, "action_id")).isEqualTo("promise.acknowledge");
            assertThat(str(first, "value")).isEqualTo("K7Q2");
            assertThat(str(first, "style")).isEqualTo("primary");
            assertThat(str(first, "text.type")).isEqualTo("plain_text");
            assertThat(str(first, "text.text")).isEqualTo("Sounds good");

            JsonObject second = buttons.get(1).getAsJsonObject();
            assertThat(str(second, "action_id")).isEqualTo("promise.suggest");
            assertThat(second.has("style")).as("default style is left out").isFalse();

            JsonObject third = buttons.get(2).getAsJsonObject();
            assertThat(str(third, "value")).isEqualTo("K7Q2@1796403600");
            assertThat(str(third, "style")).isEqualTo("danger");
        }

        @Test
        void blocksComeOutInOrder() {
            Message message = Message.builder(Markup.plain("summary"))
                    .text(Markup.plain("one"))
                    .fields(List.of(new Field("a", Markup.plain("b"))))
                    .note(Markup.plain("small"))
                    .buttons(new Button("x", "X", "v", Style.DEFAULT))
                    .text(Markup.plain("two"))
                    .build();
            JsonArray blocks = blocksJson(message);
            assertThat(blocks).hasSize(5);
            assertThat(blocks.asList()).extracting(b -> str(b.getAsJsonObject(), "type"))
                    .containsExactly("section", "section", "context", "actions", "section");
            assertThat(str(blocks.get(4).getAsJsonObject(), "text.text")).isEqualTo("two");
        }

        @Test
        void fallbackTextIsTheSummary() {
            Message message = Message.builder(Markup.builder().person("U1").plain(" & ").bold("x").build())
                    .text(Markup.plain("body")).build();
            assertThat(BlockKitRenderer.fallbackText(message)).isEqualTo("<@U1> &amp; *x*");
        }
    }

    @Nested
    class Modals {

        private final Instant due = Instant.parse("2026-11-27T17:00:00Z");

        private Form form() {
            return new Form("promise.new", "Make a promise", "Promise", "K7Q2", List.of(
                    new Form.Intro("intro", Markup.builder().plain("I couldn't find @bob <here>").build()),
                    new Form.PersonInput("receiver", "Who are you promising?", "U222"),
                    new Form.TextInput("what", "What will you do for them?", "the Q3 deck", "e.g. the Q3 deck",
                            true, false, 1000),
                    new Form.TextInput("matters", "What matters most?", "", "optional", false, true, 500),
                    new Form.DateTimeInput("due", "By when?", due)));
        }

        @Test
        void theModalCarriesCallbackIdPrivateMetadataAndTitles() {
            JsonObject view = modalJson(form());
            assertThat(str(view, "type")).isEqualTo("modal");
            assertThat(str(view, "callback_id")).isEqualTo("promise.new");
            assertThat(str(view, "private_metadata")).isEqualTo("K7Q2");
            assertThat(str(view, "title.type")).isEqualTo("plain_text");
            assertThat(str(view, "title.text")).isEqualTo("Make a promise");
            assertThat(str(view, "submit.text")).isEqualTo("Promise");
            assertThat(str(view, "close.text")).isEqualTo("Cancel");
            assertThat(view.getAsJsonArray("blocks")).hasSize(5);
        }

        @Test
        void theIntroIsAnEscapedSection() {
            JsonObject intro = modalJson(form()).getAsJsonArray("blocks").get(0).getAsJsonObject();
            assertThat(str(intro, "type")).isEqualTo("section");
            assertThat(str(intro, "block_id")).isEqualTo("intro");
            assertThat(str(intro, "text.type")).isEqualTo("mrkdwn");
            assertThat(str(intro, "text.text")).isEqualTo("I couldn't find @bob &lt;here&gt;");
        }

        @Test
        void aPersonInputIsAUsersSelectWithTheInitialUser() {
            JsonObject input = modalJson(form()).getAsJsonArray("blocks").get(1).getAsJsonObject();
            assertThat(str(input, "type")).isEqualTo("input");
            assertThat(str(input, "block_id")).isEqualTo("receiver");
            assertThat(str(input, "label.text")).isEqualTo("Who are you promising?");
            assertThat(str(input, "element.type")).isEqualTo("users_select");
            assertThat(str(input, "element.action_id")).isEqualTo("receiver");
            assertThat(str(input, "element.initial_user")).isEqualTo("U222");
        }

        @Test
        void aPersonInputWithoutInitialUserHasNone() {
            Form f = new Form("f", "t", "s", "", List.of(new Form.PersonInput("receiver", "Who?", null)));
            JsonObject element = modalJson(f).getAsJsonArray("blocks").get(0).getAsJsonObject()
                    .getAsJsonObject("element");
            assertThat(element.has("initial_user")).isFalse();
        }

        @Test
        void aRequiredMultilineTextInput() {
            JsonObject input = modalJson(form()).getAsJsonArray("blocks").get(2).getAsJsonObject();
            assertThat(str(input, "block_id")).isEqualTo("what");
            assertThat(input.get("optional").getAsBoolean()).isFalse();
            JsonObject element = input.getAsJsonObject("element");
            assertThat(str(element, "type")).isEqualTo("plain_text_input");
            assertThat(str(element, "action_id")).isEqualTo("what");
            assertThat(element.get("multiline").getAsBoolean()).isTrue();
            assertThat(element.get("max_length").getAsInt()).isEqualTo(1000);
            assertThat(str(element, "initial_value")).isEqualTo("the Q3 deck");
            assertThat(str(element, "placeholder.type")).isEqualTo("plain_text");
            assertThat(str(element, "placeholder.text")).isEqualTo("e.g. the Q3 deck");
        }

        @Test
        void anOptionalSingleLineTextInputWithoutInitialValue() {
            JsonObject input = modalJson(form()).getAsJsonArray("blocks").get(3).getAsJsonObject();
            assertThat(str(input, "block_id")).isEqualTo("matters");
            assertThat(input.get("optional").getAsBoolean()).isTrue();
            JsonObject element = input.getAsJsonObject("element");
            assertThat(element.has("multiline") && element.get("multiline").getAsBoolean()).isFalse();
            assertThat(element.get("max_length").getAsInt()).isEqualTo(500);
            assertThat(element.has("initial_value")).as("an empty initial value is left out").isFalse();
        }

        @Test
        void aTextInputWithoutPlaceholderOrInitialValue() {
            Form f = new Form("f", "t", "s", "", List.of(new Form.TextInput("note", "Note", null, null, false, true, 10)));
            JsonObject element = modalJson(f).getAsJsonArray("blocks").get(0).getAsJsonObject()
                    .getAsJsonObject("element");
            assertThat(element.has("placeholder")).isFalse();
            assertThat(element.has("initial_value")).isFalse();
        }

        @Test
        void aDateTimeInputIsADatetimepickerWithEpochSeconds() {
            JsonObject input = modalJson(form()).getAsJsonArray("blocks").get(4).getAsJsonObject();
            assertThat(str(input, "block_id")).isEqualTo("due");
            assertThat(str(input, "label.text")).isEqualTo("By when?");
            JsonObject element = input.getAsJsonObject("element");
            assertThat(str(element, "type")).isEqualTo("datetimepicker");
            assertThat(str(element, "action_id")).isEqualTo("due");
            assertThat(element.get("initial_date_time").getAsLong()).isEqualTo(due.getEpochSecond());
        }

        @Test
        void aDateTimeInputWithoutInitialValueHasNone() {
            Form f = new Form("f", "t", "s", "", List.of(new Form.DateTimeInput("due", "When?", null)));
            JsonObject element = modalJson(f).getAsJsonArray("blocks").get(0).getAsJsonObject()
                    .getAsJsonObject("element");
            assertThat(element.has("initial_date_time")).isFalse();
        }

        @Test
        void titlesAreCutTo24Characters() {
            String exactly24 = "abcdefghijklmnopqrstuvwx";
            String longer = "Suggest a change to this promise";
            View fits = BlockKitRenderer.modal(new Form("f", exactly24, exactly24, "", List.of()));
            assertThat(fits.getTitle().getText()).isEqualTo(exactly24);
            assertThat(fits.getSubmit().getText()).isEqualTo(exactly24);

            View cut = BlockKitRenderer.modal(new Form("f", longer, longer + "!", "", List.of()));
            assertThat(cut.getTitle().getText()).hasSize(24).isEqualTo("Suggest a change to thi\u2026");
            assertThat(cut.getSubmit().getText()).hasSize(24).startsWith("Suggest a change to thi");
        }
    }
}
