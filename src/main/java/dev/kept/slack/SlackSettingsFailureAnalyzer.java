package dev.kept.slack;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing Slack settings into a short, exact message at start-up instead of a stack trace. */
class SlackSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SlackSettingsMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SlackSettingsMissingException cause) {
        String description = "Kept can't connect to Slack:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Set the environment variables above and start Kept again. README.md (\"Connect to Slack\") "
                + "shows how to create the Slack app from manifest.yml and where each value is.";
        return new FailureAnalysis(description, action, cause);
    }
}
