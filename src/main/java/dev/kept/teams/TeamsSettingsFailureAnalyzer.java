package dev.kept.teams;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns half-given Teams settings into a short, exact message at start-up instead of a stack trace. */
class TeamsSettingsFailureAnalyzer extends AbstractFailureAnalyzer<TeamsConfiguration.TeamsSettingsMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TeamsConfiguration.TeamsSettingsMissingException cause) {
        String description = "Kept can't connect to Microsoft Teams:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Set the environment variables above and start Kept again. README.md (\"Connect to Microsoft "
                + "Teams\") shows how to register the bot and where each value is.";
        return new FailureAnalysis(description, action, cause);
    }
}
