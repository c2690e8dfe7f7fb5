package dev.kept;

import dev.kept.playground.PlaygroundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * The one source of time. Tests bring their own clock. When Kept runs as the playground alone, the
 * clock is one the playground can move forward (to see tomorrow's nudges now); whenever Slack is
 * configured, time is real.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock(Environment env) {
        return KeptMode.playgroundOnly(env) ? new PlaygroundClock(Clock.systemUTC()) : Clock.systemUTC();
    }
}
