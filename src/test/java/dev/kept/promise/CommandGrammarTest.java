package dev.kept.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar alone: typed text in, a {@link Command} out, with nothing looked up. */
class CommandGrammarTest {

    // A Monday.
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    private final CommandGrammar grammar = new CommandGrammar(Set.of("stats"));
    private final PromiseInboundTest.MentionText text = new PromiseInboundTest.MentionText();
    private int timeAsked;
    private final Supplier<ZonedDateTime> now = () -> {
        timeAsked++;
        return NOW;
    };

    private Command parse(String typed) {
        return grammar.parse(typed, text, now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/promise", "promise", "/promise   "})
    void nothingAfterTheKeywordIsBlank(String typed) {
        assertThat(parse(typed)).isEqualTo(new Command.Blank());
        assertThat(grammar.parse(null, text, now)).isEqualTo(new Command.Blank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "?", "hi", "Hello", "/promise help", "promise HELP"})
    void helpWords(String typed) {
        assertThat(parse(typed)).isEqualTo(new Command.Help());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "ls", "/promise list", "LIST"})
    void listWords(String typed) {
        assertThat(parse(typed)).isEqualTo(new Command.ListPromises());
    }

    @ParameterizedTest
    @ValueSource(strings = {"done K7Q2", "deliver #k7q2", "delivered K7Q2", "/promise done K7Q2 extra words"})
    void doneTakesAnId(String typed) {
        assertThat(parse(typed)).isEqualTo(new Command.Done(new PromiseId("K7Q2")));
    }

    @Test
    void cancelAndDeclineKeepTheReasonAsAPersonReadsIt() {
        assertThat(parse("cancel K7Q2 <@U222> needs it sooner"))
                .isEqualTo(new Command.Cancel(new PromiseId("K7Q2"), "@U222 needs it sooner"));
        assertThat(parse("release K7Q2")).isEqualTo(new Command.Cancel(new PromiseId("K7Q2"), ""));
        assertThat(parse("decline K7Q2 too busy")).isEqualTo(new Command.Decline(new PromiseId("K7Q2"), "too busy"));
    }

    @Test
    void aMissingOrMalformedIdIsUnclearAndSaysWhichCommand() {
        assertThat(parse("done")).isInstanceOfSatisfying(Command.Unclear.class,
                u -> assertThat(u.problem().toPlainString()).contains("Which promise?").contains("/promise done K7Q2"));
        assertThat(parse("release")).isInstanceOfSatisfying(Command.Unclear.class,
                u -> assertThat(u.problem().toPlainString()).contains("/promise cancel K7Q2"));
        assertThat(parse("decline not-an-id!")).isInstanceOfSatisfying(Command.Unclear.class,
                u -> assertThat(u.problem().toPlainString()).contains("doesn't look like a promise id"));
    }

    @Test
    void aMentionThenWhatAndWhenIsAPromise() {
        Command c = parse("/promise <@U222> the Q3 deck by friday 3pm");
        Instant friday3pm = NOW.withDayOfMonth(6).withHour(15).toInstant();
        assertThat(c).isEqualTo(new Command.Make(Optional.of("U222"), Optional.empty(), Optional.empty(),
                new Command.When("the Q3 deck", Optional.of(friday3pm), "friday 3pm")));
        assertThat(timeAsked).isEqualTo(1);
    }

    @Test
    void aPromiseKeepsWhatIsMissing() {
        assertThat(parse("<@U222> the deck by someday")).isInstanceOfSatisfying(Command.Make.class, m -> {
            assertThat(m.receiver()).contains("U222");
            assertThat(m.when().what()).isEqualTo("the deck");
            assertThat(m.when().due()).isEmpty();
            assertThat(m.when().whenText()).isEqualTo("someday");
        });
        assertThat(parse("@bobb the deck by friday")).isInstanceOfSatisfying(Command.Make.class, m -> {
            assertThat(m.receiver()).isEmpty();
            assertThat(m.unknownName()).contains("@bobb");
            assertThat(m.when().what()).isEqualTo("the deck");
        });
        assertThat(parse("the deck by friday")).isInstanceOfSatisfying(Command.Make.class, m -> {
            assertThat(m.receiver()).isEmpty();
            assertThat(m.unknownName()).isEmpty();
            assertThat(m.when().what()).isEqualTo("the deck");
        });
    }

    @Test
    void onlyADifferentMentionRightAfterTheFirstIsASecondColleague() {
        assertThat(((Command.Make) parse("<@U222> <@U333>, the deck by friday")).alsoNamed()).contains("U333");
        assertThat(((Command.Make) parse("<@U222> <@U222> the deck by friday")).alsoNamed()).isEmpty();
        assertThat(((Command.Make) parse("<@U222> the deck for <@U333> by friday")).alsoNamed()).isEmpty();
    }

    @Test
    void askNamesTheColleagueAskedAndDropsFor() {
        Command c = parse("ask <@U222> for the Q3 figures by friday");
        assertThat(c).isInstanceOfSatisfying(Command.Ask.class, a -> {
            assertThat(a.asked()).contains("U222");
            assertThat(a.alsoNamed()).isEmpty();
            assertThat(a.when().what()).isEqualTo("the Q3 figures");
            assertThat(a.when().due()).isPresent();
        });
        assertThat(((Command.Ask) parse("request <@U222> to review the doc by friday")).when().what())
                .isEqualTo("to review the doc");
    }

    @Test
    void askWithoutAMentionReadsNoDate() {
        assertThat(parse("ask")).isEqualTo(new Command.Ask(Optional.empty(), Optional.empty(), true, Command.When.NONE));
        assertThat(parse("ask bob for it by friday"))
                .isEqualTo(new Command.Ask(Optional.empty(), Optional.empty(), false, Command.When.NONE));
        assertThat(timeAsked).isZero();
    }

    @Test
    void otherFeaturesVerbsGetTheRestOfTheLine() {
        assertThat(parse("/promise Stats  last month ")).isEqualTo(new Command.Other("stats", "last month"));
        assertThat(timeAsked).isZero();
    }

    @Test
    void whatLooksLikeACommandInADm() {
        assertThat(grammar.looksLikeCommand("list")).isTrue();
        assertThat(grammar.looksLikeCommand("done K7Q2")).isTrue();
        assertThat(grammar.looksLikeCommand("stats")).isTrue();
        assertThat(grammar.looksLikeCommand("promise <@U222> the deck by friday")).isTrue();
        assertThat(grammar.looksLikeCommand("ask <@U222> for the deck")).isTrue();
        assertThat(grammar.looksLikeCommand("done by a designer, please")).isFalse();
        assertThat(grammar.looksLikeCommand("thanks, that helps")).isFalse();
    }
}
