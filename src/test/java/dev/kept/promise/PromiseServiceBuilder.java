package dev.kept.promise;

import dev.kept.chat.Directory;
import dev.kept.chat.Messenger;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import dev.kept.chat.SettingsStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link PromiseService} for tests: without follow-ups (nothing is ever scheduled), everyone on default
 * settings and no question waiting for an answer in DMs, unless a test says otherwise.
 */
public final class PromiseServiceBuilder {

    /** Remembers no question: a DM is never taken as an answer. */
    public static final PendingQuestions NO_QUESTIONS = new PendingQuestions() {
        @Override
        public void expect(Person person, Question question, Duration window) {
        }

        @Override
        public Optional<Question> take(Person person) {
            return Optional.empty();
        }

        @Override
        public Optional<Question> peek(Person person) {
            return Optional.empty();
        }
    };

    private final PromiseStore store;
    private final Directory directory;
    private final Messenger messenger;
    private final Clock clock;
    private FollowUps followUps = FollowUps.NONE;
    private SettingsStore settings = SettingsStore.DEFAULTS_ONLY;
    private PendingQuestions questions = NO_QUESTIONS;
    private Duration answerWindow = Duration.ofHours(24);

    private PromiseServiceBuilder(PromiseStore store, Directory directory, Messenger messenger, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.messenger = messenger;
        this.clock = clock;
    }

    public static PromiseServiceBuilder with(PromiseStore store, Directory directory, Messenger messenger, Clock clock) {
        return new PromiseServiceBuilder(store, directory, messenger, clock);
    }

    public PromiseServiceBuilder followUps(FollowUps followUps) {
        this.followUps = followUps;
        return this;
    }

    public PromiseServiceBuilder settings(SettingsStore settings) {
        this.settings = settings;
        return this;
    }

    public PromiseServiceBuilder questions(PendingQuestions questions) {
        this.questions = questions;
        return this;
    }

    public PromiseServiceBuilder answerWindow(Duration answerWindow) {
        this.answerWindow = answerWindow;
        return this;
    }

    public PromiseService build() {
        return new PromiseService(store, new People(directory, settings),
                new Notifications(messenger, questions, answerWindow), clock, followUps);
    }
}
