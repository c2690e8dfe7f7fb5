package dev.kept.promise;

import dev.kept.testing.core.FakeDirectory;
import dev.kept.testing.core.InMemoryPromiseStore;
import dev.kept.testing.core.NoPendingQuestions;
import dev.kept.testing.core.RecordingMessenger;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Workspace;
import dev.kept.slack.BlockKitRenderer;
import dev.kept.slack.SlackTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the command grammar over generated, often hostile, text: Slack mentions of real, unknown,
 * self, bot and deactivated people, broadcasts, links, control characters, emoji, Slack formatting marks,
 * very long input, and random words mixed with the grammar's keywords. Each property runs 10,000 tries
 * through a real {@link PromiseInbound} and {@link PromiseService} on in-memory doubles, reading the text with
 * Slack's real {@code SlackPlatformText} and rendering every answer and every DM with {@link BlockKitRenderer}.
 */
class CommandGrammarPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Workspace WS = new Workspace("test", "T1");
    private static final String ALICE = "UALICE";
    /** The colleagues a promise may be made to. */
    private static final Set<String> VALID_RECEIVERS = Set.of("UBOB", "UCAROL");
    private static final Set<String> KNOWN = Set.of("UALICE", "UBOB", "UCAROL", "UBOT", "UGONE");

    /** Mentions, broadcasts and links as they would reach Slack: outside an escape, they ping or link. */
    private static final Pattern ACTIVE = Pattern.compile("<(?:!|#|https?:|mailto:)");
    /** What Slack links by itself, with no {@code <…>} around it: a URL, {@code www.…}, a mail address, a host name. */
    private static final Pattern BARE_LINK = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|www\\.|mailto:|evil\\.example|b\\.c\\b");
    /** A {@code >} that starts a line of mrkdwn (in the fallback text, or in a JSON string): a block quote. */
    private static final Pattern QUOTE = Pattern.compile("(?:^|\n|\\\\n|\"text\":\")[\\s\\p{Cf}\\p{Cc}]*(?:&gt;|>)");
    private static final Pattern MENTION = Pattern.compile("<@([^>|]*)");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    /** One try's world: Alice, Bob and Carol (Berlin, UTC, Tokyo), a bot and a deactivated account. */
    private static final class World {
        final InMemoryPromiseStore store = new InMemoryPromiseStore();
        final FakeDirectory directory = new FakeDirectory(WS);
        final RecordingMessenger messenger = new RecordingMessenger();
        final PromiseService service = PromiseServiceBuilder.with(store, directory, messenger, Clock.fixed(NOW, ZoneOffset.UTC)).build();
        final PromiseInbound inbound = new PromiseInbound(service);
        final PlatformText text;

        World() {
            directory.add(ALICE, "alice", ZoneId.of("Europe/Berlin"), false, true);
            directory.add("UBOB", "bob", ZoneOffset.UTC, false, true);
            directory.add("UCAROL", "carol", ZoneId.of("Asia/Tokyo"), false, true);
            directory.add("UBOT", "reminder-bot", ZoneOffset.UTC, true, true);
            directory.add("UGONE", "gone", ZoneOffset.UTC, false, false);
            text = SlackTexts.of(WS, directory);
        }

        Invocation slash() {
            return new Invocation(WS.person(ALICE), text, true);
        }

        Invocation dm() {
            return new Invocation(WS.person(ALICE), text, false);
        }
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 10000)
    void aSlashCommandAlwaysGetsAnAnswerAndStoresOnlyValidPromises(@ForAll("commands") String typed) {
        World w = new World();
        Outcome outcome = w.inbound.command(w.slash(), typed);

        assertAnswered(outcome);
        assertStoredPromisesAreValid(w);
        assertNothingActive(outcome, w, typed);
        Statistics.label("stored").collect(!w.store.promises.isEmpty());
        // The generator must also reach the happy path, not only refusals.
        Statistics.label("stored").coverage(c -> c.check(true).percentage(pct -> pct >= 5.0));
    }

    @Property(tries = 10000)
    void aDirectMessageAlwaysGetsAnAnswerAndStoresOnlyValidPromises(@ForAll("commands") String typed) {
        World w = new World();
        DirectMessages dms = new DirectMessages(w.inbound, new NoPendingQuestions(), List.of(), Duration.ofHours(24));
        Outcome outcome = dms.receive(w.dm(), typed);

        assertAnswered(outcome);
        assertThat(outcome).as("a DM can't open a form").isNotInstanceOf(Outcome.OpenForm.class);
        assertStoredPromisesAreValid(w);
        assertNothingActive(outcome, w, typed);
    }

    @Property(tries = 10000)
    void aDirectMessageAnsweringKeptsQuestionIsEchoedInert(@ForAll("commands") String typed) {
        World w = new World();
        // What a feature does with a DM answer: stores it and confirms it back, quoting the person's words.
        DirectMessages.Answers echo = new DirectMessages.Answers() {
            @Override
            public Set<String> kinds() {
                return Set.of("matters");
            }

            @Override
            public Outcome answer(Person person, String context, String text) {
                return Outcome.reply(Message.of(Markup.builder().plain("Noted what matters about ").bold(context)
                        .plain(": ").plain(text).build()));
            }
        };
        PendingQuestions asked = new NoPendingQuestions() {
            @Override
            public Optional<Question> take(Person person) {
                return Optional.of(new Question("matters", "K7Q2"));
            }
        };
        Outcome outcome = new DirectMessages(w.inbound, asked, List.of(echo), Duration.ofHours(24)).receive(w.dm(), typed);

        assertAnswered(outcome);
        assertStoredPromisesAreValid(w);
        assertNothingActive(outcome, w, typed);
    }

    @Property(tries = 10000)
    void aRequestAlwaysGetsAnAnswerAndStoresOnlyValidRequests(@ForAll("requestBodies") String rest,
                                                             @ForAll("mentions") String asked) {
        World w = new World();
        String typed = "ask " + asked + " " + rest;
        Outcome outcome = w.inbound.command(w.slash(), typed);

        assertAnswered(outcome);
        assertStoredPromisesAreValid(w);
        assertNothingActive(outcome, w, typed);
        Statistics.label("stored").collect(!w.store.promises.isEmpty());
        Statistics.label("stored").coverage(c -> c.check(true).percentage(pct -> pct >= 5.0));
    }

    // ---------------------------------------------------------------- checks

    private static void assertAnswered(Outcome outcome) {
        assertThat(outcome).isNotNull();
        Message message;
        if (outcome instanceof Outcome.Reply r) {
            message = r.message();
        } else if (outcome instanceof Outcome.ReplaceOriginal r) {
            message = r.message();
        } else {
            Outcome.OpenForm f = (Outcome.OpenForm) outcome;
            assertThat(f.form().inputs()).isNotEmpty();
            message = f.fallback();
        }
        assertThat(BlockKitRenderer.fallbackText(message)).isNotBlank();
        assertThat(BlockKitRenderer.blocks(message)).isNotEmpty();
        // Guard turns an unexpected exception into this answer: seeing it means the input broke something.
        assertThat(message.summary().toPlainString()).doesNotContain("Something went wrong");
    }

    /** Alice is a party to every stored promise or request, the other party is a real active colleague. */
    private static void assertStoredPromisesAreValid(World w) {
        assertThat(w.store.promises.size()).isLessThanOrEqualTo(1);
        for (Promise p : w.store.promises.values()) {
            String other = p.providerId().equals(ALICE) ? p.receiverId() : p.providerId();
            assertThat(Set.of(p.providerId(), p.receiverId())).contains(ALICE);
            assertThat(VALID_RECEIVERS).contains(other);
            assertThat(p.due()).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(Duration.ofDays(2 * 366)));
            assertThat(p.what()).isNotBlank();
            assertThat(p.what().length()).isLessThanOrEqualTo(Promise.MAX_WHAT_LENGTH);
        }
        if (w.store.promises.isEmpty()) {
            assertThat(w.messenger.sent).as("no DM about a promise that wasn't made").isEmpty();
        }
    }

    /**
     * What Kept shows, to the person who typed and to anyone it DMs, rendered as Slack receives it: no
     * broadcast, channel link or URL link outside an escape, and a mention only of someone Kept itself
     * names (the people in the directory, or the colleague the person addressed).
     */
    private static void assertNothingActive(Outcome outcome, World w, String typed) {
        List<String> rendered = new ArrayList<>();
        if (outcome instanceof Outcome.Reply r) {
            rendered.add(wire(r.message()));
        } else if (outcome instanceof Outcome.ReplaceOriginal r) {
            rendered.add(wire(r.message()));
        } else if (outcome instanceof Outcome.OpenForm f) {
            rendered.add(wire(f.fallback()));
            rendered.add(formWire(f.form()));
        }
        w.messenger.sent.forEach(s -> rendered.add(wire(s.message())));

        Set<String> allowed = new HashSet<>(KNOWN);
        for (String token : typed.strip().split("\\s+", 4)) {
            w.text.userIdOf(token).ifPresent(allowed::add);
        }
        for (String json : rendered) {
            assertThat(ACTIVE.matcher(json).find()).as("active broadcast or link in %s", json).isFalse();
            assertThat(BARE_LINK.matcher(json).find()).as("bare link Slack would link in %s", json).isFalse();
            assertThat(QUOTE.matcher(json).find()).as("block quote in %s", json).isFalse();
            Matcher m = MENTION.matcher(json);
            while (m.find()) {
                assertThat(allowed).as("mention in %s", json).contains(m.group(1));
            }
            assertThat(CONTROL.matcher(json).find()).as("control character in %s", json).isFalse();
        }
    }

    /** The fallback text and the blocks' JSON as Slack reads it (Gson's \\u003c-style escapes decoded). */
    private static String wire(Message message) {
        return BlockKitRenderer.fallbackText(message) + "\n" + decoded(GSON.toJson(BlockKitRenderer.blocks(message)));
    }

    private static final com.google.gson.Gson GSON = GsonFactory.createSnakeCase();
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private static String decoded(String json) {
        Matcher m = UNICODE_ESCAPE.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    /** The modal's mrkdwn (intro), which Slack formats; its text inputs hold plain text, which Slack never formats. */
    private static String formWire(Form form) {
        StringBuilder out = new StringBuilder();
        for (Form.Input in : form.inputs()) {
            if (in instanceof Form.Intro intro) {
                out.append(BlockKitRenderer.mrkdwn(intro.text())).append('\n');
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> mentions() {
        return Arbitraries.of("<@UBOB>", "<@UBOB|bob>", "<@UCAROL|carol>", "<@UALICE>", "<@UBOT>", "<@UGONE>",
                "<@U333>", "<@W123|someone>", "@bob", "bob", "<!channel>", "<@>", "<@UBOB");
    }

    @Provide
    Arbitrary<String> commands() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "promise ", "/promise ", "ask ", "done ", "cancel ",
                "decline ", "list", "help ", " ");
        Arbitrary<String> veryLong = Combinators.combine(mentions(), Arbitraries.strings().ofMinLength(900).ofMaxLength(5000)
                .withChars("ab *_~`<>&|@!\n\u200D😀by "), keywords())
                .as((m, body, when) -> m + " " + body + " by " + when);
        Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.of("", "promise ", "/promise "), mentions(), words(),
                whens()).as((p, m, what, when) -> p + m + " " + what + " by " + when);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Combinators.combine(prefix, words()).as(String::concat)),
                net.jqwik.api.Tuple.of(8, wellFormed),
                net.jqwik.api.Tuple.of(1, veryLong),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\u0000", "\n\n", "<", ">", "&", "promise", "ask")));
    }

    /** What follows {@code ask @someone}: anything, or a well-formed "for what by when". */
    @Provide
    Arbitrary<String> requestBodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, commands()),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("", "for ", "to "), words(), whens())
                        .as((f, what, when) -> f + what + " by " + when)));
    }

    /** Up to 14 tokens (keywords, mentions, hostile text, random words and characters) with varied spacing. */
    static Arbitrary<String> words() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, keywords()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("<@UBOB>", "<@U333>", "<@UALICE|alice>", "<@>")),
                net.jqwik.api.Tuple.of(3, hostile()),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u009F').ofMinLength(1).ofMaxLength(4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-5, 3000).map(String::valueOf)));
        return token.list().ofMinSize(0).ofMaxSize(14)
                .flatMap(ts -> Arbitraries.of(" ", "  ", "\t", "\n", " ", " ").list().ofSize(Math.max(ts.size(), 1))
                        .map(seps -> join(ts, seps)));
    }

    static Arbitrary<String> whens() {
        return Arbitraries.of("friday", "friday 3pm", "tomorrow", "tomorrow at 10am", "in 3 days", "in 2 hours", "dec 1",
                "next tuesday", "eow", "2026-12-01T15:00+01:00", "2027-06-01", "noon", "in 20 seconds", "today",
                "2020-01-01", "2099-01-01", "in 9999 days", "feb 30", "12/01");
    }

    private static String join(List<String> tokens, List<String> separators) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                out.append(separators.get(i));
            }
            out.append(tokens.get(i));
        }
        return out.toString();
    }

    static Arbitrary<String> keywords() {
        return Arbitraries.of("by", "by", "in", "tomorrow", "friday", "3pm", "next", "week", "monday", "eod", "eow",
                "end of day", "dec 1", "1 dec", "2026-12-01", "2026-12-01T15:00", "2026-12-01T15:00+01:00", "2020-01-01",
                "2099-01-01", "in 3 days", "in 2 hours", "in 20 seconds", "in 9999 days", "at", "on", "noon",
                "midnight", "today", "tonight", "the", "Q3", "deck", "for", "to", "K7Q2", "12/01", "feb 30",
                "15:00", "3:30pm", "a", "week", "hours", "days", "tmrw", "next friday");
    }

    static Arbitrary<String> hostile() {
        return Arbitraries.of("<!channel>", "<!here>", "<!everyone>", "<!subteam^S1|@team>", "<#C1|general>",
                "<https://evil.example|click>", "<http://evil.example>", "<mailto:a@b.c|mail>", "&lt;!channel&gt;",
                "&amp;", "*bold*", "_it_", "~gone~", "`code`", "```block```", "\u0000", "\u0007", "\u001B[31m",
                "\u007F", "\u0085", "\r", "\u202Ehidden", "\u200B", "😀", "👩‍💻", "🇩🇪", "\uD83D", "<", ">", "&",
                "|", "<@U333|eve>", "<!date^1392734382^{date}|Feb 18>", ">quote", "• item", "<<@UBOB>>",
                "&gt;quote", "\n&gt; quote", "\n>>> rest", "https://evil.example/x", "www.evil.example",
                "bob@evil.example", "mailto:bob@evil.example", "<http://www.evil.example|www.evil.example>");
    }
}
