package dev.kept.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.chat.Form;
import dev.kept.chat.Outcome;
import dev.kept.promise.GrammarProbe;
import dev.kept.promise.Promise;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsTextTest {

    private static final String ALICE = "0b4c1d2e-aaaa-4bbb-8ccc-000000000001";
    private static final String BOB = "0b4c1d2e-aaaa-4bbb-8ccc-000000000002";
    private static final Map<String, String> BY_NAME = Map.of("alice", ALICE, "bob", BOB, "alice martin", ALICE);
    /** A directory lookup that ignores case, as the adapter's is. */
    private static final Function<String, Optional<String>> LOOKUP =
            name -> Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));

    private final TeamsText text = new TeamsText(LOOKUP);

    @Nested
    class Plain {

        @Test
        void paragraphsAndBreaksBecomeLines() {
            assertThat(text.plain("<p>first line<br>second<br/>third</p><p>next paragraph</p>"))
                    .isEqualTo("first line\nsecond\nthird\nnext paragraph");
            assertThat(text.plain("<div>a</div><div>b</div>")).isEqualTo("a\nb");
            assertThat(text.plain("<p>a</p>\r\n<p></p><p></p><p>b</p>")).isEqualTo("a\n\nb");
        }

        @Test
        void entitiesAreDecodedOnce() {
            assertThat(text.plain("Q3 &amp; Q4 &lt;draft&gt; &quot;final&quot; it&#39;s&nbsp;done &#x1F600; &#128512;"))
                    .isEqualTo("Q3 & Q4 <draft> \"final\" it's done 😀 😀");
            assertThat(text.plain("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
            assertThat(text.plain("&unknown; & alone &#0; &#xD800;")).isEqualTo("&unknown; & alone &#0; &#xD800;");
        }

        @Test
        void tagsGoButTextThatLooksLikeATagTypedByAPersonStays() {
            assertThat(text.plain("<p><strong>bold</strong> and <em>it</em> <a href=\"https://x.example\">link</a></p>"))
                    .isEqualTo("bold and it link");
            // Typed by a person, Teams escapes it: it comes out literally, not stripped.
            assertThat(text.plain("&lt;script&gt;alert(1)&lt;/script&gt;")).isEqualTo("<script>alert(1)</script>");
            assertThat(text.plain("1 < 2 and 3 > 2")).isEqualTo("1 < 2 and 3 > 2");
            assertThat(text.plain("a <!-- hidden --> b")).isEqualTo("a  b");
        }

        @Test
        void theBotsMentionGoesAndOtherMentionsAreNames() {
            assertThat(text.plain("<at>Kept</at> list")).isEqualTo("list");
            assertThat(text.plain("<p><at id=\"0\">kept</at>&nbsp;promise @alice the deck</p>"))
                    .isEqualTo("promise @alice the deck");
            assertThat(text.plain("thanks <at>Alice Martin</at>!")).isEqualTo("thanks @Alice Martin!");
            assertThat(new TeamsText(LOOKUP, "Promise Bot").plain("<at>Promise Bot</at> help")).isEqualTo("help");
            assertThat(new TeamsText(LOOKUP, "Promise Bot").plain("<at>Kept</at> help")).isEqualTo("@Kept help");
        }

        @Test
        void nothingIsEmpty() {
            assertThat(text.plain(null)).isEmpty();
            assertThat(text.plain("")).isEmpty();
            assertThat(text.plain("<p></p>")).isEmpty();
        }
    }

    @Nested
    class Command {

        @Test
        void theStructureGoesButEntitiesStayForThePartsToBeDecodedOnce() {
            String raw = "<p><at>Kept</at>&nbsp;promise @alice the deck &amp;lt;v2&amp;gt; &amp; notes by friday</p>";
            String command = text.command(raw);
            assertThat(command).isEqualTo("promise @alice the deck &amp;lt;v2&amp;gt; &amp; notes by friday");
            assertThat(text.plain(command)).isEqualTo(text.plain(raw))
                    .isEqualTo("promise @alice the deck &lt;v2&gt; & notes by friday");
        }

        @Test
        void aMentionBecomesAnAtName() {
            assertThat(text.command("<at>Kept</at> ask <at>Bob</at> for the figures")).isEqualTo("ask @Bob for the figures");
            assertThat(text.command(null)).isEmpty();
        }
    }

    @Nested
    class UserIds {

        @ParameterizedTest
        @CsvSource({"@alice," + ALICE, "@Alice," + ALICE, "@BOB," + BOB, "<at>Bob</at>," + BOB, " @bob ," + BOB})
        void aKnownNameIsAColleague(String token, String id) {
            assertThat(text.userIdOf(token)).contains(id);
        }

        @ParameterizedTest
        @ValueSource(strings = {"alice", "@", "@ ", "@nobody", "@Kept", "<at>Kept</at>", "@@", "", "<@U123>",
                "@alice,", "bob@alice"})
        void anythingElseIsNobody(String token) {
            assertThat(text.userIdOf(token)).isEmpty();
        }

        @Test
        void nullAndLookupsThatGiveNothingAreNobody() {
            assertThat(text.userIdOf(null)).isEmpty();
            assertThat(new TeamsText(name -> null).userIdOf("@alice")).isEmpty();
            assertThat(new TeamsText(name -> Optional.of(" ")).userIdOf("@alice")).isEmpty();
        }
    }

    /** Through the core's real grammar, as the adapter hands it a Teams message. */
    @Nested
    class ThroughTheCore {

        private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
        private final Map<String, String> people = Map.of(ALICE, "Alice Martin", BOB, "Bob Stone");

        private GrammarProbe.Result say(String raw) {
            return GrammarProbe.run(MONDAY, people, BOB, text, text.command(raw), true);
        }

        @Test
        void promiseToAKnownNameMakesThePromise() {
            GrammarProbe.Result r = say("promise @alice the deck by friday");
            assertThat(r.outcome()).isInstanceOf(Outcome.Reply.class);
            assertThat(r.promises()).hasSize(1);
            Promise p = r.promises().get(0);
            assertThat(p.providerId()).isEqualTo(BOB);
            assertThat(p.receiverId()).isEqualTo(ALICE);
            assertThat(p.what()).isEqualTo("the deck");
            assertThat(p.due()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        }

        @Test
        void aTeamsMessageWithHtmlAndTheBotsMentionReadsTheSame() {
            GrammarProbe.Result r = say("<p><at>Kept</at>&nbsp;promise @Alice the deck &amp; &lt;notes&gt; by friday</p>");
            assertThat(r.promises()).hasSize(1);
            Promise p = r.promises().get(0);
            assertThat(p.receiverId()).isEqualTo(ALICE);
            assertThat(p.what()).isEqualTo("the deck & <notes>");
        }

        @Test
        void askingAKnownNameMakesARequest() {
            GrammarProbe.Result r = say("ask @alice for the figures by friday");
            assertThat(r.promises()).hasSize(1);
            Promise p = r.promises().get(0);
            assertThat(p.providerId()).isEqualTo(ALICE);
            assertThat(p.receiverId()).isEqualTo(BOB);
            assertThat(p.what()).isEqualTo("the figures");
        }

        @Test
        void anUnknownNameOpensTheFormInsteadOfGuessing() {
            GrammarProbe.Result r = say("promise @zed the deck by friday");
            assertThat(r.promises()).isEmpty();
            assertThat(r.outcome()).isInstanceOf(Outcome.OpenForm.class);
            Form form = ((Outcome.OpenForm) r.outcome()).form();
            // The form the adapter then shows is a valid card.
            CardChecker.check(FormCards.form(form, java.time.ZoneOffset.UTC, Map.of(), Map.of()));
        }
    }
}
