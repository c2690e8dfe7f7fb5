package dev.kept.teams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up that Teams is on, for which bot and tenant, and where the Bot Framework must post. */
@Component
class TeamsStartup {

    private static final Logger log = LoggerFactory.getLogger(TeamsStartup.class);

    private final TeamsSettings settings;

    TeamsStartup(TeamsSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Microsoft Teams: on for bot {} in tenant {}. The Azure Bot's messaging endpoint must be "
                + "https://<this host>/api/messages.", settings.appId(), settings.tenantId());
        if (settings.allowLoopbackHttp()) {
            log.warn("Microsoft Teams: TEAMS_ALLOW_LOOPBACK_HTTP is on, which is for the fake Bot Framework on this "
                    + "machine only. Turn it off in production.");
        }
    }
}
