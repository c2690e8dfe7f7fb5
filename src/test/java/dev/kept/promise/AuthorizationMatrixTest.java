package dev.kept.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import dev.kept.chat.Workspace;
import dev.kept.testing.core.FakeDirectory;
import dev.kept.testing.core.InMemoryPromiseStore;
import dev.kept.testing.core.RecordingFollowUps;
import dev.kept.testing.core.RecordingMessenger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Security: who may do what to a promise. Every action a person can take about a promise, tried by
 * its provider, its receiver and a third person of the same workspace, through the real
 * {@link PromiseService} with the in-memory fakes of {@link PromiseInboundTest}. Only the allowed
 * combinations change anything; every other one is a {@link Refusal}, and then nothing is stored,
 * nothing is planned and nobody is told. A third person learns nothing about the promise, not
 * even that it exists.
 *
 * <p>Actions that open a form first (suggest, more time, release) are also checked at the gate the
 * button uses ({@code checkMay…}), and again where the form is submitted, since a submission can be
 * forged without the button.
 */
class AuthorizationMatrixTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    /** {@link PromiseInboundTest}'s fakes live in this workspace. */
    private static final Workspace WS = new Workspace("test", "T1");
    private static final Instant DUE = MONDAY_MORNING.plus(Duration.ofDays(4));
    private static final Instant NEW_DUE = DUE.plus(Duration.ofDays(2));

    enum Role {
        PROVIDER("UALICE"), RECEIVER("UBOB"), THIRD("UCAROL");

        final String userId;

        Role(String userId) {
            this.userId = userId;
        }

        Person person() {
            return WS.person(userId);
        }
    }

    /** One thing a person can do about a promise, as the adapters call it. */
    enum Action {
        DELIVER(PromiseStatus.OPEN, Role.PROVIDER, HistoryEntry.Event.DELIVERED, PromiseStatus.DELIVERED, Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.deliver(actor, p.id());
            }
        },
        /** A renegotiation: the provider moves the due date ("need more time", or accepting a suggested date). */
        CHANGE_DUE(PromiseStatus.OPEN, Role.PROVIDER, HistoryEntry.Event.DUE_CHANGED, PromiseStatus.OPEN, Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.changeDue(actor, p.id(), NEW_DUE, "the data came late");
            }
        },
        /** The provider can't keep it: the release button's gate, then the release (a cancel with a reason). */
        RELEASE(PromiseStatus.OPEN, Role.PROVIDER, HistoryEntry.Event.RELEASED, PromiseStatus.RELEASED, Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayRelease(actor.userId());
                s.cancel(actor, p.id(), "I'm off sick");
            }
        },
        /** The receiver no longer needs it: {@code /promise cancel ID} without a reason. */
        CANCEL(PromiseStatus.OPEN, Role.RECEIVER, HistoryEntry.Event.CANCELLED, PromiseStatus.CANCELLED, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.cancel(actor, p.id(), "");
            }
        },
        ACKNOWLEDGE(PromiseStatus.OPEN, Role.RECEIVER, HistoryEntry.Event.ACKNOWLEDGED, PromiseStatus.OPEN, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.acknowledge(actor, p.id());
            }
        },
        /** The suggest button's gate, then the suggestion itself. */
        SUGGEST(PromiseStatus.OPEN, Role.RECEIVER, HistoryEntry.Event.CHANGE_SUGGESTED, PromiseStatus.OPEN, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMaySuggest(actor.userId());
                s.suggest(actor, p.id(), Optional.of(NEW_DUE), "after the board meeting");
            }
        },
        RATE(PromiseStatus.DELIVERED, Role.RECEIVER, HistoryEntry.Event.RATED, PromiseStatus.ASSURED, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.rate(actor, p.id(), 4);
            }
        },
        /** Explore: what matters most to the receiver (the button's gate, then the note). */
        NOTE_WHAT_MATTERS(PromiseStatus.OPEN, Role.RECEIVER, HistoryEntry.Event.MATTERS_NOTED, PromiseStatus.OPEN, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayNoteWhatMatters(actor.userId());
                s.noteWhatMatters(actor, p.id(), "the numbers first");
            }
        },
        /** Service in reverse when it slips: the receiver offers help (the buttons' gate, then the answer). */
        ANSWER_SLIP(PromiseStatus.OPEN, Role.RECEIVER, HistoryEntry.Event.SLIP_ANSWERED, PromiseStatus.OPEN, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayAnswerSlip(actor.userId());
                s.answerSlip(actor, p.id(), Promise.SlipAnswer.HELP, "I can pull the figures", Optional.empty());
            }
        },
        /** Feedback after the rating (the button's gate, then the feedback). */
        FEEDBACK(PromiseStatus.ASSURED, Role.RECEIVER, HistoryEntry.Event.FEEDBACK_GIVEN, PromiseStatus.ASSURED, Role.PROVIDER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayGiveFeedback(actor.userId());
                new dev.kept.feedback.FeedbackService(s).give(actor, p.id(), "a summary slide", "I could have asked sooner", "");
            }
        },
        THANK_FOR_FEEDBACK(PromiseStatus.ASSURED, Role.PROVIDER, HistoryEntry.Event.FEEDBACK_THANKED, PromiseStatus.ASSURED,
                Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                new dev.kept.feedback.FeedbackService(s).thank(actor, p.id());
            }
        },
        REPLY_TO_FEEDBACK(PromiseStatus.ASSURED, Role.PROVIDER, HistoryEntry.Event.FEEDBACK_REPLIED, PromiseStatus.ASSURED,
                Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayReplyToFeedback(actor.userId());
                new dev.kept.feedback.FeedbackService(s).reply(actor, p.id(), "good idea, I will");
            }
        },
        /** Answering a request (Bob asked Alice): take it on. */
        TAKE_ON_REQUEST(PromiseStatus.REQUESTED, Role.PROVIDER, HistoryEntry.Event.ACCEPTED, PromiseStatus.OPEN, Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.acceptRequest(actor, p.id());
            }
        },
        /** Answering a request: suggest another date (the button's gate, then the proposal). */
        PROPOSE_DATE(PromiseStatus.REQUESTED, Role.PROVIDER, HistoryEntry.Event.DATE_PROPOSED, PromiseStatus.REQUESTED,
                Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.find(actor, p.id()).checkMayAnswerRequest(actor.userId());
                s.proposeDate(actor, p.id(), NEW_DUE, "");
            }
        },
        /** Answering a request: can't take it on. */
        DECLINE_REQUEST(PromiseStatus.REQUESTED, Role.PROVIDER, HistoryEntry.Event.DECLINED, PromiseStatus.DECLINED,
                Role.RECEIVER) {
            @Override
            void run(PromiseService s, Person actor, Promise p) {
                s.decline(actor, p.id(), "I'm on leave");
            }
        };

        /** Actions about feedback start from a rated promise that already has feedback, except giving it. */
        boolean needsFeedback() {
            return this == THANK_FOR_FEEDBACK || this == REPLY_TO_FEEDBACK;
        }

        /** The state the promise is in when the action is tried. */
        final PromiseStatus from;
        /** The one role that may do it. */
        final Role allowed;
        final HistoryEntry.Event event;
        final PromiseStatus to;
        /** Who hears about it when it is done. */
        final Role told;

        Action(PromiseStatus from, Role allowed, HistoryEntry.Event event, PromiseStatus to, Role told) {
            this.from = from;
            this.allowed = allowed;
            this.event = event;
            this.to = to;
            this.told = told;
        }

        abstract void run(PromiseService service, Person actor, Promise promise);
    }

    private final Clock clock = Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC);
    private final InMemoryPromiseStore store = new InMemoryPromiseStore();
    private final FakeDirectory directory = new FakeDirectory(WS);
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final RecordingFollowUps followUps = new RecordingFollowUps();
    private final PromiseService service = PromiseServiceBuilder.with(store, directory, messenger, clock).followUps(followUps).build();

    @BeforeEach
    void people() {
        directory.add(Role.PROVIDER.userId, "alice", ZoneOffset.UTC, false, true);
        directory.add(Role.RECEIVER.userId, "bob", ZoneOffset.UTC, false, true);
        directory.add(Role.THIRD.userId, "carol", ZoneOffset.UTC, false, true);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Action action : Action.values()) {
            for (Role role : Role.values()) {
                rows.add(Arguments.of(action, role, role == action.allowed));
            }
        }
        return rows.stream();
    }

    /** Alice promised Bob the Q3 deck, in the state {@code action} needs; nothing recorded since. */
    private Promise promiseReadyFor(Action action) {
        Promise p = action.from == PromiseStatus.REQUESTED
                ? service.request(Role.RECEIVER.person(), Role.PROVIDER.userId, "the Q3 deck", "numbers first", DUE).promise()
                : service.make(Role.PROVIDER.person(), Role.RECEIVER.userId, "the Q3 deck", "numbers first", DUE).promise();
        if (action.from == PromiseStatus.DELIVERED || action.from == PromiseStatus.ASSURED) {
            p = service.deliver(Role.PROVIDER.person(), p.id()).promise();
        }
        if (action.from == PromiseStatus.ASSURED) {
            p = service.rate(Role.RECEIVER.person(), p.id(), 2).promise();
        }
        if (action.needsFeedback()) {
            p = new dev.kept.feedback.FeedbackService(service).give(Role.RECEIVER.person(), p.id(), "sooner", "", "").promise();
        }
        assertThat(p.status()).isEqualTo(action.from);
        messenger.sent.clear();
        followUps.changes.clear();
        return p;
    }

    @ParameterizedTest(name = "{0} by {1}: allowed={2}")
    @MethodSource("matrix")
    void onlyTheAllowedRoleChangesAnything(Action action, Role role, boolean allowed) {
        Promise before = promiseReadyFor(action);
        Map<PromiseId, Promise> promisesBefore = new LinkedHashMap<>(store.promises);
        Map<PromiseId, List<HistoryEntry>> historyBefore = deepCopy(store.history);

        if (!allowed) {
            assertThatThrownBy(() -> action.run(service, role.person(), before)).isInstanceOf(Refusal.class);
            assertThat(store.promises).isEqualTo(promisesBefore);
            assertThat(store.history).isEqualTo(historyBefore);
            assertThat(messenger.sent).as("nobody is told anything").isEmpty();
            assertThat(followUps.changes).as("nothing is planned").isEmpty();
            return;
        }

        action.run(service, role.person(), before);
        Promise after = store.promises.get(before.id());
        assertThat(after.status()).isEqualTo(action.to);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.providerId()).isEqualTo(before.providerId());
        assertThat(after.receiverId()).isEqualTo(before.receiverId());
        assertThat(after.what()).isEqualTo(before.what());
        assertThat(after.due()).isEqualTo(action == Action.CHANGE_DUE ? NEW_DUE : before.due());
        List<HistoryEntry> added = store.history.get(before.id()).subList(historyBefore.get(before.id()).size(),
                store.history.get(before.id()).size());
        assertThat(added).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo(role.userId);
            assertThat(e.event()).isEqualTo(action.event);
        });
        assertThat(messenger.sent).extracting(RecordingMessenger.Sent::to).containsExactly(action.told.person());
        assertThat(followUps.changes).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void aThirdPersonLearnsNothingAboutThePromise(Action action) {
        Promise p = promiseReadyFor(action);
        assertThatThrownBy(() -> action.run(service, Role.THIRD.person(), p))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> {
                    String reason = ((Refusal) e).reason().toPlainString();
                    assertThat(reason).startsWith("I don't know a promise " + p.id());
                    assertThat(reason).doesNotContain("Q3 deck", "numbers first", Role.PROVIDER.userId,
                            Role.RECEIVER.userId);
                });
    }

    static Stream<Action> actions() {
        return Stream.of(Action.values());
    }

    /** The whole table in one place, so a change to who may do what shows up as one failing line. */
    @Test
    void theTableItself() {
        Map<Action, Set<Role>> expected = new EnumMap<>(Action.class);
        expected.put(Action.DELIVER, Set.of(Role.PROVIDER));
        expected.put(Action.CHANGE_DUE, Set.of(Role.PROVIDER));
        expected.put(Action.RELEASE, Set.of(Role.PROVIDER));
        expected.put(Action.CANCEL, Set.of(Role.RECEIVER));
        expected.put(Action.ACKNOWLEDGE, Set.of(Role.RECEIVER));
        expected.put(Action.SUGGEST, Set.of(Role.RECEIVER));
        expected.put(Action.RATE, Set.of(Role.RECEIVER));
        expected.put(Action.NOTE_WHAT_MATTERS, Set.of(Role.RECEIVER));
        expected.put(Action.ANSWER_SLIP, Set.of(Role.RECEIVER));
        expected.put(Action.FEEDBACK, Set.of(Role.RECEIVER));
        expected.put(Action.THANK_FOR_FEEDBACK, Set.of(Role.PROVIDER));
        expected.put(Action.REPLY_TO_FEEDBACK, Set.of(Role.PROVIDER));
        expected.put(Action.TAKE_ON_REQUEST, Set.of(Role.PROVIDER));
        expected.put(Action.PROPOSE_DATE, Set.of(Role.PROVIDER));
        expected.put(Action.DECLINE_REQUEST, Set.of(Role.PROVIDER));

        Map<Action, Set<Role>> actual = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            Set<Role> worked = new java.util.TreeSet<>();
            for (Role role : Role.values()) {
                store.promises.clear();
                store.history.clear();
                Promise p = promiseReadyFor(action);
                try {
                    action.run(service, role.person(), p);
                    worked.add(role);
                } catch (Refusal refused) {
                    // not allowed
                }
            }
            actual.put(action, worked);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The forms' own gates: a person who may not do the thing doesn't even get the form. */
    @ParameterizedTest(name = "{0} by {1}: allowed={2}")
    @MethodSource("gates")
    void theFormGatesAgreeWithTheTable(String gate, Role role, boolean allowed) {
        Promise p = promiseReadyFor(Action.DELIVER);
        Runnable check = switch (gate) {
            case "release" -> () -> p.checkMayRelease(role.userId);
            case "more time" -> () -> p.checkMayRenegotiate(role.userId);
            case "suggest" -> () -> p.checkMaySuggest(role.userId);
            default -> throw new IllegalArgumentException(gate);
        };
        if (allowed) {
            check.run();
        } else {
            assertThatThrownBy(check::run).isInstanceOf(Refusal.class);
        }
        assertThat(messenger.sent).isEmpty();
        assertThat(followUps.changes).isEmpty();
    }

    static Stream<Arguments> gates() {
        Map<String, Role> allowed = Map.of("release", Role.PROVIDER, "more time", Role.PROVIDER, "suggest", Role.RECEIVER);
        List<Arguments> rows = new ArrayList<>();
        allowed.forEach((gate, who) -> {
            for (Role role : Role.values()) {
                rows.add(Arguments.of(gate, role, role == who));
            }
        });
        return rows.stream();
    }

    /** The same rules hold once a promise is closed: nobody can act on it any more. */
    @ParameterizedTest(name = "{0} by {1} after release")
    @MethodSource("matrix")
    void nothingWorksOnAReleasedPromise(Action action, Role role, boolean ignored) {
        Promise p = service.make(Role.PROVIDER.person(), Role.RECEIVER.userId, "the Q3 deck", "", DUE).promise();
        p = service.cancel(Role.PROVIDER.person(), p.id(), "I'm off sick").promise();
        Promise released = p;
        messenger.sent.clear();
        followUps.changes.clear();
        Map<PromiseId, Promise> promisesBefore = new LinkedHashMap<>(store.promises);
        Map<PromiseId, List<HistoryEntry>> historyBefore = deepCopy(store.history);

        assertThatThrownBy(() -> action.run(service, role.person(), released)).isInstanceOf(Refusal.class);
        assertThat(store.promises).isEqualTo(promisesBefore);
        assertThat(store.history).isEqualTo(historyBefore);
        assertThat(messenger.sent).isEmpty();
        assertThat(followUps.changes).isEmpty();
    }

    private static Map<PromiseId, List<HistoryEntry>> deepCopy(Map<PromiseId, List<HistoryEntry>> history) {
        Map<PromiseId, List<HistoryEntry>> copy = new HashMap<>();
        history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
