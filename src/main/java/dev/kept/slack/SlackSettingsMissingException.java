package dev.kept.slack;

import java.util.List;

/** Kept cannot start: Slack settings are missing or malformed. Each problem says what to set. */
public class SlackSettingsMissingException extends RuntimeException {

    private final List<String> problems;

    public SlackSettingsMissingException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    static void check(SlackProperties p) {
        List<String> problems = new java.util.ArrayList<>();
        if (blank(p.botToken())) {
            problems.add("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from your Slack app's "
                    + "\"OAuth & Permissions\" page.");
        } else if (!p.botToken().startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN should start with xoxb- (the Bot User OAuth Token, not a user or app token).");
        }
        if (p.socketMode()) {
            if (!p.appToken().startsWith("xapp-")) {
                problems.add("SLACK_APP_TOKEN should start with xapp- (an app-level token with the connections:write scope).");
            }
        } else if (blank(p.signingSecret())) {
            problems.add("Neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set: set SLACK_APP_TOKEN (xapp-…, from "
                    + "\"Basic Information\" > \"App-Level Tokens\") to connect by Socket Mode, or SLACK_SIGNING_SECRET "
                    + "(from \"Basic Information\" > \"App Credentials\") to receive Slack's requests at POST /slack/events.");
        }
        if (!problems.isEmpty()) {
            throw new SlackSettingsMissingException(problems);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
