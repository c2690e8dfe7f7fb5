package dev.kept.slack;

import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A workspace that uninstalled Kept, or revoked its bot token, gets no more nudges at once: its queued
 * nudges are paused (kept, untouched, not sent) and the operator is told in the log how many wait. Slack
 * sends commands and clicks only to an installed app, so the next one from that workspace means Kept is
 * back (in single-token mode, with the new token the operator gave it), and its nudges resume.
 *
 * <p>Which workspaces are paused is read from the store at most once a minute per instance, so the check
 * on every command and click costs nothing; an instance that did not take the uninstall learns of it
 * within that minute, which only delays a resume, never a pause (the queue itself skips paused
 * workspaces). Deleting a workspace's data after a grace period belongs to the installation store
 * (issue 14).
 */
@Component
public class SlackUninstalls {

    private static final Logger log = LoggerFactory.getLogger(SlackUninstalls.class);
    static final Duration REREAD = Duration.ofMinutes(1);

    private final NudgeQueue queue;
    private final Clock clock;
    private volatile Set<String> paused = Set.of();
    private volatile Instant readAt = Instant.MIN;

    public SlackUninstalls(NudgeQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** Slack said Kept is gone from {@code teamId} ({@code why}: app_uninstalled, tokens_revoked). */
    public void gone(String teamId, String why) {
        Workspace workspace = SlackResponder.workspace(teamId);
        queue.pause(workspace, why + " at " + clock.instant());
        long waiting = queue.queued(workspace);
        Set<String> now = new HashSet<>(paused);
        now.add(workspace.key());
        paused = Set.copyOf(now);
        log.warn("Slack workspace {}: {}; its {} queued nudge(s) are paused until Kept is used there again",
                teamId, why, waiting);
    }

    /** A command or click came from {@code teamId}: Kept is installed there. */
    public void used(String teamId) {
        if (teamId == null || teamId.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REREAD) >= 0 || now.isBefore(readAt)) {
            Set<String> read = new HashSet<>();
            queue.paused().keySet().forEach(ws -> read.add(ws.key()));
            paused = Set.copyOf(read);
            readAt = now;
        }
        Workspace workspace = SlackResponder.workspace(teamId);
        if (paused.contains(workspace.key())) {
            Set<String> left = new HashSet<>(paused);
            left.remove(workspace.key());
            paused = Set.copyOf(left);
            if (queue.resume(workspace)) {
                log.info("Slack workspace {} uses Kept again; its nudges resume", teamId);
            }
        }
    }
}
