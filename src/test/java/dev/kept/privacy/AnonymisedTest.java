package dev.kept.privacy;

import dev.kept.chat.Workspace;
import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.kept.testing.PromiseBuilder.aPromise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnonymisedTest {

    static final Workspace WS = new Workspace("slack", "T123");
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant LATER = MONDAY.plusSeconds(600);

    static Promise promise(String provider, String receiver, PromiseStatus status) {
        return aPromise().id("K7Q2").in(WS).from(provider).to(receiver).what("the deck for <@U222|bob>")
                .whatMatters("ask U222").due(MONDAY.plusSeconds(86_400)).created(MONDAY).status(status).version(3).build();
    }

    static final List<HistoryEntry> HISTORY = List.of(
            new HistoryEntry(MONDAY, "U111", Event.CREATED, "due 2026-11-24T09:00:00Z"),
            new HistoryEntry(MONDAY.plusSeconds(60), "U222", Event.ACKNOWLEDGED, ""),
            new HistoryEntry(MONDAY.plusSeconds(120), "U222", Event.CHANGE_SUGGESTED, "note: cc U222x and U222"));

    @ParameterizedTest(name = "{0}, forgotten as {1} → {2}")
    @CsvSource({
            "OPEN,      provider, RELEASED,  RELEASED",
            "OPEN,      receiver, CANCELLED, CANCELLED",
            "REQUESTED, provider, DECLINED,  DECLINED",
            "REQUESTED, receiver, CANCELLED, CANCELLED"})
    void whatIsStillActiveIsClosedWithTheStatusThatFits(PromiseStatus status, String side, PromiseStatus closedAs,
                                                         Event event) {
        boolean provider = side.equals("provider");
        Promise p = promise(provider ? "U222" : "U111", provider ? "U111" : "U222", status);

        Anonymised a = Anonymised.of(p, HISTORY, "U222", LATER);

        assertThat(a.closed()).isTrue();
        assertThat(a.after().status()).isEqualTo(closedAs);
        assertThat(a.after().closingNote()).isEqualTo(Anonymised.CLOSING_NOTE);
        assertThat(a.history()).hasSize(HISTORY.size() + 1);
        HistoryEntry last = a.history().get(HISTORY.size());
        assertThat(last.event()).isEqualTo(event);
        assertThat(last.at()).isEqualTo(LATER);
        assertThat(last.actorId()).isEqualTo(FormerColleague.ID);
        assertThat(provider ? a.after().providerId() : a.after().receiverId()).isEqualTo(FormerColleague.ID);
        assertThat(provider ? a.after().receiverId() : a.after().providerId()).isEqualTo("U111");
    }

    @Test
    void theIdGoesEverywhereAndEverythingElseStays() {
        Promise p = aPromise().id("K7Q2").in(WS).from("U111").to("U222").what("the deck for <@U222|bob>")
                .whatMatters("ask U222").due(MONDAY.plusSeconds(86_400)).created(MONDAY)
                .status(PromiseStatus.ASSURED).renegotiations(2).rating(5)
                .feedback(new Feedback("more U222", "", "thanks", MONDAY, LATER, "you're welcome")).version(7).build();

        Anonymised a = Anonymised.of(p, HISTORY, "U222", LATER);

        assertThat(a.closed()).isFalse();
        Promise after = a.after();
        assertThat(after.status()).isEqualTo(PromiseStatus.ASSURED);
        assertThat(after.receiverId()).isEqualTo(FormerColleague.ID);
        assertThat(after.providerId()).isEqualTo("U111");
        assertThat(after.what()).isEqualTo("the deck for a former colleague");
        assertThat(after.whatMatters()).isEqualTo("ask a former colleague");
        assertThat(after.feedback().better()).isEqualTo("more a former colleague");
        assertThat(after.feedback().reply()).isEqualTo("you're welcome");
        assertThat(after.feedback().thanked()).isEqualTo(LATER);
        assertThat(after.rating()).isEqualTo(5);
        assertThat(after.renegotiations()).isEqualTo(2);
        assertThat(after.due()).isEqualTo(p.due());
        assertThat(after.version()).isEqualTo(8);
        assertThat(a.history()).extracting(HistoryEntry::actorId)
                .containsExactly("U111", FormerColleague.ID, FormerColleague.ID);
        assertThat(a.history()).extracting(HistoryEntry::event)
                .containsExactly(Event.CREATED, Event.ACKNOWLEDGED, Event.CHANGE_SUGGESTED);
        assertThat(a.history().toString()).doesNotContain("U222");
        assertThat(after.toString()).doesNotContain("U222");
    }

    @Test
    void onlyAPartyCanBeForgottenFromAPromise() {
        assertThatThrownBy(() -> Anonymised.of(promise("U111", "U333", PromiseStatus.OPEN), HISTORY, "U222", LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMarkerCanNeverBeASlackId() {
        assertThat(FormerColleague.ID).doesNotMatch("[UW][A-Z0-9]+");
        assertThat(WS.person(FormerColleague.ID).userId()).isEqualTo(FormerColleague.ID);
    }
}
