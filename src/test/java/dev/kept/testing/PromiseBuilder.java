package dev.kept.testing;

import dev.kept.chat.Workspace;
import dev.kept.promise.Feedback;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A promise for a test, written by what matters to it: {@code aPromise().from(ALICE).to(BOB).due(friday).build()}.
 * Whatever is not said is plain: K7Q2 in slack:T123, U111 to U222, "the Q3 deck", made Monday 23 Nov 2026
 * 09:00 UTC and due four days later, OPEN, never renegotiated or rated, no notes or feedback, version 1.
 */
public final class PromiseBuilder {

    private PromiseId id = new PromiseId("K7Q2");
    private Workspace workspace = new Workspace("slack", "T123");
    private String providerId = "U111";
    private String receiverId = "U222";
    private String what = "the Q3 deck";
    private String whatMatters = "";
    private Instant created = TestClockConfiguration.MONDAY_MORNING;
    private Instant due = created.plus(Duration.ofDays(4));
    private PromiseStatus status = PromiseStatus.OPEN;
    private int renegotiations;
    private int rating;
    private String closingNote = "";
    private Feedback feedback = Feedback.NONE;
    private long version = 1;

    private PromiseBuilder() {
    }

    public static PromiseBuilder aPromise() {
        return new PromiseBuilder();
    }

    public PromiseBuilder id(String id) {
        return id(new PromiseId(id));
    }

    public PromiseBuilder id(PromiseId id) {
        this.id = id;
        return this;
    }

    public PromiseBuilder in(Workspace workspace) {
        this.workspace = workspace;
        return this;
    }

    /** Who promised (the provider). */
    public PromiseBuilder from(String providerId) {
        this.providerId = providerId;
        return this;
    }

    /** Who was promised (the receiver). */
    public PromiseBuilder to(String receiverId) {
        this.receiverId = receiverId;
        return this;
    }

    public PromiseBuilder what(String what) {
        this.what = what;
        return this;
    }

    public PromiseBuilder whatMatters(String whatMatters) {
        this.whatMatters = whatMatters;
        return this;
    }

    public PromiseBuilder due(Instant due) {
        this.due = due;
        return this;
    }

    public PromiseBuilder created(Instant created) {
        this.created = created;
        return this;
    }

    public PromiseBuilder status(PromiseStatus status) {
        this.status = status;
        return this;
    }

    public PromiseBuilder renegotiations(int renegotiations) {
        this.renegotiations = renegotiations;
        return this;
    }

    public PromiseBuilder rating(int rating) {
        this.rating = rating;
        return this;
    }

    public PromiseBuilder closingNote(String closingNote) {
        this.closingNote = closingNote;
        return this;
    }

    public PromiseBuilder feedback(Feedback feedback) {
        this.feedback = feedback;
        return this;
    }

    public PromiseBuilder version(long version) {
        this.version = version;
        return this;
    }

    public Promise build() {
        return new Promise(id, workspace, providerId, receiverId, what, whatMatters, due, created, status,
                renegotiations, rating, closingNote, feedback, version);
    }
}
