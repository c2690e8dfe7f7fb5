package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.chat.Directory;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackPlatformTextTest {

    private static final Workspace WS = new Workspace("slack", "T123");

    /** Knows U222 as "Bob Smith"; everyone else is unknown. Records who was looked up. */
    private final List<Person> lookedUp = new ArrayList<>();
    private final Directory directory = person -> {
        lookedUp.add(person);
        Map<String, String> names = Map.of("U222", "Bob Smith", "W123", "Wendy");
        return Optional.ofNullable(names.get(person.userId()))
                .map(name -> new Profile(person, name, ZoneOffset.UTC, false, true));
    };
    private final SlackPlatformText text = new SlackPlatformText(WS, directory);

    // ---------------------------------------------------------------- userIdOf

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            <@U222|bob> => U222
            <@U222> => U222
            <@W123> => W123
            <@W123|wendy.w> => W123
            "  <@U222>  " => U222
            <@U0ABC123|> => U0ABC123
            """)
    void aMentionIsAUserId(String token, String userId) {
        assertThat(text.userIdOf(token)).contains(userId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@bob", "&lt;@U222&gt;", "<#C1|general>", "<!here>", "<!subteam^S1|@team>",
            "<@u222>", "<@B123>", "<@U222>,", "x<@U222>", "<@U222><@U333>", "U222", "<@>", "", "<https://x.y|@bob>"})
    void anythingElseIsNot(String token) {
        assertThat(text.userIdOf(token)).isEmpty();
    }

    // ---------------------------------------------------------------- plain

    @Test
    void aMentionWithALabelUsesTheLabelWithoutAskingTheDirectory() {
        assertThat(text.plain("for <@U222|bob> by friday")).isEqualTo("for @bob by friday");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void aMentionWithoutALabelUsesTheDisplayName() {
        assertThat(text.plain("for <@U222> by friday")).isEqualTo("for @Bob Smith by friday");
        assertThat(lookedUp).containsExactly(WS.person("U222"));
    }

    @Test
    void aHandTypedMentionThatIsNoUserIdIsReadAsWordsWithoutAskingTheDirectory() {
        // found by CommandGrammarPropertiesTest: "<@>" made the lookup throw, and the person got "something went wrong"
        assertThat(text.plain("a <@> b <@a b?> c")).isEqualTo("a @ b @a b? c");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void aMentionOfSomeoneTheDirectoryDoesNotKnowFallsBackToTheId() {
        assertThat(text.plain("<@U404>")).isEqualTo("@U404");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            <#C1|general> => #general
            <#C1> => #C1
            <!here> => @here
            <!channel> => @channel
            <!everyone> => @everyone
            <!here|@here> => @here
            <!subteam^S1|@team> => @team
            <!subteam^S1|@design> => @design
            <!subteam^S1> => @team
            <!date^1392734382^{date}|Feb 18th, 2014> => Feb 18th, 2014
            <https://example.com/doc|the doc> => the doc (https://example.com/doc)
            <https://example.com/doc> => https://example.com/doc
            <https://example.com/doc|https://example.com/doc> => https://example.com/doc
            <https://x.example/?a=1&amp;b=2> => https://x.example/?a=1&b=2
            <mailto:bob@example.com|bob@example.com> => bob@example.com
            <mailto:bob@example.com> => bob@example.com
            <mailto:bob@example.com|Bob> => Bob
            """)
    void slackTokensBecomeWhatAPersonReads(String raw, String plain) {
        assertThat(text.plain(raw)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            &lt;!channel&gt; => <!channel>
            &lt;@U222&gt; => <@U222>
            Q&amp;A => Q&A
            a &lt; b &gt; c => a < b > c
            &amp;lt; => &lt;
            &amp;amp; => &amp;
            nothing special => nothing special
            """)
    void escapedCharactersBecomeThemselves(String raw, String plain) {
        assertThat(text.plain(raw)).isEqualTo(plain);
        assertThat(lookedUp).as("escaped text is never read as a mention").isEmpty();
    }

    @Test
    void aWholeCommandMixesEverything() {
        assertThat(text.plain("<@U222|bob> the Q&amp;A &lt;draft&gt; from <https://x.example|the doc> in <#C9|team> by friday"))
                .isEqualTo("@bob the Q&A <draft> from the doc (https://x.example) in #team by friday");
    }

    @Test
    void dollarsAndBackslashesInLabelsAreKeptLiterally() {
        assertThat(text.plain("<https://x.example|cost $1 \\o/>")).isEqualTo("cost $1 \\o/ (https://x.example)");
        assertThat(text.plain("<@U9|$0>")).isEqualTo("@$0");
    }
}
