package dev.kept.privacy;

import dev.kept.chat.Person;
import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A person's export as CSV: one row per promise or request they are part of (either side), with
 * its rating, the feedback both ways and its whole history in the last column, one event per line.
 * Times are in the person's zone, with their offset (ISO 8601). See docs/privacy.md.
 */
final class ExportCsv {

    static final List<String> HEADER = List.of("promise_id", "kind", "your_role", "status", "provider", "receiver",
            "what", "what_matters", "created", "due", "renegotiations", "rating", "closing_note",
            "feedback_given", "feedback_even_better", "feedback_could_have_been_easier", "feedback_thanks",
            "feedback_thanked", "feedback_reply", "history");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ExportCsv() {
    }

    /**
     * @param names who a user id is, for people other than {@code person} (e.g. {@code Alice Archer (U111)})
     */
    static String write(Person person, List<Promise> promises, Map<PromiseId, List<HistoryEntry>> histories,
                        ZoneId zone, Function<String, String> names) {
        Function<String, String> who = id -> id.equals(person.userId()) ? "you"
                : FormerColleague.is(id) ? FormerColleague.WORDS : names.apply(id);
        List<Promise> sorted = new ArrayList<>(promises);
        sorted.sort(Comparator.comparing(Promise::created).thenComparing(p -> p.id().value()));
        Csv csv = new Csv().row(HEADER);
        for (Promise p : sorted) {
            List<HistoryEntry> history = histories.getOrDefault(p.id(), List.of());
            boolean request = p.status().isRequest()
                    || !history.isEmpty() && history.get(0).event() == HistoryEntry.Event.REQUESTED;
            boolean provider = p.providerId().equals(person.userId());
            Feedback f = p.feedback();
            csv.row(List.of(
                    p.id().value(),
                    request ? "request" : "promise",
                    role(provider, request),
                    status(p.status()),
                    who.apply(p.providerId()),
                    who.apply(p.receiverId()),
                    p.what(),
                    p.whatMatters(),
                    time(p.created(), zone),
                    time(p.due(), zone),
                    Integer.toString(p.renegotiations()),
                    p.rating() == 0 ? "" : Integer.toString(p.rating()),
                    p.closingNote(),
                    time(f.given(), zone),
                    f.better(),
                    f.easier(),
                    f.thanks(),
                    time(f.thanked(), zone),
                    f.reply(),
                    history(history, zone, who)));
        }
        return csv.toString();
    }

    private static String role(boolean provider, boolean request) {
        if (request) {
            return provider ? "you were asked" : "you asked";
        }
        return provider ? "you promised" : "promised to you";
    }

    static String status(PromiseStatus status) {
        return status == PromiseStatus.ASSURED ? "rated" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    /** One line per event: {@code <time> <who>: <what happened> (<detail>)}. */
    private static String history(List<HistoryEntry> entries, ZoneId zone, Function<String, String> who) {
        List<String> lines = new ArrayList<>(entries.size());
        for (HistoryEntry e : entries) {
            String event = e.event().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            lines.add(time(e.at(), zone) + " " + who.apply(e.actorId()) + ": " + event
                    + (e.detail().isBlank() ? "" : " (" + e.detail() + ")"));
        }
        return String.join("\n", lines);
    }
}
