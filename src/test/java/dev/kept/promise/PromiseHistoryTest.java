package dev.kept.promise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.promise.HistoryEntry.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The questions the promise rules ask about a promise's past, answered from its entries alone. */
class PromiseHistoryTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static HistoryEntry at(int minute, Event event, String detail) {
        return new HistoryEntry(T.plusSeconds(60L * minute), "U1", event, detail);
    }

    @Test
    void anAcknowledgementCountsUntilTheDateMoves() {
        assertThat(new PromiseHistory(List.of(at(0, Event.CREATED, ""))).acknowledgedSinceLastDate()).isFalse();
        assertThat(new PromiseHistory(List.of(at(0, Event.CREATED, ""), at(1, Event.ACKNOWLEDGED, ""),
                at(2, Event.CHANGE_SUGGESTED, ""))).acknowledgedSinceLastDate()).isTrue();
        assertThat(new PromiseHistory(List.of(at(0, Event.CREATED, ""), at(1, Event.ACKNOWLEDGED, ""),
                at(2, Event.DUE_CHANGED, ""))).acknowledgedSinceLastDate()).isFalse();
        assertThat(new PromiseHistory(List.of()).acknowledgedSinceLastDate()).isFalse();
    }

    @Test
    void deliveredAtIsTheLastDelivery() {
        assertThat(new PromiseHistory(List.of(at(0, Event.CREATED, ""))).deliveredAt()).isEmpty();
        assertThat(new PromiseHistory(List.of(at(0, Event.CREATED, ""), at(3, Event.DELIVERED, "on time"),
                at(4, Event.RATED, "5"))).deliveredAt()).contains(T.plusSeconds(180));
    }

    @Test
    void theLatestProposalIsTheLastDateProposed() {
        Instant first = T.plusSeconds(86_400);
        Instant second = T.plusSeconds(2 * 86_400);
        HistoryEntry structured = new HistoryEntry(T.plusSeconds(120), "U1", Event.DATE_PROPOSED, "proposed due "
                + second + "; note: ok", Optional.of(second));
        assertThat(new PromiseHistory(List.of(at(0, Event.REQUESTED, ""),
                at(1, Event.DATE_PROPOSED, "proposed due " + first), structured)).latestProposal()).contains(second);
        // an entry stored before the proposal had a field of its own: read from its detail
        assertThat(new PromiseHistory(List.of(at(0, Event.REQUESTED, ""),
                at(1, Event.DATE_PROPOSED, "proposed due " + first + "; note: friday is fine"),
                at(2, Event.DATE_PROPOSED, "no date here"))).latestProposal()).contains(first);
        assertThat(new PromiseHistory(List.of(at(0, Event.REQUESTED, ""))).latestProposal()).isEmpty();
    }
}
