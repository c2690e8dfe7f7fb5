package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a promise and its history entries look in Redis. The hash uses one-letter field names and
 * epoch millis so that a promise stays a small listpack (ziplist) hash; workspace and id are in the key.
 * <pre>
 * p provider id     r receiver id     w what            m what matters (may be empty)
 * d due (ms)        c created (ms)    s status code     n renegotiations
 * g rating          x closing note    v version
 * </pre>
 * A history entry is one list element {@code <epoch ms>|<actor>|<event code>|<detail>}; the actor has
 * {@code %} and {@code |} escaped, the detail comes last and is kept as it is.
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
                Long.parseLong(required(hash, VERSION, workspace, id)));
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
        return entry.at().toEpochMilli() + "|" + escape(entry.actorId()) + "|" + eventCode(entry.event()) + "|"
                + entry.detail();
    }

    static HistoryEntry entry(String stored) {
        String[] parts = stored.split("\\|", 4);
        if (parts.length < 4) {
            throw new IllegalStateException("Unreadable history entry: " + stored);
        }
        return new HistoryEntry(Instant.ofEpochMilli(Long.parseLong(parts[0])), unescape(parts[1]),
                event(parts[2]), parts[3]);
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
            default:
                throw new IllegalStateException("Unknown stored event code: " + code);
        }
    }
}
