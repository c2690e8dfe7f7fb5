package dev.kept.teams;

import dev.kept.chat.Message;
import dev.kept.promise.Promise;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: every card Kept renders for Teams is judged twice. First by Microsoft's own Adaptive Cards library (npm
 * {@code adaptivecards}, run by {@code src/test/node/judge-cards.js}), as a Teams client parses it: no unknown
 * element, property or value, and none of the library's validation warnings. Then against Microsoft's official
 * Adaptive Card 1.5 JSON schema, the version the cards declare ({@code src/test/node/schema/adaptive-card-1.5.json},
 * validated with ajv by {@code src/test/node/judge-schema.js}); the one allowance is Teams' {@code msteams} property
 * on the top-level card, itself checked against what Teams documents. Worst cases included: a 1,000-character
 * promise with emoji and right-to-left text, the new-promise form, and a card with a code hint and a link.
 */
class AdaptiveCardsParserTest {

    private static final Path JUDGE = Path.of("src/test/node");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCardKeptRendersIsParsedByMicrosoftsLibraryWithoutAProblem() throws Exception {
        requireNode();
        Map<String, ObjectNode> cards = keptCards();

        Result judged = judge(cards);

        System.out.println(judged.output());
        assertThat(judged.output()).contains(cards.size() + " cards parsed, 0 with problems");
        assertThat(judged.exit()).as(judged.output()).isZero();
    }

    /** The cards Kept can send: the core messages for a usual and a worst-case promise, and the new-promise form. */
    private static Map<String, ObjectNode> keptCards() {
        Map<String, ObjectNode> cards = new LinkedHashMap<>();
        Promise usual = AdaptiveCardsTest.promise("the Q3 deck", "the numbers first");
        Promise worst = AdaptiveCardsTest.promise(
                ("العرض التقديمي 🙂 מסמך & <b>" + "x".repeat(40)).repeat(20).substring(0, Promise.MAX_WHAT_LENGTH),
                "🙂".repeat(200));
        for (Map.Entry<String, Promise> p : Map.of("usual", usual, "worst", worst).entrySet()) {
            for (Map.Entry<String, Message> m : AdaptiveCardsTest.coreMessages(p.getValue()).entrySet()) {
                cards.put(p.getKey() + "." + m.getKey(), AdaptiveCards.card(m.getValue(), AdaptiveCardsTest.NAME_OF));
            }
        }
        // Kept's own spans: a code hint and a link, in a text and in a note.
        dev.kept.chat.Markup spans = dev.kept.chat.Markup.builder().plain("Try ").code("/promise list")
                .plain(" or read ").link("https://kept.example/help?a=1&b=2", "the guide").plain(".").build();
        cards.put("spans.code-and-link", AdaptiveCards.card(Message.builder(spans).text(spans).note(spans).build(),
                AdaptiveCardsTest.NAME_OF));
        AdaptiveCardsTest.Forms forms = new AdaptiveCardsTest().new Forms();
        cards.put("form.new-promise", FormCards.form(forms.newPromise(AdaptiveCardsTest.BOB,
                Instant.parse("2026-03-29T12:30:00Z")), AdaptiveCardsTest.PARIS, Map.of(), Map.of(), AdaptiveCardsTest.NAME_OF));
        return cards;
    }

    @Test
    void everyCardKeptRendersFitsTheAdaptiveCard15Schema() throws Exception {
        requireNode();
        Map<String, ObjectNode> cards = keptCards();
        assertThat(cards.values()).allSatisfy(card -> assertThat(card.path("version").asString()).isEqualTo("1.5"));

        Result judged = judgeSchema(cards);

        System.out.println(judged.output());
        assertThat(judged.output()).contains(cards.size() + " cards validated, 0 with problems");
        assertThat(judged.exit()).as(judged.output()).isZero();
    }

    @Test
    void theSchemaJudgeFindsWhatTheSchemaRefuses() throws Exception {
        requireNode();
        ObjectNode bad = (ObjectNode) JSON.readTree("""
                {"type": "AdaptiveCard", "version": "1.5", "msteams": {"width": "Full"}, "body": [
                  {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "x", "bold": true}]},
                  {"type": "Input.Text", "id": "what", "label": "What", "style": "multiline"}],
                 "actions": [{"type": "Action.ShowCard", "title": "More",
                   "card": {"type": "AdaptiveCard", "msteams": {"width": "Full"}, "body": []}}]}""");
        ObjectNode badTeams = (ObjectNode) JSON.readTree("""
                {"type": "AdaptiveCard", "version": "1.5", "msteams": {"width": "Wide"}, "body": [
                  {"type": "Input.ChoiceSet", "id": "who", "choices": [],
                   "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/groups"}}]}""");
        ObjectNode good = (ObjectNode) JSON.readTree("""
                {"type": "AdaptiveCard", "version": "1.5", "msteams": {"width": "Full"},
                 "body": [{"type": "TextBlock", "text": "hello", "wrap": true},
                  {"type": "Input.ChoiceSet", "id": "who", "choices": [],
                   "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}}]}""");

        Result judged = judgeSchema(Map.of("bad", bad, "badTeams", badTeams, "good", good));

        assertThat(judged.exit()).as(judged.output()).isEqualTo(1);
        assertThat(judged.output())
                .contains("/body/0/inlines/0 (TextRun) must NOT have additional properties: \"bold\"")
                .contains("/body/1/style (Input.Text) must be equal to one of the allowed values")
                .contains("/actions/0/card (AdaptiveCard) must NOT have additional properties: \"msteams\"")
                .contains("/msteams/width (Teams extension) must be equal to one of the allowed values: [\"Full\"]")
                .contains("/body/0/choices.data/dataset (Teams people picker) must be equal to one of the allowed values")
                .contains("3 cards validated, 2 with problems")
                .doesNotContain("good:");
    }

    @Test
    void theJudgeFindsWhatMicrosoftsParserRefuses() throws Exception {
        requireNode();
        ObjectNode bad = (ObjectNode) JSON.readTree("""
                {"type": "AdaptiveCard", "version": "1.5", "body": [
                  {"type": "Bogus"},
                  {"type": "Input.Text", "id": "what", "isRequired": true}]}""");

        Result judged = judge(Map.of("bad", bad));

        assertThat(judged.exit()).isEqualTo(1);
        assertThat(judged.output()).contains("UnknownElementType", "RequiredInputsShouldHaveErrorMessage");
    }

    static Result judge(Map<String, ObjectNode> cards) throws IOException, InterruptedException {
        return runJudge("judge-cards.js", cards);
    }

    static Result judgeSchema(Map<String, ObjectNode> cards) throws IOException, InterruptedException {
        return runJudge("judge-schema.js", cards);
    }

    /** Judges a Teams app manifest with {@code judge-teams-manifest.js} (Microsoft's manifest schema, v1.17). */
    static Result judgeManifest(String manifestJson) throws IOException, InterruptedException {
        Path file = Files.createTempFile("kept-manifest", ".json");
        Files.writeString(file, manifestJson, StandardCharsets.UTF_8);
        try {
            installJudge();
            return run(List.of("node", "judge-teams-manifest.js", file.toAbsolutePath().toString()), 120);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Result runJudge(String script, Map<String, ObjectNode> cards) throws IOException, InterruptedException {
        Path file = Files.createTempFile("kept-cards", ".json");
        Files.writeString(file, JSON.writeValueAsString(cards), StandardCharsets.UTF_8);
        try {
            installJudge();
            return run(List.of("node", script, file.toAbsolutePath().toString()), 120);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Installs package.json's dependencies unless every one of them is already in node_modules. */
    private static void installJudge() throws IOException, InterruptedException {
        if (Files.isDirectory(JUDGE.resolve("node_modules/adaptivecards"))
                && Files.isDirectory(JUDGE.resolve("node_modules/ajv"))
                && Files.isDirectory(JUDGE.resolve("node_modules/ajv-formats"))
                && Files.isDirectory(JUDGE.resolve("node_modules/ajv-draft-04"))) {
            return;
        }
        Result installed = run(List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"), 300);
        assertThat(installed.exit()).as("npm install in src/test/node: " + installed.output()).isZero();
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kept-node", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(JUDGE.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** A skipped judge would prove nothing: without Node.js the build says what to install. */
    static void requireNode() {
        assertThat(onPath("node") && onPath("npm"))
                .as("Node.js and npm are needed to run Microsoft's adaptivecards parser on Kept's cards "
                        + "(Debian: apt-get install nodejs npm)").isTrue();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
