package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.promise.Feedback;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a promise and its history entries look in Redis. The hash uses one-letter field names and
 * epoch millis so that a promise stays a small listpack (ziplist) hash; workspace and id are in the key.
 * <pre>
 * p provider id     r receiver id     w what            m what matters (may be empty)
 * d due (ms)        c created (ms)    s status code     n renegotiations
 * g rating          x closing note    v version
 * fg feedback given (ms)   fb even better   fe could have been easier   ft thanks
 * fk feedback thanked (ms) fr the provider's reply      (all absent until feedback is given)
 * </pre>
 * A history entry is one list element {@code <epoch ms>|<actor>|<event code>[@<proposed due, epoch ms>]|<detail>};
 * the actor has {@code %} and {@code |} escaped, the detail comes last and is kept as it is. Entries stored before
 * the proposed due date had its own place carry it only in their detail; {@link HistoryEntry} reads it from there.
 */
final class PromiseCodec {

    static final String PROVIDER = "p";
    static final String RECEIVER = "r";
    static final String WHAT = "w";
    static final String WHAT_MATTERS = "m";
    static final String DUE = "d";
    static final String CREATED = "c";
    static final String STATUS = "s";
    static final String RENEGOTIATIONS = "n";
    static final String RATING = "g";
    static final String CLOSING_NOTE = "x";
    static final String VERSION = "v";
    /** The link to the message the promise was made from; absent when none. */
    static final String SOURCE = "l";
    static final String FEEDBACK_GIVEN = "fg";
    static final String FEEDBACK_BETTER = "fb";
    static final String FEEDBACK_EASIER = "fe";
    static final String FEEDBACK_THANKS = "ft";
    static final String FEEDBACK_THANKED = "fk";
    static final String FEEDBACK_REPLY = "fr";

    private PromiseCodec() {
    }

    /** Field/value pairs of the whole promise, ready to be passed to HSET. */
    static List<String> fields(Promise promise) {
        List<String> out = new ArrayList<>(22);
        add(out, PROVIDER, promise.providerId());
        add(out, RECEIVER, promise.receiverId());
        add(out, WHAT, promise.what());
        add(out, WHAT_MATTERS, promise.whatMatters());
        add(out, DUE, Long.toString(promise.due().toEpochMilli()));
        add(out, CREATED, Long.toString(promise.created().toEpochMilli()));
        add(out, STATUS, statusCode(promise.status()));
        add(out, RENEGOTIATIONS, Integer.toString(promise.renegotiations()));
        add(out, RATING, Integer.toString(promise.rating()));
        add(out, CLOSING_NOTE, promise.closingNote());
        add(out, VERSION, Long.toString(promise.version()));
        if (!promise.source().isEmpty()) {
            add(out, SOURCE, promise.source());
        }
        Feedback f = promise.feedback();
        if (f.isGiven()) {
            add(out, FEEDBACK_GIVEN, Long.toString(f.given().toEpochMilli()));
            add(out, FEEDBACK_BETTER, f.better());
            add(out, FEEDBACK_EASIER, f.easier());
            add(out, FEEDBACK_THANKS, f.thanks());
            add(out, FEEDBACK_THANKED, f.isThanked() ? Long.toString(f.thanked().toEpochMilli()) : "");
            add(out, FEEDBACK_REPLY, f.reply());
        }
        return out;
    }

    private static void add(List<String> out, String field, String value) {
        out.add(field);
        out.add(value);
    }

    /** The promise stored in {@code hash}, or null when the hash is empty (no such promise). */
    static Promise promise(Workspace workspace, PromiseId id, Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        return new Promise(id, workspace,
                required(hash, PROVIDER, workspace, id),
                required(hash, RECEIVER, workspace, id),
                required(hash, WHAT, workspace, id),
                hash.getOrDefault(WHAT_MATTERS, ""),
                Instant.ofEpochMilli(Long.parseLong(required(hash, DUE, workspace, id))),
                Instant.ofEpochMilli(Long.parseLong(required(hash, CREATED, workspace, id))),
                status(required(hash, STATUS, workspace, id)),
                Integer.parseInt(hash.getOrDefault(RENEGOTIATIONS, "0")),
                Integer.parseInt(hash.getOrDefault(RATING, "0")),
                hash.getOrDefault(CLOSING_NOTE, ""),
                feedback(hash),
                Long.parseLong(required(hash, VERSION, workspace, id)),
                hash.getOrDefault(SOURCE, ""));
    }

    private static Feedback feedback(Map<String, String> hash) {
        Instant given = instantOrNull(hash.get(FEEDBACK_GIVEN));
        if (given == null) {
            return Feedback.NONE;
        }
        return new Feedback(hash.get(FEEDBACK_BETTER), hash.get(FEEDBACK_EASIER), hash.get(FEEDBACK_THANKS), given,
                instantOrNull(hash.get(FEEDBACK_THANKED)), hash.get(FEEDBACK_REPLY));
    }

    private static Instant instantOrNull(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String required(Map<String, String> hash, String field, Workspace workspace, PromiseId id) {
        String value = hash.get(field);
        if (value == null) {
            throw new IllegalStateException("Promise " + id + " in " + workspace.key()
                    + " is stored without field '" + field + "'");
        }
        return value;
    }

    static String entry(HistoryEntry entry) {
        return entry.at().toEpochMilli() + "|" + escape(entry.actorId()) + "|" + eventCode(entry.event())
                + entry.proposedDue().map(d -> PROPOSAL + d.toEpochMilli()).orElse("") + "|" + entry.detail();
    }

    /** Between an entry's event code and the proposed due date it carries. */
    private static final String PROPOSAL = "@";

    static HistoryEntry entry(String stored) {
        String[] parts = stored.split("\\|", 4);
        if (parts.length < 4) {
            throw new IllegalStateException("Unreadable history entry: " + stored);
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
        int proposal = parts[2].indexOf(PROPOSAL);
        if (proposal < 0) {
            return new HistoryEntry(at, unescape(parts[1]), event(parts[2]), parts[3]);
        }
        return new HistoryEntry(at, unescape(parts[1]), event(parts[2].substring(0, proposal)), parts[3],
                Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[2].substring(proposal + PROPOSAL.length())))));
    }

    /** Keeps only whole milliseconds, as stored. */
    static Instant millis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    private static String escape(String actor) {
        return actor.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String actor) {
        return actor.replace("%7C", "|").replace("%25", "%");
    }

    static String statusCode(PromiseStatus status) {
        switch (status) {
            case OPEN:
                return "o";
            case DELIVERED:
                return "d";
            case ASSURED:
                return "a";
            case RELEASED:
                return "r";
            case CANCELLED:
                return "c";
            case REQUESTED:
                return "q";
            case DECLINED:
                return "n";
            default:
                throw new IllegalArgumentException("no code for status " + status);
        }
    }

    static PromiseStatus status(String code) {
        switch (code) {
            case "o":
                return PromiseStatus.OPEN;
            case "d":
                return PromiseStatus.DELIVERED;
            case "a":
                return PromiseStatus.ASSURED;
            case "r":
                return PromiseStatus.RELEASED;
            case "c":
                return PromiseStatus.CANCELLED;
            case "q":
                return PromiseStatus.REQUESTED;
            case "n":
                return PromiseStatus.DECLINED;
            default:
                throw new IllegalStateException("Unknown stored status code: " + code);
        }
    }

    static String eventCode(Event event) {
        switch (event) {
            case CREATED:
                return "c";
            case ACKNOWLEDGED:
                return "a";
            case CHANGE_SUGGESTED:
                return "s";
            case DUE_CHANGED:
                return "d";
            case DELIVERED:
                return "v";
            case RATED:
                return "r";
            case RELEASED:
                return "l";
            case CANCELLED:
                return "x";
            case REQUESTED:
                return "q";
            case ACCEPTED:
                return "k";
            case DATE_PROPOSED:
                return "p";
            case DECLINED:
                return "n";
            case MATTERS_NOTED:
                return "m";
            case SLIP_ANSWERED:
                return "h";
            case FEEDBACK_GIVEN:
                return "f";
            case FEEDBACK_THANKED:
                return "t";
            case FEEDBACK_REPLIED:
                return "y";
            default:
                throw new IllegalArgumentException("no code for event " + event);
        }
    }

    static Event event(String code) {
        switch (code) {
            case "c":
                return Event.CREATED;
            case "a":
                return Event.ACKNOWLEDGED;
            case "s":
                return Event.CHANGE_SUGGESTED;
            case "d":
                return Event.DUE_CHANGED;
            case "v":
                return Event.DELIVERED;
            case "r":
                return Event.RATED;
            case "l":
                return Event.RELEASED;
            case "x":
                return Event.CANCELLED;
            case "q":
                return Event.REQUESTED;
            case "k":
                return Event.ACCEPTED;
            case "p":
                return Event.DATE_PROPOSED;
            case "n":
                return Event.DECLINED;
            case "m":
                return Event.MATTERS_NOTED;
            case "h":
                return Event.SLIP_ANSWERED;
            case "f":
                return Event.FEEDBACK_GIVEN;
            case "t":
                return Event.FEEDBACK_THANKED;
            case "y":
                return Event.FEEDBACK_REPLIED;
            default:
                throw new IllegalStateException("Unknown stored event code: " + code);
        }
    }
}
