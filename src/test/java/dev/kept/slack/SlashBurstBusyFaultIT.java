package dev.kept.slack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same burst as {@link SlashBurstFaultIT}, with Kept's work pool made tiny (2 threads, 16
 * waiting) so that it fills up: the commands it can't take are refused politely in the ack
 * itself, still with 200 within 3 s, and the ones it took are all answered.
 */
@Tag("faults")
@TestPropertySource(properties = {"kept.slack.workers=2", "kept.slack.queue=16"})
class SlashBurstBusyFaultIT extends SlashBurstFaultIT {

    /** The whole burst test of the superclass, then a closer look at the refusals. */
    @Test
    @Override
    void aThousandConcurrentCommandsAreEachAckedInTimeAndTheTakenOnesAnswered() throws Exception {
        super.aThousandConcurrentCommandsAreEachAckedInTimeAndTheTakenOnesAnswered();
        long busyAcks = lastAcks.stream().filter(Ack::busy).count();
        assertThat(busyAcks).as("commands refused politely").isPositive();
        assertThat(lastAcks).filteredOn(Ack::busy)
                .allSatisfy(a -> assertThat(a.body()).contains("Please try again in a moment"));
    }
}
