package dev.kept.playground;

import dev.kept.KeptMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Without Slack, Kept is a playground on this machine: it listens on 127.0.0.1 only, unless
 * {@code SERVER_ADDRESS} or {@code KEPT_PLAYGROUND_ADDRESS} says otherwise, and says at start where
 * to open it.
 */
@Component
class PlaygroundStartup implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>,
        ApplicationListener<WebServerInitializedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundStartup.class);

    private final Environment env;

    PlaygroundStartup(Environment env) {
        this.env = env;
    }

    private boolean addressGiven() {
        String server = env.getProperty("server.address");
        return server != null && !server.isBlank();
    }

    private String address() {
        if (addressGiven()) {
            return env.getProperty("server.address");
        }
        return env.getProperty("kept.playground.address", "127.0.0.1");
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (KeptMode.playgroundOnly(env) && !addressGiven()) {
            try {
                factory.setAddress(InetAddress.getByName(address()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("KEPT_PLAYGROUND_ADDRESS is not an address of this machine: " + address(), e);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (KeptMode.playgroundOnly(env)) {
            String where = address();
            boolean local = where.equals("127.0.0.1") || where.equals("localhost") || where.equals("::1");
            log.info("""

                    ==========================================================================
                      Kept is running as a local playground (no Slack or Teams settings were given).
                      Open http://localhost:{}/ in your browser.
                      {}
                    ==========================================================================""",
                    port, local ? "It listens on localhost only: nobody else can reach it."
                            : "It listens on " + where + ": other machines may reach it (there is no login).");
        } else {
            log.info("The Kept playground is on beside Slack or Teams: http://localhost:{}/playground "
                    + "(its clock is real time: it cannot be moved while a real platform is connected).", port);
        }
    }
}
