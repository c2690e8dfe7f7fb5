package dev.kept.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Socket Mode: when SLACK_APP_TOKEN is set, Kept dials out to Slack; no public URL is needed. */
@Component
class SocketModeRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

    private final App app;
    private final SlackProperties properties;
    private volatile SocketModeApp socketModeApp;

    SocketModeRunner(App app, SlackProperties properties) {
        this.app = app;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.socketMode()) {
            log.info("Slack: HTTP mode. Slack's requests go to POST /slack/events and are signature-checked.");
            return;
        }
        try {
            socketModeApp = new SocketModeApp(properties.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
            socketModeApp.startAsync();
            log.info("Slack: connecting by Socket Mode (no public URL needed).");
        } catch (Exception e) {
            throw new IllegalStateException("Could not connect to Slack by Socket Mode: " + e.getMessage()
                    + ". Check SLACK_APP_TOKEN (xapp-…, with the connections:write scope).", e);
        }
    }

    @Override
    public void stop() {
        SocketModeApp running = socketModeApp;
        socketModeApp = null;
        if (running != null) {
            try {
                running.close();
                // SocketModeApp.close() leaves the client's worker threads running (SDK 1.51): close it too.
                if (running.getClient() != null) {
                    running.getClient().close();
                }
            } catch (Exception e) {
                log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return socketModeApp != null;
    }
}
