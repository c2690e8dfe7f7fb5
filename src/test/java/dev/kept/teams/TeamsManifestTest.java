package dev.kept.teams;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Teams app package's manifest ({@code teams/manifest.json}, as {@code scripts/teams-package} fills it in) is
 * valid against Microsoft's Teams manifest schema v1.17, the version it declares, and it declares the message
 * extension commands Kept answers ({@link TeamsMessageActions}).
 */
class TeamsManifestTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The manifest with the app id filled in, as the packaging script does. */
    static String packaged() throws Exception {
        return Files.readString(Path.of("teams/manifest.json"), StandardCharsets.UTF_8)
                .replace("${TEAMS_APP_ID}", "00000000-0000-4000-8000-00000000abcd");
    }

    @Test
    void theManifestIsValidAgainstMicrosoftsSchema() throws Exception {
        AdaptiveCardsParserTest.requireNode();

        AdaptiveCardsParserTest.Result judged = AdaptiveCardsParserTest.judgeManifest(packaged());

        assertThat(judged.exit()).as(judged.output()).isZero();
        assertThat(judged.output()).contains("valid against the v1.17 schema");
    }

    @Test
    void theJudgeRefusesWhatTheSchemaRefuses() throws Exception {
        AdaptiveCardsParserTest.requireNode();

        AdaptiveCardsParserTest.Result judged = AdaptiveCardsParserTest.judgeManifest(
                packaged().replace("\"context\": [\"message\"]", "\"context\": [\"mesage\"]"));

        assertThat(judged.exit()).isEqualTo(1);
        assertThat(judged.output()).contains("/composeExtensions/0/commands/0/context/0");
    }

    @Test
    void itDeclaresTheMessageActionsKeptAnswers() throws Exception {
        JsonNode manifest = JSON.readTree(packaged());
        List<String> commands = new ArrayList<>();
        for (JsonNode c : manifest.path("composeExtensions").path(0).path("commands")) {
            assertThat(c.path("type").asString()).isEqualTo("action");
            assertThat(c.path("fetchTask").asBoolean()).isTrue();
            assertThat(c.path("context").toString()).isEqualTo("[\"message\"]");
            commands.add(c.path("id").asString());
        }
        assertThat(commands).containsExactly(TeamsMessageActions.MAKE_FROM_MESSAGE, TeamsMessageActions.ASK_FROM_MESSAGE);
        assertThat(manifest.path("composeExtensions").path(0).path("botId").asString())
                .isEqualTo(manifest.path("bots").path(0).path("botId").asString());
    }
}
