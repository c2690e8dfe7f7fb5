package dev.kept.slack;

import dev.kept.nudge.NudgeDispatcher;
import dev.kept.promise.ActionIds;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: after a promise cycle through Slack, {@code /actuator/prometheus} shows Kept's metrics (acks, what
 * people did and got, the work pool, API calls, nudges and their lateness), with low-cardinality tags only:
 * no user, workspace or promise id appears in it.
 */
@TestPropertySource(properties = "kept.nudges.working-hours.enabled=false")
class SlackMetricsTest extends SlackHttpTestSupport {

    @Autowired
    PromiseStore store;
    @Autowired
    NudgeDispatcher dispatcher;

    String scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The value of one series in a scrape (0 when it is not there yet). */
    static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    static final String[] SERIES = {
            "kept_ack_seconds_count{platform=\"slack\",status=\"2xx\"}",
            "kept_interactions_total{kind=\"command\",outcome=\"reply\",platform=\"slack\"}",
            "kept_interactions_total{kind=\"click\",outcome=\"reply\",platform=\"slack\"}",
            "kept_work_total{outcome=\"taken\",pool=\"slack\"}",
            "kept_api_calls_total{method=\"chat.postMessage\",platform=\"slack\",status=\"ok\"}",
            "kept_nudges_total{outcome=\"sent\"}",
            "kept_nudges_lateness_seconds_count"};

    @Test
    void aPromiseCycleShowsInTheMetricsWithoutAnyId() throws Exception {
        String before = scrape();
        slash("U111", "<@U222|bob> the Q3 deck by friday 3pm");
        awaitDm("U222", c -> c.mentions("promised you"));
        Promise p = store.open(WS.person("U111"), Side.MADE, 1).get(0);
        clock.set(Instant.parse("2026-11-26T16:00:00Z"));   // past the reminder, a working day before
        dispatcher.wake();
        awaitDm("U111", c -> c.mentions("Reminder"));
        click("U111", ActionIds.DELIVER, p.id().value());
        awaitDm("U222", c -> c.mentions("has delivered"));

        // The registry is the JVM's (other tests count in it too): each series must have grown by this cycle.
        String after = await().atMost(Duration.ofSeconds(10)).until(this::scrape, m -> java.util.Arrays.stream(SERIES)
                .allMatch(series -> value(m, series) > value(before, series)));

        assertThat(after).contains("kept_ack_seconds_bucket{platform=\"slack\",status=\"2xx\",le=")
                .contains("kept_nudges_lateness_seconds_bucket{le=");
        assertThat(after).as("no id of a person, workspace or promise")
                .doesNotContain("U111").doesNotContain("U222").doesNotContain(TEAM).doesNotContain(p.id().value());
    }
}
