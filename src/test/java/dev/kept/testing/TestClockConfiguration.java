package dev.kept.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/**
 * The one Spring test configuration that puts a {@link MutableClock} in place of Kept's clock, so a test
 * moves time by hand. Every Kept started whole for a test (Slack, Teams, by {@code @SpringBootTest} or a
 * {@code SpringApplicationBuilder}) adds this class.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** Monday 23 November 2026, 09:00 UTC: where the clock starts. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(MONDAY_MORNING);
    }
}
