package dev.kept.insight;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a person's stats and home page are made of (their promises both ways, with histories,
 * in a few round trips) and hands it to the plain calculators and message builders.
 */
@Service
public class InsightService {

    private static final Logger log = LoggerFactory.getLogger(InsightService.class);

    private final PromiseStore store;
    private final PromiseService promises;
    private final Messenger messenger;
    private final Clock clock;

    public InsightService(PromiseStore store, PromiseService promises, Messenger messenger, Clock clock) {
        this.store = store;
        this.promises = promises;
        this.messenger = messenger;
        this.clock = clock;
    }

    /** A person's promises both ways, read once. */
    record Mine(List<Tracked> made, List<Tracked> received) {
    }

    Mine mine(Person person) {
        List<Promise> made = store.all(person, Side.MADE);
        List<Promise> received = store.all(person, Side.RECEIVED);
        List<Promise> both = new ArrayList<>(made);
        both.addAll(received);
        Map<PromiseId, Tracked> tracked = track(person.workspace(), both);
        return new Mine(made.stream().map(p -> tracked.get(p.id())).toList(),
                received.stream().map(p -> tracked.get(p.id())).toList());
    }

    /** The promises with their histories (one pipelined read), each once, in the order given. */
    Map<PromiseId, Tracked> track(Workspace workspace, Collection<Promise> list) {
        Map<PromiseId, Promise> byId = new LinkedHashMap<>();
        list.forEach(p -> byId.putIfAbsent(p.id(), p));
        Map<PromiseId, List<HistoryEntry>> histories = store.histories(workspace, byId.keySet());
        Map<PromiseId, Tracked> out = new LinkedHashMap<>();
        byId.forEach((id, p) -> out.put(id, new Tracked(p, histories.getOrDefault(id, List.of()))));
        return out;
    }

    public Stats stats(Person person) {
        Mine mine = mine(person);
        return StatsCalculator.compute(person.userId(), mine.made(), mine.received(), promises.zoneOf(person),
                clock.instant());
    }

    /** The answer to {@code /promise stats}. */
    public Message statsMessage(Person person) {
        return InsightMessages.stats(stats(person));
    }

    public Message homePage(Person person) {
        Mine mine = mine(person);
        ZoneId zone = promises.zoneOf(person);
        Instant now = clock.instant();
        Stats stats = StatsCalculator.compute(person.userId(), mine.made(), mine.received(), zone, now);
        return HomePage.build(person.userId(), zone, now, stats, mine.made(), mine.received());
    }

    /**
     * Shows the person their home page (when they open Kept's App Home). Never throws: when the store
     * can't be reached they see a short page that says so; when the platform can't be reached it is
     * logged, and the page is shown the next time they open it.
     */
    public void showHome(Person person) {
        Message page;
        try {
            page = homePage(person);
        } catch (StoreUnavailableException e) {
            log.warn("Home page of {} not built: {}", person, e.getMessage());
            page = Message.of(Markup.plain("I can't reach my storage right now, so I can't show your promises. "
                    + "Please open this tab again in a moment."));
        } catch (RuntimeException e) {
            log.error("Home page of {} failed", person, e);
            return;
        }
        try {
            messenger.publishHome(person, page);
        } catch (DeliveryFailedException e) {
            log.warn("Could not publish the home page of {}: {}", person, e.getMessage());
        }
    }
}
