package dev.kept.privacy;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCsvTest {

    static final Workspace WS = new Workspace("slack", "T123");
    static final Person BOB = WS.person("U222");
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static List<List<String>> parse(String csv) {
        return CsvReader.parse(csv);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void cellsThatASpreadsheetWouldRunAsAFormulaAreShownAsText(String hostile) {
        String cell = Csv.cell(hostile);
        List<List<String>> rows = parse(new Csv().row(List.of(hostile)).toString());
        assertThat(rows.get(0).get(0)).isEqualTo("'" + hostile);
        assertThat(cell.startsWith("'") || cell.startsWith("\"'")).isTrue();
    }

    @Test
    void quotesCommasAndLineBreaksSurviveARoundTrip() {
        List<String> cells = List.of("plain", "a, b", "say \"hi\"", "two\nlines", "", "ünïcödé ✓");
        String csv = new Csv().row(cells).toString();
        assertThat(csv).isEqualTo("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,ünïcödé ✓\r\n");
        assertThat(parse(csv)).containsExactly(cells);
    }

    @Test
    void onePromiseARowBothSidesWithFeedbackAndTheWholeHistory() {
        Promise made = new Promise(new PromiseId("K7Q2"), WS, "U222", "U111", "the Q3 deck, reviewed", "=cmd|' /C calc'!A0",
                MONDAY.plusSeconds(3600 * 24 * 4), MONDAY, PromiseStatus.ASSURED, 1, 4, "",
                new Feedback("-more charts", "", "thanks!", MONDAY.plusSeconds(7200), null, ""), 5);
        Promise received = new Promise(new PromiseId("ZZ99"), WS, FormerColleague.ID, "U222", "lunch", "",
                MONDAY.plusSeconds(3600), MONDAY.minusSeconds(60), PromiseStatus.RELEASED, 0, 0, "left", 3);
        Map<PromiseId, List<HistoryEntry>> histories = Map.of(
                made.id(), List.of(new HistoryEntry(MONDAY, "U222", Event.CREATED, "due 2026-11-27T09:00:00Z"),
                        new HistoryEntry(MONDAY.plusSeconds(60), "U111", Event.RATED, "4")),
                received.id(), List.of(new HistoryEntry(MONDAY.minusSeconds(60), FormerColleague.ID, Event.REQUESTED, "")));

        String csv = ExportCsv.write(BOB, List.of(made, received), histories, NEW_YORK,
                id -> "Alice Archer (" + id + ")");
        List<List<String>> rows = parse(csv);

        assertThat(rows.get(0)).isEqualTo(ExportCsv.HEADER);
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r).hasSameSizeAs(ExportCsv.HEADER));
        List<String> first = rows.get(1);   // the older one first
        assertThat(first.subList(0, 6)).containsExactly("ZZ99", "request", "you asked", "released",
                "a former colleague", "you");
        List<String> second = rows.get(2);
        assertThat(second.subList(0, 8)).containsExactly("K7Q2", "promise", "you promised", "rated", "you",
                "Alice Archer (U111)", "the Q3 deck, reviewed", "'=cmd|' /C calc'!A0");
        assertThat(second.get(8)).isEqualTo("2026-11-23T04:00:00-05:00");   // created, in Bob's zone
        assertThat(second.get(11)).isEqualTo("4");
        assertThat(second.subList(13, 19)).containsExactly("2026-11-23T06:00:00-05:00", "'-more charts", "", "thanks!",
                "", "");
        assertThat(second.get(19)).isEqualTo("2026-11-23T04:00:00-05:00 you: created (due 2026-11-27T09:00:00Z)\n"
                + "2026-11-23T04:01:00-05:00 Alice Archer (U111): rated (4)");
    }

    @Test
    void nothingToExportIsTheHeaderRowAlone() {
        assertThat(parse(ExportCsv.write(BOB, List.of(), Map.of(), NEW_YORK, id -> id)))
                .containsExactly(ExportCsv.HEADER);
    }
}
