package dev.kept.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Kept's metrics, in one place so their names and tags stay consistent (published at {@code /actuator/prometheus}).
 * Tags are few and bounded (a platform, a kind, an outcome, an API method, a status class), never a person's,
 * a workspace's or a promise's id. They go to Micrometer's global registry, which Spring Boot's registries join,
 * so code outside Spring (and unit tests) needs nothing injected.
 */
public final class KeptMetrics {

    private KeptMetrics() {
    }

    /** A platform's request answered (the ack), by status class: its latency. */
    public static void ack(String platform, int status, long nanos) {
        Timer.builder("kept.ack").description("Time from a platform's request to Kept's answer (the ack)")
                .tag("platform", platform).tag("status", statusClass(status)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(Metrics.globalRegistry).record(Duration.ofNanos(nanos));
    }

    /** Something someone did, taken for work after the ack or refused as busy. */
    public static void work(String pool, boolean taken) {
        Counter.builder("kept.work").description("Work handed over after the ack: taken, or refused (busy)")
                .tag("pool", pool).tag("outcome", taken ? "taken" : "busy").register(Metrics.globalRegistry).increment();
    }

    /** What the core answered someone who typed, wrote, clicked or submitted something. */
    public static void answered(String platform, String kind, String outcome) {
        Counter.builder("kept.interactions").description("Commands, messages, clicks and forms, by what they got")
                .tag("platform", platform).tag("kind", kind).tag("outcome", outcome)
                .register(Metrics.globalRegistry).increment();
    }

    /** A nudge's fate: sent, failed, held over the daily cap, dropped, rate limited, retried. */
    public static void nudge(String outcome) {
        Counter.builder("kept.nudges").description("Nudges by what became of them").tag("outcome", outcome)
                .register(Metrics.globalRegistry).increment();
    }

    /** How late a nudge went out, after the time it was due. */
    public static void nudgeLateness(Duration late) {
        Timer.builder("kept.nudges.lateness").description("How long after its due time a nudge was sent")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1)).register(Metrics.globalRegistry)
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    /** A call to a platform's API, by method and what came back ({@code ok}, {@code 429}, {@code 5xx}, …). */
    public static void apiCall(String platform, String method, String status) {
        Counter.builder("kept.api.calls").description("Calls to Slack's Web API and Teams' Bot Connector")
                .tag("platform", platform).tag("method", method).tag("status", status)
                .register(Metrics.globalRegistry).increment();
    }

    /** A wait a platform asked for ({@code Retry-After}). */
    public static void retryAfter(String platform, Duration wait) {
        DistributionSummary.builder("kept.api.retry.after.seconds").description("Waits platforms asked for")
                .tag("platform", platform).register(Metrics.globalRegistry).record(wait.toMillis() / 1000.0);
    }

    /** Redis could not be reached or answered with an error. */
    public static void storeFailure() {
        Counter.builder("kept.store.failures").description("Redis errors and timeouts")
                .register(Metrics.globalRegistry).increment();
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }
}
