package dev.kept.privacy;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Directory;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.promise.CommandVerb;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Invocation;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /promise export} (or {@code export} in a DM): the person is answered at once, and a CSV of
 * everything Kept holds about their promises and requests, both sides, arrives in their DM a moment
 * later ({@link ExportCsv}). Only ever sent to the person it is about.
 */
@Component
class ExportInbound implements CommandVerb {

    private static final Logger log = LoggerFactory.getLogger(ExportInbound.class);

    private final PromiseStore store;
    private final PromiseService promises;
    private final Directory directory;
    private final Messenger messenger;
    private final PrivacyWork work;
    private final Clock clock;

    ExportInbound(PromiseStore store, PromiseService promises, Directory directory, Messenger messenger,
                  PrivacyWork work, Clock clock) {
        this.store = store;
        this.promises = promises;
        this.directory = directory;
        this.messenger = messenger;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public Set<String> verbs() {
        return Set.of("export");
    }

    @Override
    public List<Markup> help() {
        return List.of(Markup.builder().code("/promise export")
                .plain(": a spreadsheet (CSV) of all your promises and requests, ratings, feedback and history, "
                        + "sent to you in a DM").build());
    }

    @Override
    public Outcome run(Invocation in, String args) {
        Person person = in.invoker();
        if (!work.submit(() -> send(person))) {
            return Outcome.reply("I'm putting a lot of exports together right now. Please try again in a minute.");
        }
        return Outcome.reply(in.formsAvailable()
                ? "I'm putting your export together; it will arrive in your DM with me in a moment."
                : "I'm putting your export together; it will arrive in this DM in a moment.");
    }

    /** Builds the export and sends it; any failure is told to the person in plain words. */
    void send(Person person) {
        try {
            Export export = build(person);
            messenger.sendFile(person, export.filename(), export.csv(), export.comment());
        } catch (StoreUnavailableException e) {
            log.warn("Export for {} not made: {}", person, e.getMessage());
            tell(person, Markup.plain("I couldn't reach my storage, so your export wasn't made. Please try again in a "
                    + "few minutes."));
        } catch (DeliveryFailedException e) {
            log.warn("Export for {} could not be sent: {}", person, e.getMessage());
            tell(person, Markup.builder().plain("Your export was ready, but I couldn't send the file. Please try ")
                    .code("/promise export").plain(" again in a few minutes.").build());
        } catch (RuntimeException e) {
            log.error("Export for {} failed", person, e);
            tell(person, Markup.plain("Something went wrong while I put your export together. Please try again; if it "
                    + "keeps happening, tell whoever runs Kept."));
        }
    }

    record Export(String filename, String csv, Message comment) {
    }

    Export build(Person person) {
        List<Promise> all = new ArrayList<>(store.all(person, Side.MADE));
        int made = all.size();
        all.addAll(store.all(person, Side.RECEIVED));
        List<PromiseId> ids = all.stream().map(Promise::id).toList();
        Map<PromiseId, List<HistoryEntry>> histories = store.histories(person.workspace(), ids);
        ZoneId zone = promises.zoneOf(person);
        Map<String, String> names = new HashMap<>();
        String csv = ExportCsv.write(person, all, histories, zone, id -> names.computeIfAbsent(id, x -> name(person, x)));
        String filename = "kept-export-" + clock.instant().atZone(zone).toLocalDate() + ".csv";
        return new Export(filename, csv, comment(all.size(), made, zone));
    }

    /** "Alice Archer (U111)", or the id alone when the platform doesn't say. */
    private String name(Person asker, String userId) {
        try {
            return directory.lookup(asker.workspace().person(userId))
                    .map(Profile::displayName)
                    .filter(n -> n != null && !n.isBlank())
                    .map(n -> n + " (" + userId + ")")
                    .orElse(userId);
        } catch (RuntimeException e) {
            return userId;
        }
    }

    private static Message comment(int total, int made, ZoneId zone) {
        String zoneName = zone instanceof ZoneOffset ? "UTC" + zone.getId().replace("Z", "") : zone.getId();
        Markup text;
        if (total == 0) {
            text = Markup.builder().bold("Your Kept export").plain(": you have no promises or requests yet, so the file "
                    + "only has its header row.").build();
        } else {
            text = Markup.builder().bold("Your Kept export").plain(": " + total
                    + (total == 1 ? " promise or request" : " promises and requests") + " (" + made
                    + " you promised or were asked for, " + (total - made) + " promised to you or asked by you), with "
                    + "ratings, feedback both ways and each one's history. Times are in " + zoneName
                    + ". Only you got this file.").build();
        }
        return Message.of(text);
    }

    private void tell(Person person, Markup text) {
        try {
            messenger.sendDirect(person, Message.of(text));
        } catch (DeliveryFailedException e) {
            log.warn("Could not tell {} about their export: {}", person, e.getMessage());
        }
    }
}
