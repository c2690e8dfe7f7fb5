package dev.kept.promise;

import dev.kept.testing.Marked;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThatCode;
import dev.kept.chat.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kept.chat.Markup;
import dev.kept.chat.Workspace;
import dev.kept.promise.HistoryEntry.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromiseTest {

    private static final Workspace WS = new Workspace("slack", "T1");
    private static final String PROVIDER = "UPROV";
    private static final String RECEIVER = "URECV";
    private static final String STRANGER = "USTRANGER";
    private static final PromiseId ID = new PromiseId("K7Q2");
    /** Monday 2026-11-23 09:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-27T17:00:00Z");

    private static Promise promise(PromiseStatus status) {
        int rating = status == PromiseStatus.ASSURED ? 4 : 0;
        return new Promise(ID, WS, PROVIDER, RECEIVER, "the Q3 deck", "", DUE, NOW.minus(Duration.ofDays(1)),
                status, 0, rating, "", 7);
    }

    private static Promise open() {
        return promise(PromiseStatus.OPEN);
    }

    private static String reason(Runnable action) {
        Refusal refusal = catchThrowableOfType(action::run, Refusal.class);
        assertThat(refusal).as("expected a refusal").isNotNull();
        return Marked.of(refusal.reason());
    }

    /** One transition, attempted by a given person, on a given promise. */
    enum Transition {
        ACKNOWLEDGE(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.acknowledge(actor, NOW);
            }
        },
        SUGGEST_CHANGE(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.suggestChange(actor, Optional.of(DUE.plus(Duration.ofDays(2))), "monday works better", NOW);
            }
        },
        CHANGE_DUE(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.changeDue(actor, DUE.plus(Duration.ofDays(3)), "", NOW);
            }
        },
        DELIVER(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.deliver(actor, NOW);
            }
        },
        RATE(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.rate(actor, 5, NOW);
            }
        },
        CANCEL_BY_RECEIVER(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.cancel(actor, "", NOW);
            }
        },
        RELEASE_BY_PROVIDER(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.cancel(actor, "swamped by the audit", NOW);
            }
        },
        TAKE_ON_REQUEST(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.accept(actor, NOW);
            }
        },
        PROPOSE_DATE(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.proposeDate(actor, DUE.plus(Duration.ofDays(4)), "", NOW);
            }
        },
        ACCEPT_PROPOSAL(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.acceptProposal(actor, DUE.plus(Duration.ofDays(4)), NOW);
            }
        },
        DECLINE(PROVIDER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.decline(actor, "I'm on leave", NOW);
            }
        },
        ANSWER_SLIP(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.answerSlip(actor, Promise.SlipAnswer.HELP, "I can draft the intro", NOW);
            }
        },
        GIVE_FEEDBACK(RECEIVER) {
            @Override
            Promise.Change apply(Promise p, String actor) {
                return p.giveFeedback(actor, "a summary slide", "ask me sooner", "", NOW);
            }
        };

        final String allowedActor;

        Transition(String allowedActor) {
            this.allowedActor = allowedActor;
        }

        abstract Promise.Change apply(Promise p, String actor);

        /** The statuses from which this transition may start. */
        java.util.Set<PromiseStatus> from() {
            switch (this) {
                case RATE:
                    return java.util.Set.of(PromiseStatus.DELIVERED);
                case GIVE_FEEDBACK:
                    return java.util.Set.of(PromiseStatus.ASSURED);
                case TAKE_ON_REQUEST:
                case PROPOSE_DATE:
                case ACCEPT_PROPOSAL:
                case DECLINE:
                    return java.util.Set.of(PromiseStatus.REQUESTED);
                case CANCEL_BY_RECEIVER:
                    return java.util.Set.of(PromiseStatus.OPEN, PromiseStatus.REQUESTED);
                default:
                    return java.util.Set.of(PromiseStatus.OPEN);
            }
        }

        /** The usual status this transition starts from. */
        PromiseStatus first() {
            return from().contains(PromiseStatus.OPEN) ? PromiseStatus.OPEN : from().iterator().next();
        }

        boolean answersARequest() {
            return from().equals(java.util.Set.of(PromiseStatus.REQUESTED));
        }
    }

    @Nested
    class StateMachine {

        static Stream<Arguments> everyTransitionFromEveryStatus() {
            return Stream.of(Transition.values())
                    .flatMap(t -> Stream.of(PromiseStatus.values()).map(s -> Arguments.of(t, s)));
        }

        @ParameterizedTest(name = "{0} from {1}")
        @MethodSource("everyTransitionFromEveryStatus")
        void eachTransitionIsAllowedFromExactlyOneStatus(Transition transition, PromiseStatus status) {
            Promise p = promise(status);
            if (transition.from().contains(status)) {
                Promise.Change change = transition.apply(p, transition.allowedActor);
                assertThat(change.before()).isSameAs(p);
                assertThat(change.after().version()).isEqualTo(p.version() + 1);
            } else {
                String reason = reason(() -> transition.apply(p, transition.allowedActor));
                assertThat(reason).contains(ID.value()).contains(expectedStatusWording(transition, status));
            }
        }

        private String expectedStatusWording(Transition transition, PromiseStatus status) {
            if (transition.answersARequest()) {
                switch (status) {
                    case DECLINED:
                        return "was already declined";
                    case CANCELLED:
                        return "was cancelled";
                    default:
                        return "isn't waiting for an answer any more";
                }
            }
            if (transition == Transition.GIVE_FEEDBACK && status == PromiseStatus.DELIVERED) {
                return "first, then share your feedback";
            }
            switch (status) {
                case OPEN:
                    return "hasn't been delivered yet";
                case DELIVERED:
                    return "has already been delivered";
                case ASSURED:
                    return transition == Transition.RATE ? "already rated" : "delivered and rated";
                case RELEASED:
                    return "was released by @" + PROVIDER;
                case CANCELLED:
                    return "was cancelled by @" + RECEIVER;
                case REQUESTED:
                    return "is still a request: @" + PROVIDER + " hasn't taken it on yet";
                case DECLINED:
                    return "was a request that @" + PROVIDER + " couldn't take on";
                default:
                    throw new AssertionError(status);
            }
        }

        @Test
        void refusalBoldsTheIdAndMentionsTheOtherPartyAsAPerson() {
            Refusal refusal = catchThrowableOfType(() -> promise(PromiseStatus.RELEASED).deliver(PROVIDER, NOW),
                    Refusal.class);
            assertThat(refusal.reason().spans()).startsWith(new Markup.Bold(ID.value()))
                    .contains(new Markup.PersonRef(PROVIDER));
            assertThat(refusal.getMessage()).isEqualTo(refusal.reason().toPlainString());
        }

        @Test
        void openStaysOpenOnAcknowledgeAndSuggestion() {
            assertThat(open().acknowledge(RECEIVER, NOW).after().status()).isEqualTo(PromiseStatus.OPEN);
            assertThat(open().suggestChange(RECEIVER, Optional.empty(), "hm", NOW).after().status())
                    .isEqualTo(PromiseStatus.OPEN);
            assertThat(open().changeDue(PROVIDER, DUE.plus(Duration.ofDays(1)), "", NOW).after().status())
                    .isEqualTo(PromiseStatus.OPEN);
        }

        @Test
        void fullHappyPath_open_delivered_assured() {
            Promise delivered = open().deliver(PROVIDER, NOW).after();
            assertThat(delivered.status()).isEqualTo(PromiseStatus.DELIVERED);
            Promise assured = delivered.rate(RECEIVER, 4, NOW).after();
            assertThat(assured.status()).isEqualTo(PromiseStatus.ASSURED);
            assertThat(assured.rating()).isEqualTo(4);
            assertThat(assured.version()).isEqualTo(open().version() + 2);
        }

        @ParameterizedTest
        @EnumSource(Transition.class)
        void aChangeKeepsEverythingItDoesNotChangeAndLeavesTheOriginalAlone(Transition t) {
            Promise p = promise(t.first());
            Promise.Change change = t.apply(p, t.allowedActor);
            Promise after = change.after();
            assertThat(after.id()).isEqualTo(p.id());
            assertThat(after.workspace()).isEqualTo(p.workspace());
            assertThat(after.providerId()).isEqualTo(PROVIDER);
            assertThat(after.receiverId()).isEqualTo(RECEIVER);
            assertThat(after.what()).isEqualTo(p.what());
            assertThat(after.created()).isEqualTo(p.created());
            assertThat(after.version()).isEqualTo(p.version() + 1);
            // the original is immutable
            assertThat(p).isEqualTo(promise(t.first()));
            assertThat(change.entry().at()).isEqualTo(NOW);
            assertThat(change.entry().actorId()).isEqualTo(t.allowedActor);
        }
    }

    @Nested
    class Authorization {

        static Stream<Arguments> everyTransitionByEveryone() {
            return Stream.of(Transition.values())
                    .flatMap(t -> Stream.of(PROVIDER, RECEIVER, STRANGER).map(actor -> Arguments.of(t, actor)));
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("everyTransitionByEveryone")
        void onlyTheRightPartyMayActAndAThirdPersonNever(Transition t, String actor) {
            Promise p = promise(t.first());
            // cancel is one method for both sides: who calls it decides the outcome
            boolean cancelFamily = t == Transition.CANCEL_BY_RECEIVER || t == Transition.RELEASE_BY_PROVIDER;
            if (cancelFamily && !actor.equals(STRANGER)) {
                if (actor.equals(RECEIVER)) {
                    assertThat(t.apply(p, actor).after().status()).isEqualTo(PromiseStatus.CANCELLED);
                } else if (t == Transition.RELEASE_BY_PROVIDER) {
                    assertThat(t.apply(p, actor).after().status()).isEqualTo(PromiseStatus.RELEASED);
                } else {
                    assertThat(reason(() -> t.apply(p, actor))).startsWith("Let @" + RECEIVER + " know why");
                }
                return;
            }
            if (actor.equals(t.allowedActor)) {
                assertThat(t.apply(p, actor).entry().actorId()).isEqualTo(actor);
                return;
            }
            String reason = reason(() -> t.apply(p, actor));
            if (actor.equals(STRANGER)) {
                assertThat(reason).startsWith("You can't ")
                        .contains("it's between @" + PROVIDER + " and @" + RECEIVER);
            } else {
                assertThat(reason).startsWith("Only @" + t.allowedActor + ", who ");
            }
            assertThat(reason).contains(ID.value());
        }

        @Test
        void receiverActionsNameTheReceiverWhenTheProviderTries() {
            assertThat(reason(() -> open().acknowledge(PROVIDER, NOW)))
                    .isEqualTo("Only @URECV, who the promise was made to, can agree to K7Q2.");
            assertThat(reason(() -> promise(PromiseStatus.DELIVERED).rate(PROVIDER, 5, NOW)))
                    .isEqualTo("Only @URECV, who the promise was made to, can rate K7Q2.");
        }

        @Test
        void providerActionsNameTheProviderWhenTheReceiverTries() {
            assertThat(reason(() -> open().deliver(RECEIVER, NOW)))
                    .isEqualTo("Only @UPROV, who made the promise, can deliver K7Q2.");
            assertThat(reason(() -> open().changeDue(RECEIVER, DUE.plus(Duration.ofDays(1)), "", NOW)))
                    .isEqualTo("Only @UPROV, who made the promise, can change the due date of K7Q2.");
        }

        @Test
        void authorizationIsCheckedBeforeStatus_aStrangerLearnsNothingAboutTheState() {
            for (PromiseStatus s : PromiseStatus.values()) {
                assertThat(reason(() -> promise(s).cancel(STRANGER, "x", NOW)))
                        .as("status %s", s)
                        .isEqualTo("You can't cancel K7Q2: it's between @UPROV and @URECV.");
            }
        }

        @Test
        void receiverCancelsAndProviderReleases() {
            Promise.Change cancelled = open().cancel(RECEIVER, "not needed any more", NOW);
            assertThat(cancelled.after().status()).isEqualTo(PromiseStatus.CANCELLED);
            assertThat(cancelled.after().closingNote()).isEqualTo("not needed any more");
            assertThat(cancelled.entry().event()).isEqualTo(Event.CANCELLED);
            assertThat(cancelled.entry().detail()).isEqualTo("not needed any more");

            Promise.Change released = open().cancel(PROVIDER, "swamped by the audit", NOW);
            assertThat(released.after().status()).isEqualTo(PromiseStatus.RELEASED);
            assertThat(released.after().closingNote()).isEqualTo("swamped by the audit");
            assertThat(released.entry().event()).isEqualTo(Event.RELEASED);
            assertThat(released.entry().detail()).isEqualTo("swamped by the audit");
        }

        @Test
        void receiverMayCancelWithoutANote() {
            Promise.Change c = open().cancel(RECEIVER, "", NOW);
            assertThat(c.after().status()).isEqualTo(PromiseStatus.CANCELLED);
            assertThat(c.after().closingNote()).isEmpty();
            assertThat(c.entry().detail()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n "})
        void providerMustSayWhyWhenReleasing(String note) {
            assertThat(reason(() -> open().cancel(PROVIDER, note, NOW)))
                    .isEqualTo("Let @URECV know why you can't keep it: `/promise cancel K7Q2 <a short reason>`");
        }
    }

    @Nested
    class History {

        @Test
        void acknowledge() {
            HistoryEntry e = open().acknowledge(RECEIVER, NOW).entry();
            assertThat(e).isEqualTo(new HistoryEntry(NOW, RECEIVER, Event.ACKNOWLEDGED, ""));
        }

        @Test
        void suggestChangeWithDateAndNote() {
            Instant proposed = DUE.plus(Duration.ofDays(3));
            Promise.Change c = open().suggestChange(RECEIVER, Optional.of(proposed), "monday is fine", NOW);
            assertThat(c.entry().event()).isEqualTo(Event.CHANGE_SUGGESTED);
            assertThat(c.entry().detail()).isEqualTo("proposed due " + proposed + "; note: monday is fine");
            // a suggestion changes nothing but the version
            assertThat(c.after().due()).isEqualTo(DUE);
            assertThat(c.after().renegotiations()).isZero();
        }

        @Test
        void suggestChangeWithOnlyADateOrOnlyANote() {
            Instant proposed = DUE.plus(Duration.ofDays(3));
            assertThat(open().suggestChange(RECEIVER, Optional.of(proposed), "", NOW).entry().detail())
                    .isEqualTo("proposed due " + proposed);
            assertThat(open().suggestChange(RECEIVER, Optional.empty(), "call me", NOW).entry().detail())
                    .isEqualTo("note: call me");
        }

        @Test
        void deliverOnTime() {
            Promise.Change c = open().deliver(PROVIDER, NOW);
            assertThat(c.entry()).isEqualTo(new HistoryEntry(NOW, PROVIDER, Event.DELIVERED, "on time"));
        }

        @Test
        void deliverExactlyAtTheDueTimeIsOnTime() {
            assertThat(open().deliver(PROVIDER, DUE).entry().detail()).isEqualTo("on time");
        }

        @Test
        void deliverAfterTheDueTimeIsLate() {
            Instant late = DUE.plusSeconds(1);
            assertThat(open().deliver(PROVIDER, late).entry())
                    .isEqualTo(new HistoryEntry(late, PROVIDER, Event.DELIVERED, "late"));
        }

        @Test
        void changeDueBeforeItIsDueIsEarly() {
            Instant newDue = DUE.plus(Duration.ofDays(2));
            Promise.Change c = open().changeDue(PROVIDER, newDue, "", NOW);
            assertThat(c.entry().event()).isEqualTo(Event.DUE_CHANGED);
            assertThat(c.entry().actorId()).isEqualTo(PROVIDER);
            assertThat(c.entry().detail()).isEqualTo("from " + DUE + " to " + newDue + " (early)");
            assertThat(c.after().due()).isEqualTo(newDue);
        }

        @Test
        void changeDueOnceOverdueIsLateAndKeepsTheNote() {
            Instant afterDue = DUE.plus(Duration.ofHours(1));
            Instant newDue = DUE.plus(Duration.ofDays(2));
            Promise.Change c = open().changeDue(PROVIDER, newDue, "waiting for data", afterDue);
            assertThat(c.entry().detail())
                    .isEqualTo("from " + DUE + " to " + newDue + " (late); note: waiting for data");
        }

        @Test
        void rateRecordsTheScore() {
            Promise.Change c = promise(PromiseStatus.DELIVERED).rate(RECEIVER, 3, NOW);
            assertThat(c.entry()).isEqualTo(new HistoryEntry(NOW, RECEIVER, Event.RATED, "3"));
            assertThat(c.after().rating()).isEqualTo(3);
        }
    }

    @Nested
    class DueChanges {

        @Test
        void renegotiationsAreCounted() {
            Promise p = open();
            p = p.changeDue(PROVIDER, DUE.plus(Duration.ofDays(1)), "", NOW).after();
            p = p.changeDue(PROVIDER, DUE.minus(Duration.ofDays(1)), "", NOW).after();
            p = p.acknowledge(RECEIVER, NOW).after();
            p = p.suggestChange(RECEIVER, Optional.of(DUE), "", NOW).after();
            p = p.changeDue(PROVIDER, DUE.plus(Duration.ofDays(5)), "", NOW).after();
            assertThat(p.renegotiations()).isEqualTo(3);
            assertThat(p.version()).isEqualTo(open().version() + 5);
            assertThat(p.due()).isEqualTo(DUE.plus(Duration.ofDays(5)));
        }

        @Test
        void intoThePastIsRefused() {
            assertThat(reason(() -> open().changeDue(PROVIDER, NOW.minusSeconds(1), "", NOW)))
                    .isEqualTo("The new due time has to be in the future.");
        }

        @Test
        void toExactlyNowIsRefused() {
            assertThat(reason(() -> open().changeDue(PROVIDER, NOW, "", NOW)))
                    .isEqualTo("The new due time has to be in the future.");
        }

        @Test
        void toTheSameDueIsRefused() {
            assertThat(reason(() -> open().changeDue(PROVIDER, DUE, "", NOW)))
                    .isEqualTo("K7Q2 is already due then.");
        }
    }

    @Nested
    class Rating {

        @ParameterizedTest
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 6, 10})
        void outsideOneToFiveIsRefused(int score) {
            assertThat(reason(() -> promise(PromiseStatus.DELIVERED).rate(RECEIVER, score, NOW)))
                    .isEqualTo("A rating goes from 1 (not at all satisfied) to 5 (delighted).");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void oneToFiveIsAccepted(int score) {
            Promise after = promise(PromiseStatus.DELIVERED).rate(RECEIVER, score, NOW).after();
            assertThat(after.rating()).isEqualTo(score);
            assertThat(after.status()).isEqualTo(PromiseStatus.ASSURED);
        }

        @Test
        void ratingTwiceSaysAlreadyRatedAndKeepsTheFirstRating() {
            Promise rated = promise(PromiseStatus.DELIVERED).rate(RECEIVER, 2, NOW).after();
            assertThat(reason(() -> rated.rate(RECEIVER, 5, NOW)))
                    .isEqualTo("You already rated K7Q2. Thanks, it's recorded.");
            assertThat(rated.rating()).isEqualTo(2);
        }
    }

    @Nested
    class Basics {

        @Test
        void overdueOnlyWhileOpenAndPastDue() {
            Set<PromiseStatus> overdue = EnumSet.noneOf(PromiseStatus.class);
            for (PromiseStatus s : PromiseStatus.values()) {
                if (promise(s).isOverdue(DUE.plusSeconds(1))) {
                    overdue.add(s);
                }
            }
            assertThat(overdue).containsExactly(PromiseStatus.OPEN);
            assertThat(open().isOverdue(DUE)).isFalse();
        }

        @Test
        void partiesAndPeople() {
            Promise p = open();
            assertThat(p.isParty(PROVIDER)).isTrue();
            assertThat(p.isParty(RECEIVER)).isTrue();
            assertThat(p.isParty(STRANGER)).isFalse();
            assertThat(p.provider()).isEqualTo(WS.person(PROVIDER));
            assertThat(p.receiver()).isEqualTo(WS.person(RECEIVER));
        }

        @Test
        void nullNotesBecomeEmpty() {
            Promise p = new Promise(ID, WS, PROVIDER, RECEIVER, "w", null, DUE, NOW, PromiseStatus.OPEN, 0, 0, null, 1);
            assertThat(p.whatMatters()).isEmpty();
            assertThat(p.closingNote()).isEmpty();
            assertThat(p.whatMattersNote()).isEmpty();
            Function<String, Promise> withMatters = m ->
                    new Promise(ID, WS, PROVIDER, RECEIVER, "w", m, DUE, NOW, PromiseStatus.OPEN, 0, 0, "", 1);
            assertThat(withMatters.apply("  ").whatMattersNote()).isEmpty();
            assertThat(withMatters.apply("speed").whatMattersNote()).contains("speed");
        }

        @Test
        void requiredFieldsAreRequired() {
            assertThatThrownBy(() -> new Promise(ID, WS, PROVIDER, RECEIVER, null, "", DUE, NOW,
                    PromiseStatus.OPEN, 0, 0, "", 1)).isInstanceOf(NullPointerException.class).hasMessage("what");
            assertThatThrownBy(() -> new Promise(ID, WS, PROVIDER, RECEIVER, "w", "", DUE, NOW,
                    null, 0, 0, "", 1)).isInstanceOf(NullPointerException.class).hasMessage("status");
        }
    }

    @Nested
    class ChecksBeforeAFormOpens {

        @Test
        void onlyTheProviderMayRenegotiateOrReleaseAndOnlyTheReceiverMaySuggest() {
            Promise p = open();
            assertThatCode(() -> p.checkMayRenegotiate(PROVIDER)).doesNotThrowAnyException();
            assertThatCode(() -> p.checkMayRelease(PROVIDER)).doesNotThrowAnyException();
            assertThatCode(() -> p.checkMaySuggest(RECEIVER)).doesNotThrowAnyException();
            for (String notAllowed : List.of(RECEIVER, "UTHIRD")) {
                assertThatThrownBy(() -> p.checkMayRenegotiate(notAllowed)).isInstanceOf(Refusal.class);
                assertThatThrownBy(() -> p.checkMayRelease(notAllowed)).isInstanceOf(Refusal.class);
            }
            for (String notAllowed : List.of(PROVIDER, "UTHIRD")) {
                assertThatThrownBy(() -> p.checkMaySuggest(notAllowed)).isInstanceOf(Refusal.class);
            }
        }

        @Test
        void nothingMayBeChangedOnceThePromiseIsClosed() {
            for (PromiseStatus closed : List.of(PromiseStatus.DELIVERED, PromiseStatus.ASSURED, PromiseStatus.RELEASED,
                    PromiseStatus.CANCELLED)) {
                Promise p = promise(closed);
                assertThatThrownBy(() -> p.checkMayRenegotiate(PROVIDER)).isInstanceOf(Refusal.class);
                assertThatThrownBy(() -> p.checkMayRelease(PROVIDER)).isInstanceOf(Refusal.class);
                assertThatThrownBy(() -> p.checkMaySuggest(RECEIVER)).isInstanceOf(Refusal.class);
            }
        }
    }
}
