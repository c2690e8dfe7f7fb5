package dev.kept.slack;

import dev.kept.chat.Directory;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Workspace;

/** Lets tests in other packages read command text exactly as Kept reads Slack's. */
public final class SlackTexts {

    private SlackTexts() {
    }

    public static PlatformText of(Workspace workspace, Directory directory) {
        return new SlackPlatformText(workspace, directory);
    }
}
