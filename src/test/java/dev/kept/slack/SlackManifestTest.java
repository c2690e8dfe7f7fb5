package dev.kept.slack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code manifest.yml} declares what Kept answers: the shortcuts (callback ids of
 * {@code listeners.shortcuts.ShortcutListeners}) and the Workflow Builder steps (of
 * {@code listeners.functions.WorkflowSteps}) with the inputs those read, and the settings custom steps need.
 */
class SlackManifestTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> manifest() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("manifest.yml"), StandardCharsets.UTF_8)) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShortcutsAndStepsAreDeclaredAsKeptAnswersThem() throws Exception {
        Map<String, Object> m = manifest();
        List<Map<String, Object>> shortcuts = (List<Map<String, Object>>) ((Map<String, Object>) m.get("features")).get("shortcuts");
        assertThat(shortcuts).extracting(s -> s.get("callback_id") + ":" + s.get("type")).containsExactlyInAnyOrder(
                "promise.from_message:message", "request.from_message:message", "promise.new_global:global");
        shortcuts.forEach(s -> {
            assertThat(String.valueOf(s.get("name")).length()).as("Slack's limit for a shortcut's name").isLessThanOrEqualTo(24);
            assertThat(String.valueOf(s.get("description")).length()).isLessThanOrEqualTo(150);
        });

        Map<String, Map<String, Object>> functions = (Map<String, Map<String, Object>>) m.get("functions");
        assertThat(functions).containsOnlyKeys("make_promise", "ask_colleague");
        assertThat(((Map<String, Object>) functions.get("make_promise").get("input_parameters")).keySet())
                .containsExactlyInAnyOrder("provider_id", "receiver_id", "what", "due");
        assertThat(((Map<String, Object>) functions.get("ask_colleague").get("input_parameters")).keySet())
                .containsExactlyInAnyOrder("requester_id", "asked_id", "what", "due");
        functions.values().forEach(f -> assertThat(((Map<String, Object>) f.get("output_parameters")).keySet())
                .containsExactlyInAnyOrder("promise_id", "status"));

        Map<String, Object> settings = (Map<String, Object>) m.get("settings");
        assertThat(settings).containsEntry("org_deploy_enabled", true).containsEntry("function_runtime", "remote");
    }
}
