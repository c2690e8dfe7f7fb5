package dev.kept.insight;

import static dev.kept.testing.PromiseBuilder.aPromise;
import dev.kept.chat.Workspace;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A promise written through its real transitions, with the history they record, for the calculators' tests. */
final class Story {

    static final Workspace WS = new Workspace("slack", "T123");
    static final String ALICE = "U111";
    static final String BOB = "U222";
    static final String CAROL = "U333";

    private Promise promise;
    private final List<HistoryEntry> history = new ArrayList<>();

    private Story(Promise promise, HistoryEntry first) {
        this.promise = promise;
        history.add(first);
    }

    /** {@code provider} promises {@code receiver} something, made at {@code created}, due at {@code due}. */
    static Story made(String id, String provider, String receiver, String created, String due) {
        Instant at = Instant.parse(created);
        Promise p = aPromise().id(id).in(WS).from(provider).to(receiver).what("promise " + id)
                .due(Instant.parse(due)).created(at).build();
        return new Story(p, new HistoryEntry(at, provider, HistoryEntry.Event.CREATED, "due " + due));
    }

    /** {@code asker} asks {@code asked} for something by {@code due}: a request, not a promise yet. */
    static Story requested(String id, String asked, String asker, String created, String due) {
        Instant at = Instant.parse(created);
        Promise p = aPromise().id(id).in(WS).from(asked).to(asker).what("request " + id)
                .due(Instant.parse(due)).created(at).status(PromiseStatus.REQUESTED).build();
        return new Story(p, new HistoryEntry(at, asker, HistoryEntry.Event.REQUESTED, ""));
    }

    Story then(String at, BiFunction<Promise, Instant, Promise.Change> transition) {
        Promise.Change change = transition.apply(promise, Instant.parse(at));
        promise = change.after();
        history.add(change.entry());
        return this;
    }

    Story delivered(String at) {
        return then(at, (p, now) -> p.deliver(p.providerId(), now));
    }

    Story dueMoved(String at, String newDue) {
        return then(at, (p, now) -> p.changeDue(p.providerId(), Instant.parse(newDue), "", now));
    }

    Story rated(String at, int score) {
        return then(at, (p, now) -> p.rate(p.receiverId(), score, now));
    }

    Story feedback(String at, String better, String easier, String thanks) {
        return then(at, (p, now) -> p.giveFeedback(p.receiverId(), better, easier, thanks, now));
    }

    Story thanked(String at) {
        return then(at, (p, now) -> p.thankForFeedback(p.providerId(), now));
    }

    Story released(String at) {
        return then(at, (p, now) -> p.cancel(p.providerId(), "can't, sorry", now));
    }

    Story cancelled(String at) {
        return then(at, (p, now) -> p.cancel(p.receiverId(), "", now));
    }

    Story accepted(String at) {
        return then(at, (p, now) -> p.accept(p.providerId(), now));
    }

    Story declined(String at) {
        return then(at, (p, now) -> p.decline(p.providerId(), "no time", now));
    }

    Promise promise() {
        return promise;
    }

    Tracked tracked() {
        return new Tracked(promise, history);
    }
}
