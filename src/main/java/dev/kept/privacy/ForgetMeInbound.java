package dev.kept.privacy;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Message.Button;
import dev.kept.chat.Message.Style;
import dev.kept.chat.Messenger;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.promise.CommandVerb;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Invocation;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStore;
import dev.kept.promise.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /promise forget-me}: says what will happen and offers a red "Forget me" button; nothing happens
 * without that click, and only the click of the person who asked counts (checked here, for every
 * platform), within an hour. Then every shared promise is made anonymous ({@link Anonymised}) one atomic
 * step at a time, what is theirs alone is erased ({@link Forgetting#erase}), and each colleague with a
 * promise that had to be closed is told once. Running it again finishes a run that stopped half-way.
 */
@Component
class ForgetMeInbound implements CommandVerb, Interactions {

    private static final Logger log = LoggerFactory.getLogger(ForgetMeInbound.class);
    static final Duration CONFIRM_WITHIN = Duration.ofHours(1);
    static final int CONFLICT_RETRIES = 5;
    /** Rounds of "anonymise what is listed, then erase" when new promises keep turning up. */
    static final int ROUNDS = 3;
    /** Closed promises listed by name in the note to a colleague; more are counted. */
    static final int LISTED = 10;

    private final PromiseStore store;
    private final Forgetting forgetting;
    private final Messenger messenger;
    private final Clock clock;

    ForgetMeInbound(PromiseStore store, Forgetting forgetting, Messenger messenger, Clock clock) {
        this.store = store;
        this.forgetting = forgetting;
        this.messenger = messenger;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the command: ask first

    @Override
    public Set<String> verbs() {
        return Set.of("forget-me", "forgetme");
    }

    @Override
    public List<Markup> help() {
        return List.of(Markup.builder().code("/promise forget-me")
                .plain(": Kept forgets you (it says what that means and asks before doing anything)").build());
    }

    @Override
    public Outcome run(Invocation in, String args) {
        Person person = in.invoker();
        long open = store.countOpen(person, Side.MADE) + store.countOpen(person, Side.RECEIVED);
        Markup title = Markup.builder().bold("Forget me?").build();
        Markup.Builder close = Markup.builder().plain("• ").bold("close");
        if (open == 0) {
            close.plain(" nothing: you have no open promises or requests right now.");
        } else {
            close.plain(" your " + open + (open == 1 ? " open promise or request" : " open promises and requests")
                    + ", and tell the colleague on the other side once, so nobody is reminded about them.");
        }
        Message message = Message.builder(title).text(title)
                .text(Markup.plain("If you confirm, I will:"))
                .text(Markup.builder().plain("• ").bold("delete")
                        .plain(" what is yours alone: your settings, your profile as I remember it, any question "
                                + "I'm waiting for you to answer, your reminders and their daily counts, and your own "
                                + "lists of promises;").build())
                .text(Markup.builder().plain("• ").bold("make your side anonymous")
                        .plain(" in every promise and request you share with a colleague: you become \u201c"
                                + FormerColleague.WORDS + "\u201d, so their record stays whole (what was promised, "
                                + "the dates, ratings and feedback stay with them);").build())
                .text(close.build())
                .note(Markup.builder().plain("This can't be undone. Want a copy first? ").code("/promise export")
                        .plain(" sends you everything. The button works for the next hour.").build())
                .buttons(new Button(PrivacyIds.FORGET_ME_CONFIRM, "Forget me",
                                person.userId() + ":" + clock.instant().getEpochSecond(), Style.DANGER),
                        new Button(PrivacyIds.FORGET_ME_CANCEL, "Keep my data", "", Style.DEFAULT))
                .build();
        return Outcome.reply(message);
    }

    // ---------------------------------------------------------------- the buttons

    @Override
    public Set<String> actionIds() {
        return Set.of(PrivacyIds.FORGET_ME_CONFIRM, PrivacyIds.FORGET_ME_CANCEL);
    }

    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> {
            if (PrivacyIds.FORGET_ME_CANCEL.equals(actionId)) {
                return new Outcome.ReplaceOriginal(Message.of("Nothing was changed: I still have your promises and settings."));
            }
            if (!PrivacyIds.FORGET_ME_CONFIRM.equals(actionId)) {
                throw new Refusal(Markup.builder().plain("That button isn't one I know any more. Try ")
                        .code("/promise help").plain(".").build());
            }
            confirmable(actor, value);
            try {
                Report report = forget(actor);
                return new Outcome.ReplaceOriginal(done(report));
            } catch (StoreUnavailableException e) {
                log.warn("Forgetting {} stopped: {}", actor, e.getMessage());
                throw new Refusal(Markup.builder().plain("I couldn't reach my storage, so I may have stopped part-way. "
                        + "Nothing is lost: click ").bold("Forget me").plain(" again in a few minutes and I'll finish.").build());
            }
        });
    }

    /** Refuses unless {@code actor} is the person who asked, and asked within {@link #CONFIRM_WITHIN}. */
    private void confirmable(Person actor, String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,12}")) {
            throw new Refusal(Markup.builder().plain("That button is out of date. If you want me to forget you, use ")
                    .code("/promise forget-me").plain(".").build());
        }
        if (!parts[0].equals(actor.userId())) {
            throw new Refusal("This button belongs to the colleague who asked me to forget them, so it does nothing "
                    + "for you. Nothing was changed.");
        }
        Instant asked = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (clock.instant().isAfter(asked.plus(CONFIRM_WITHIN))) {
            throw new Refusal(Markup.builder().plain("This button is more than an hour old, so nothing was changed. "
                    + "If you still want me to forget you, use ").code("/promise forget-me").plain(" again.").build());
        }
    }


    // ---------------------------------------------------------------- forgetting

    /** What a run did. */
    record Report(int anonymised, int closed) {
    }

    /**
     * Anonymises every promise in the person's lists, then erases what is theirs alone. Should a colleague
     * make a new promise with them meanwhile, its id turns up in their lists and it is anonymised too.
     */
    Report forget(Person person) {
        Set<PromiseId> seen = new LinkedHashSet<>();
        int anonymised = 0;
        List<Promise> closed = new ArrayList<>();
        for (int round = 1; ; round++) {
            Map<PromiseId, Promise> theirs = new LinkedHashMap<>();
            for (Side side : Side.values()) {
                for (Promise p : store.all(person, side)) {
                    theirs.put(p.id(), p);
                }
            }
            seen.addAll(theirs.keySet());
            theirs.values().removeIf(p -> !p.isParty(person.userId()));   // done already, in this run or an earlier one
            Map<PromiseId, List<HistoryEntry>> histories = store.histories(person.workspace(), theirs.keySet());
            for (Promise listed : theirs.values()) {
                Optional<Anonymised> done = anonymise(person, listed, histories.getOrDefault(listed.id(), List.of()));
                if (done.isPresent()) {
                    anonymised++;
                    if (done.get().closed()) {
                        closed.add(done.get().after());
                    }
                }
            }
            if (forgetting.erase(person, seen, clock.instant())) {
                break;
            }
            if (round == ROUNDS) {
                throw new Refusal(Markup.builder().plain("Colleagues kept making promises with you while I was "
                        + "forgetting you, so I stopped part-way. Click ").bold("Forget me").plain(" again and I'll finish.")
                        .build());
            }
        }
        tellColleagues(closed);
        return new Report(anonymised, closed.size());
    }

    /** One promise, anonymised in one atomic step; tried again when someone changed it at the same moment. */
    private Optional<Anonymised> anonymise(Person person, Promise listed, List<HistoryEntry> history) {
        Promise current = listed;
        for (int attempt = 1; current != null && current.isParty(person.userId()); attempt++) {
            Anonymised a = Anonymised.of(current, history, person.userId(), clock.instant());
            if (forgetting.anonymise(current, history.size(), a.after(), a.history())) {
                return Optional.of(a);
            }
            if (attempt == CONFLICT_RETRIES) {
                throw new Refusal(Markup.builder().plain("A colleague changed one of your promises at the same "
                        + "moment, so I stopped part-way. Click ").bold("Forget me").plain(" again and I'll finish.")
                        .build());
            }
            current = store.find(person.workspace(), listed.id()).orElse(null);
            history = store.history(person.workspace(), listed.id());
        }
        return Optional.empty();   // gone, or anonymised by an earlier run
    }

    /** One note to each colleague whose open promises or requests with the forgotten person were closed. */
    private void tellColleagues(List<Promise> closed) {
        Map<String, List<Promise>> byColleague = new LinkedHashMap<>();
        for (Promise p : closed) {
            String other = FormerColleague.is(p.providerId()) ? p.receiverId() : p.providerId();
            if (!FormerColleague.is(other)) {
                byColleague.computeIfAbsent(other, k -> new ArrayList<>()).add(p);
            }
        }
        byColleague.forEach((colleague, promises) -> {
            Person recipient = promises.get(0).workspace().person(colleague);
            try {
                messenger.sendDirect(recipient, closedNote(promises));
            } catch (DeliveryFailedException e) {
                log.warn("Could not tell {} about promises closed by forget-me: {}", recipient, e.getMessage());
            }
        });
    }

    static Message closedNote(List<Promise> promises) {
        boolean one = promises.size() == 1;
        Markup summary = Markup.plain("A colleague asked me to forget them, so I closed "
                + (one ? "a promise" : promises.size() + " promises and requests") + " you had with them.");
        Message.Builder b = Message.builder(summary).text(Markup.plain("A colleague you had "
                + (one ? "an open promise" : "open promises and requests") + " with asked me to forget them, so I closed "
                + (one ? "it" : "them") + ". Nobody will be reminded about " + (one ? "it" : "them") + ":"));
        for (int i = 0; i < promises.size() && i < LISTED; i++) {
            Promise p = promises.get(i);
            b.text(Markup.builder().plain("• ").bold(p.what()).plain(" (" + p.id().value() + ", now "
                    + ExportCsv.status(p.status()) + ")").build());
        }
        if (promises.size() > LISTED) {
            b.text(Markup.plain("…and " + (promises.size() - LISTED) + " more."));
        }
        return b.note(Markup.builder().plain("They stay in your records, and in ").code("/promise export")
                .plain(", with \u201c" + FormerColleague.WORDS + "\u201d in their place.").build()).build();
    }

    private static Message done(Report report) {
        Markup title = Markup.builder().bold("Done: I've forgotten you.").build();
        String shared = report.anonymised() == 0 ? "You had no promises or requests with colleagues. "
                : "In " + report.anonymised() + (report.anonymised() == 1 ? " promise or request" : " promises and requests")
                + " you shared, your side now reads \u201c" + FormerColleague.WORDS + "\u201d"
                + (report.closed() == 0 ? ". "
                : "; " + report.closed() + (report.closed() == 1 ? " was" : " were")
                + " still open, so I closed " + (report.closed() == 1 ? "it" : "them")
                + " and told the colleague on the other side. ");
        return Message.builder(title).text(title)
                .text(Markup.plain(shared + "Your settings, reminders and everything else that was yours alone are deleted."))
                .note(Markup.plain("If you use Kept again, it starts afresh with you."))
                .build();
    }
}
