package dev.kept.promise;

import dev.kept.chat.Refusal;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Profile;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The rules for making and changing promises, for every platform: validation, authorization
 * (through {@link Promise}'s transitions), atomic storage and telling the other party.
 * Throws {@link Refusal} with a reason for the person when it will not do something.
 */
@Service
public class PromiseService {

    static final Duration LONGEST_PROMISE = Duration.ofDays(2 * 366);
    private static final int CONFLICT_RETRIES = 5;

    private final PromiseStore store;
    private final People people;
    private final Notifications notifications;
    private final Clock clock;
    private final PromiseMessages messages;
    private final FollowUps followUps;

    /**
     * @param people        who colleagues are, and their time zones
     * @param notifications how the other party is told, and how a question asked in a DM is remembered
     * @param followUps     what a change implies for later (the nudges), written with the change
     */
    public PromiseService(PromiseStore store, People people, Notifications notifications, Clock clock,
                          FollowUps followUps) {
        this.store = store;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
        this.messages = new PromiseMessages(clock);
        this.followUps = followUps;
    }

    /** A promise just made, and whether the receiver could be told. */
    public record Made(Promise promise, boolean receiverTold) {
    }

    /** A change applied, and whether the other party could be told. */
    public record Changed(Promise promise, boolean otherPartyTold) {
    }

    // ---------------------------------------------------------------- asked of the service by other features

    /** @see People#knows(Person) */
    public boolean knows(Person person) {
        return people.knows(person);
    }

    /** @see People#wantsPrompts(Person) */
    public boolean wantsPrompts(Person person) {
        return people.wantsPrompts(person);
    }

    /** @see People#zoneOf(Person) */
    public ZoneId zoneOf(Person person) {
        return people.zoneOf(person);
    }

    /** @see Notifications#tell(Person, Message) */
    public boolean tell(Person recipient, Message message) {
        return notifications.tell(recipient, message);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Checks what can be checked without asking anyone (no storage, no directory): used to answer
     * a form at once. Keys are input ids ({@link ActionIds}); empty when all is well.
     */
    public Map<String, String> checkFields(Person provider, Optional<String> receiverId, String what,
                                           String whatMatters, Optional<Instant> due) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (receiverId.isEmpty()) {
            errors.put(ActionIds.INPUT_RECEIVER, "Pick the colleague you're promising.");
        } else if (receiverId.get().equals(provider.userId())) {
            errors.put(ActionIds.INPUT_RECEIVER, "You can't make a promise to yourself. Pick a colleague.");
        }
        // A form shows a field's problem as plain text: a command in it is in quotation marks.
        whatProblem(what).ifPresent(p -> errors.put(ActionIds.INPUT_WHAT, p.toPlainString()));
        if (whatMatters.length() > Promise.MAX_NOTE_LENGTH) {
            errors.put(ActionIds.INPUT_MATTERS, "Keep this under " + Promise.MAX_NOTE_LENGTH + " characters (it has "
                    + whatMatters.length() + ").");
        }
        if (due.isEmpty()) {
            errors.put(ActionIds.INPUT_DUE, "Pick when it will be done.");
        } else {
            dueProblem(due.get()).ifPresent(p -> errors.put(ActionIds.INPUT_DUE, p));
        }
        return errors;
    }

    /** Makes a promise from {@code provider} to {@code receiverId} and tells the receiver. */
    public Made make(Person provider, String receiverId, String what, String whatMatters, Instant due) {
        return make(provider, receiverId, what, whatMatters, due, "");
    }

    /** The same, for a promise made from a message: {@code source} is the link to it ("" when none). */
    public Made make(Person provider, String receiverId, String what, String whatMatters, Instant due, String source) {
        String cleanWhat = what == null ? "" : what.strip();
        String cleanMatters = whatMatters == null ? "" : whatMatters.strip();
        Person receiver = provider.workspace().person(receiverId);
        if (receiver.equals(provider)) {
            throw new Refusal(Markup.builder().plain("You can't make a promise to yourself: Kept is for promises "
                    + "between colleagues. Mention the colleague you're promising, e.g. ")
                    .code("/promise @bob the Q3 deck by friday").plain(".").build());
        }
        Profile receiverProfile = checkNew(receiver, cleanWhat, cleanMatters, due, "receive promises", "Promise a person instead.");
        Instant now = clock.instant();
        PromiseDraft draft = new PromiseDraft(provider.workspace(), provider.userId(), receiverId, cleanWhat,
                cleanMatters, due, now, PromiseStatus.OPEN, source);
        Promise promise = store.create(draft, new HistoryEntry(now, provider.userId(), HistoryEntry.Event.CREATED,
                "due " + due), followUps::afterCreate);
        PersonalSettings own = people.settings(receiver);   // read once: their zone and whether to ask
        boolean ask = cleanMatters.isEmpty() && own.feedbackPrompts();
        boolean told = tell(receiver, messages.promiseMadeToYou(promise,
                own.zoneOverride().orElse(receiverProfile.zone()), ask));
        if (told && ask) {
            notifications.expectAnswer(receiver, new PendingQuestions.Question(ActionIds.QUESTION_MATTERS, promise.id().value()));
        }
        return new Made(promise, told);
    }

    /**
     * A request: {@code requester} asks {@code askedId} for something by a date. It is stored as a
     * promise in status REQUESTED, with the asked colleague as provider, and they are asked to answer.
     */
    public Made request(Person requester, String askedId, String what, String whatMatters, Instant due) {
        return request(requester, askedId, what, whatMatters, due, "");
    }

    /** The same, for a request made from a message: {@code source} is the link to it ("" when none). */
    public Made request(Person requester, String askedId, String what, String whatMatters, Instant due,
                        String source) {
        String cleanWhat = what == null ? "" : what.strip();
        String cleanMatters = whatMatters == null ? "" : whatMatters.strip();
        Person asked = requester.workspace().person(askedId);
        if (asked.equals(requester)) {
            throw new Refusal(Markup.builder().plain("You can't ask yourself: mention the colleague you're asking, e.g. ")
                    .code("/promise ask @bob for the Q3 deck by friday").plain(".").build());
        }
        Profile askedProfile = checkNew(asked, cleanWhat, cleanMatters, due, "take requests", "Ask a person instead.");
        Instant now = clock.instant();
        PromiseDraft draft = new PromiseDraft(requester.workspace(), askedId, requester.userId(), cleanWhat,
                cleanMatters, due, now, PromiseStatus.REQUESTED, source);
        Promise request = store.create(draft, new HistoryEntry(now, requester.userId(), HistoryEntry.Event.REQUESTED,
                "due " + due), followUps::afterCreate);
        return new Made(request, tell(asked, messages.requestToYou(request, people.zoneOf(asked, askedProfile))));
    }

    /** What a new promise or request must satisfy; the other person's profile when it does. */
    private Profile checkNew(Person other, String what, String whatMatters, Instant due, String verb, String instead) {
        whatProblem(what).ifPresent(p -> {
            throw new Refusal(p);
        });
        if (whatMatters.length() > Promise.MAX_NOTE_LENGTH) {
            throw new Refusal("Keep what matters to them under " + Promise.MAX_NOTE_LENGTH + " characters.");
        }
        dueProblem(due).ifPresent(p -> {
            throw new Refusal(Markup.builder().plain(p + " For example: ").code("by friday 3pm").plain(", ")
                    .code("by tomorrow").plain(", ").code("in 3 days").plain(".").build());
        });
        Profile profile = people.lookup(other).orElseThrow(() -> new Refusal(
                "I couldn't find that colleague in this workspace, or can't reach them. Pick them from the list your chat "
                        + "offers (an @mention in Slack, the people picker of the form in Teams)."));
        if (profile.bot()) {
            throw new Refusal(Markup.builder().person(other.userId())
                    .plain(" is a bot or app, and can't " + verb + ". " + instead).build());
        }
        if (!profile.active()) {
            throw new Refusal(Markup.builder().person(other.userId())
                    .plain("'s account is deactivated, so they can't " + verb + ".").build());
        }
        return profile;
    }

    /** The asked colleague takes a request on; the asker hears it is a promise now. */
    public Changed acceptRequest(Person actor, PromiseId id) {
        Promise p = transition(actor, id, (pr, now) -> pr.accept(actor.userId(), now)).after();
        return new Changed(p, tell(p.receiver(), messages.requestAccepted(p, zoneOf(p.receiver()))));
    }

    /** The asked colleague proposes another date; the asker can accept it in one click. */
    public Changed proposeDate(Person actor, PromiseId id, Instant proposedDue, String note) {
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > Promise.MAX_NOTE_LENGTH) {
            throw new Refusal(Promise.tooLong("The note", cleanNote, Promise.MAX_NOTE_LENGTH));
        }
        dueProblem(proposedDue).ifPresent(p -> {
            throw new Refusal(p);
        });
        Promise p = transition(actor, id, (pr, now) -> pr.proposeDate(actor.userId(), proposedDue, cleanNote, now)).after();
        return new Changed(p, tell(p.receiver(), messages.dateProposed(p, proposedDue, cleanNote, zoneOf(p.receiver()))));
    }

    /**
     * The asker accepts the date the asked colleague proposed (only a date they really proposed,
     * and the latest one); the provider hears it is their promise now.
     */
    public Changed acceptProposedDate(Person actor, PromiseId id, Instant proposedDue) {
        Promise current = find(actor, id);
        if (current.status() == PromiseStatus.REQUESTED
                && !history(current).latestProposal().filter(proposedDue::equals).isPresent()) {
            throw new Refusal(Markup.builder().plain("That date isn't the latest one ").person(current.providerId())
                    .plain(" suggested for ").bold(id.value()).plain(". Use the button on their latest suggestion.").build());
        }
        Promise p = transition(actor, id, (pr, now) -> pr.acceptProposal(actor.userId(), proposedDue, now)).after();
        return new Changed(p, tell(p.provider(), messages.proposalAccepted(p, zoneOf(p.provider()))));
    }

    /** The asked colleague can't take a request on; the asker hears why. */
    public Changed decline(Person actor, PromiseId id, String note) {
        Promise p = transition(actor, id, (pr, now) -> pr.decline(actor.userId(), note, now)).after();
        return new Changed(p, tell(p.receiver(), messages.requestDeclined(p)));
    }

    /** The receiver says what matters most to them; the provider hears it. */
    public Changed noteWhatMatters(Person actor, PromiseId id, String matters) {
        Promise p = transition(actor, id, (pr, now) -> pr.noteWhatMatters(actor.userId(), matters, now)).after();
        return new Changed(p, tell(p.provider(), messages.whatMattersToThem(p)));
    }

    /**
     * The receiver answers a slipping promise: help, more time (until {@code moreTimeUntil}, which the
     * provider can take in one click) or clarity. The provider hears what they chose.
     */
    public Changed answerSlip(Person actor, PromiseId id, Promise.SlipAnswer answer, String note,
                              Optional<Instant> moreTimeUntil) {
        String cleanNote = note == null ? "" : note.strip();
        if (answer == Promise.SlipAnswer.MORE_TIME) {
            Instant until = moreTimeUntil.orElseThrow(() -> new Refusal("Pick the date you can give them until."));
            dueProblem(until).ifPresent(p -> {
                throw new Refusal(p);
            });
        } else if (cleanNote.isEmpty()) {
            throw new Refusal(answer == Promise.SlipAnswer.HELP ? "Say how you could help, in a few words."
                    : "Say what you need, in a few words.");
        }
        Optional<Instant> until = answer == Promise.SlipAnswer.MORE_TIME ? moreTimeUntil : Optional.empty();
        String detailNote = until.map(d -> "until " + d + (cleanNote.isEmpty() ? "" : "; " + cleanNote)).orElse(cleanNote);
        Promise p = transition(actor, id, (pr, now) -> pr.answerSlip(actor.userId(), answer, detailNote, now)).after();
        return new Changed(p, tell(p.provider(), messages.slipAnswered(p, answer, cleanNote, until, zoneOf(p.provider()))));
    }

    public Changed deliver(Person actor, PromiseId id) {
        Promise.Change change = change(actor, id, (p, now) -> p.deliver(actor.userId(), now));
        Promise p = change.after();
        return new Changed(p, tell(p.receiver(), messages.delivered(p, zoneOf(p.receiver()))));
    }

    /** The receiver cancels (no longer needed) or the provider releases (can't keep it, with a reason). */
    public Changed cancel(Person actor, PromiseId id, String note) {
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > Promise.MAX_NOTE_LENGTH) {
            throw new Refusal("Keep the reason under " + Promise.MAX_NOTE_LENGTH + " characters.");
        }
        Promise.Change change = change(actor, id, (p, now) -> p.cancel(actor.userId(), cleanNote, now));
        Promise p = change.after();
        boolean told = p.status() == PromiseStatus.RELEASED
                ? tell(p.receiver(), messages.released(p))
                : tell(p.provider(), change.before().status() == PromiseStatus.REQUESTED
                ? messages.requestWithdrawn(p) : messages.cancelled(p));
        return new Changed(p, told);
    }

    /** The receiver says "sounds good"; the provider hears it. */
    public Changed acknowledge(Person actor, PromiseId id) {
        Promise current = find(actor, id);
        if (current.receiverId().equals(actor.userId()) && current.status().isOpen()
                && history(current).acknowledgedSinceLastDate()) {
            // An old copy of the message was clicked again: nothing new to record or to tell.
            return new Changed(current, true);
        }
        Promise p = change(actor, id, (pr, now) -> pr.acknowledge(actor.userId(), now)).after();
        return new Changed(p, tell(p.provider(), messages.acknowledged(p)));
    }

    /** The receiver suggests another date and/or says something; the provider can accept a date in one click. */
    public Changed suggest(Person actor, PromiseId id, Optional<Instant> proposedDue, String note) {
        String cleanNote = note == null ? "" : note.strip();
        if (proposedDue.isEmpty() && cleanNote.isEmpty()) {
            throw new Refusal("Suggest another date, or write a note, or both.");
        }
        if (cleanNote.length() > Promise.MAX_NOTE_LENGTH) {
            throw new Refusal("Keep the note under " + Promise.MAX_NOTE_LENGTH + " characters.");
        }
        if (proposedDue.isPresent()) {
            dueProblem(proposedDue.get()).ifPresent(p -> {
                throw new Refusal(p);
            });
        }
        Promise p = change(actor, id, (pr, now) -> pr.suggestChange(actor.userId(), proposedDue, cleanNote, now))
                .after();
        return new Changed(p, tell(p.provider(), messages.changeSuggested(p, proposedDue, cleanNote,
                zoneOf(p.provider()))));
    }

    /** The provider moves the due date (a renegotiation); the receiver is told the new date. */
    public Changed changeDue(Person actor, PromiseId id, Instant newDue, String note) {
        dueProblem(newDue).ifPresent(p -> {
            throw new Refusal(p);
        });
        String cleanNote = note == null ? "" : note.strip();
        Promise.Change change = change(actor, id, (pr, now) -> pr.changeDue(actor.userId(), newDue, cleanNote, now));
        Promise p = change.after();
        boolean late = change.before().due().isBefore(change.entry().at());
        return new Changed(p, tell(p.receiver(), messages.dueChanged(p, cleanNote, zoneOf(p.receiver()),
                late && wantsPrompts(p.receiver()))));
    }

    /**
     * The receiver says how satisfied they are (1–5); the promise becomes ASSURED and the provider
     * hears the result. The question stays open for {@link FollowUps#ratingOpenFor()} after delivery.
     */
    public Changed rate(Person actor, PromiseId id, int score) {
        Promise current = find(actor, id);
        if (current.status() == PromiseStatus.DELIVERED && current.receiverId().equals(actor.userId())) {
            Optional<Instant> delivered = history(current).deliveredAt();
            if (delivered.isPresent() && clock.instant().isAfter(delivered.get().plus(followUps.ratingOpenFor()))) {
                throw new Refusal(Markup.builder().plain("This question about ").bold(current.what())
                        .plain(" has closed: it was open for " + followUps.ratingOpenFor().toDays()
                                + " days after delivery.").build());
            }
        }
        Promise p = change(actor, id, (pr, now) -> pr.rate(actor.userId(), score, now)).after();
        return new Changed(p, tell(p.provider(), messages.rated(p)));
    }

    private PromiseHistory history(Promise p) {
        return new PromiseHistory(store.history(p.workspace(), p.id()));
    }

    public Promise find(Person asker, PromiseId id) {
        Promise p = store.find(asker.workspace(), id).orElseThrow(() -> unknown(id));
        if (!p.isParty(asker.userId())) {
            throw unknown(id);
        }
        return p;
    }

    /** A person's open promises, both ways, soonest due first, at most {@code limit} each. */
    public Listing list(Person person, int limit) {
        return new Listing(store.open(person, Side.MADE, limit), store.countOpen(person, Side.MADE),
                store.open(person, Side.RECEIVED, limit), store.countOpen(person, Side.RECEIVED));
    }

    public record Listing(List<Promise> made, long madeTotal, List<Promise> received, long receivedTotal) {
    }

    public PromiseMessages messages() {
        return messages;
    }

    /**
     * Applies one of {@link Promise}'s transitions for {@code actor}, atomically, retrying when someone
     * else changed the promise at the same moment. Someone who is not a party learns nothing about it.
     */
    public Promise.Change transition(Person actor, PromiseId id, BiFunction<Promise, Instant, Promise.Change> transition) {
        return change(actor, id, transition);
    }

    private Promise.Change change(Person actor, PromiseId id, BiFunction<Promise, Instant, Promise.Change> transition) {
        for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
            Promise current = store.find(actor.workspace(), id).orElseThrow(() -> unknown(id));
            if (!current.isParty(actor.userId())) {
                // Someone who is neither provider nor receiver learns nothing about the promise.
                throw unknown(id);
            }
            Promise.Change change = transition.apply(current, clock.instant());
            if (store.apply(change, followUps.afterChange(change))) {
                return change;
            }
        }
        throw new Refusal("Someone else changed " + id + " at the same moment. Please try again.");
    }

    private static Refusal unknown(PromiseId id) {
        return new Refusal(Markup.builder().plain("I don't know a promise ").bold(id.value())
                .plain(" of yours. ").code("/promise list").plain(" shows the ones you're part of.").build());
    }

    private Optional<Markup> whatProblem(String what) {
        if (what.isBlank()) {
            return Optional.of(Markup.builder().plain("Say what you're promising, e.g. ")
                    .code("/promise @bob the Q3 deck by friday 3pm").plain(".").build());
        }
        if (what.length() > Promise.MAX_WHAT_LENGTH) {
            return Optional.of(Markup.plain(String.format(java.util.Locale.ROOT,
                    "That's %,d characters; keep what you promise under %,d characters. Link to a document for the details.",
                    what.length(), Promise.MAX_WHAT_LENGTH)));
        }
        return Optional.empty();
    }

    private Optional<String> dueProblem(Instant due) {
        Instant now = clock.instant();
        if (!due.isAfter(now)) {
            return Optional.of("That time is already in the past. Pick a time in the future.");
        }
        if (due.isAfter(now.plus(LONGEST_PROMISE))) {
            return Optional.of("That's more than two years away. Pick a nearer date: promises work best in weeks, not years.");
        }
        return Optional.empty();
    }

}
