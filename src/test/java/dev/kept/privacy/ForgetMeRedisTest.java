package dev.kept.privacy;

import dev.kept.testing.core.RecordingMessenger;
import dev.kept.chat.Directory;
import dev.kept.chat.Message;
import dev.kept.chat.PendingQuestions;
import dev.kept.chat.Person;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Profile;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.chat.Workspace;
import dev.kept.nudge.NudgePlanner;
import dev.kept.nudge.NudgeProperties;
import dev.kept.nudge.NudgeQueue;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseServiceBuilder;
import dev.kept.promise.PromiseStatus;
import dev.kept.promise.Side;
import dev.kept.store.redis.KeptRedisProperties;
import dev.kept.store.redis.RedisAdapterState;
import dev.kept.store.redis.RedisForgetting;
import dev.kept.store.redis.RedisNudgeQueue;
import dev.kept.store.redis.RedisPendingQuestions;
import dev.kept.store.redis.RedisProfileCache;
import dev.kept.store.redis.RedisPromiseStore;
import dev.kept.store.redis.RedisSettingsStore;
import dev.kept.testing.MutableClock;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Forget-me against the real Redis stores: after it, no key name and no value anywhere in Redis holds
 * the person's id, while their colleagues' promises are whole; it can be run again, and a run that
 * stopped half-way is finished by the next one.
 */
class ForgetMeRedisTest {

    static final Workspace WS = new Workspace("slack", "T1");
    static final Person ALICE = WS.person("U111");
    static final Person BOB = WS.person("U222");
    static final Person CAROL = WS.person("U333");
    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    static final NudgeProperties NUDGES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("kept.nudges", NudgeProperties.class);

    final StringRedisTemplate redis = TestRedis.template();
    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix("kept-test:");
    final MutableClock clock = new MutableClock(MONDAY);
    final RedisPromiseStore store = new RedisPromiseStore(redis, properties);
    final RedisNudgeQueue queue = new RedisNudgeQueue(redis, properties);
    final RedisSettingsStore settings = new RedisSettingsStore(redis, properties);
    final RedisProfileCache profiles = new RedisProfileCache(redis, properties);
    final RedisPendingQuestions questions = new RedisPendingQuestions(redis, properties, clock);
    final RedisForgetting forgetting = new RedisForgetting(redis, properties);
    final RedisAdapterState adapterState = new RedisAdapterState(redis, properties);
    final RecordingMessenger messenger = new RecordingMessenger();
    final Directory directory = person -> Optional.of(new Profile(person, person.userId().toLowerCase(),
            ZoneId.of("Europe/Berlin"), false, true));
    final NudgePlanner planner = new NudgePlanner(NUDGES, directory, clock, settings);
    final PromiseService promises = PromiseServiceBuilder.with(store, directory, messenger, clock).followUps(planner)
            .settings(settings).questions(questions).answerWindow(Duration.ofHours(24)).build();

    Promise bobToAlice;      // open: Bob made it
    Promise aliceToBob;      // open: made to Bob
    Promise bobToCarol;      // delivered, rated, with feedback both ways
    Promise aliceDelivered;  // delivered to Bob, his rating question queued
    Promise bobAsksCarol;    // a request Bob made
    Promise carolToAlice;    // nothing to do with Bob

    @BeforeEach
    void aWeekWithBob() {
        TestRedis.flushAll();
        Instant friday = MONDAY.plus(Duration.ofDays(4));
        bobToAlice = promises.make(BOB, ALICE.userId(), "the Q3 deck", "the revenue slide", friday).promise();
        aliceToBob = promises.make(ALICE, BOB.userId(), "a review of U222's draft", "", friday).promise();
        bobToCarol = promises.make(BOB, CAROL.userId(), "lunch", "", friday).promise();
        promises.deliver(BOB, bobToCarol.id());
        promises.rate(CAROL, bobToCarol.id(), 5);
        Promise rated = store.find(WS, bobToCarol.id()).orElseThrow();
        store.apply(rated.giveFeedback(CAROL.userId(), "", "", "thanks, Bob", MONDAY), FollowUps.Plan.none());
        rated = store.find(WS, bobToCarol.id()).orElseThrow();
        store.apply(rated.replyToFeedback(BOB.userId(), "any time", MONDAY), FollowUps.Plan.none());
        aliceDelivered = promises.make(ALICE, BOB.userId(), "the report", "", friday).promise();
        promises.deliver(ALICE, aliceDelivered.id());
        bobAsksCarol = store.create(new PromiseDraft(WS, CAROL.userId(), BOB.userId(), "a hand with the move", "",
                friday, MONDAY, PromiseStatus.REQUESTED), new HistoryEntry(MONDAY, BOB.userId(), Event.REQUESTED, ""),
                p -> FollowUps.Plan.none());
        carolToAlice = promises.make(CAROL, ALICE.userId(), "the budget", "", friday).promise();

        // What is Bob's alone: settings, a cached profile, a question waiting, nudges held, counted, failed, snoozed.
        settings.save(BOB, new PersonalSettings("Asia/Tokyo", LocalTime.of(10, 0), LocalTime.of(16, 0), 2, false));
        directory.lookup(BOB).ifPresent(p -> profiles.put(p, Duration.ofHours(12)));
        directory.lookup(ALICE).ifPresent(p -> profiles.put(p, Duration.ofHours(12)));
        questions.expect(BOB, new PendingQuestions.Question("matters", bobToAlice.id().value()), Duration.ofHours(24));
        LocalDate today = LocalDate.of(2026, 11, 23);
        queue.reserve(BOB, today);
        queue.reserve(ALICE, today);
        String snooze = bobToAlice.id().value() + ".reminder." + friday.getEpochSecond() + ".again" + MONDAY.getEpochSecond();
        queue.schedule(WS, List.of(new FollowUp(snooze, MONDAY.plusSeconds(1), Map.of("kind", "REMINDER",
                "promise", bobToAlice.id().value(), "recipient", BOB.userId(), "due", Long.toString(friday.toEpochMilli())))));
        clock.set(MONDAY.plusSeconds(1));
        List<NudgeQueue.Claim> claimed = queue.claim(clock.instant(), Duration.ofMinutes(1), 10);
        NudgeQueue.Claim snoozed = claimed.stream().filter(c -> c.id().equals(snooze)).findFirst().orElseThrow();
        FollowUp digest = new FollowUp("digest.U222.2026-11-24", MONDAY.plus(Duration.ofDays(1)),
                Map.of("kind", "DIGEST", "recipient", BOB.userId(), "day", "2026-11-24"));
        assertThat(queue.hold(snoozed, BOB, digest)).isTrue();
        queue.schedule(WS, List.of(new FollowUp("digest.U222.2026-11-20", MONDAY,
                Map.of("kind", "DIGEST", "recipient", BOB.userId(), "day", "2026-11-20"))));
        NudgeQueue.Claim old = queue.claim(clock.instant(), Duration.ofMinutes(1), 10).stream()
                .filter(c -> c.id().startsWith("digest.")).findFirst().orElseThrow();
        queue.fail(old, "channel_not_found for U222");
        redis.opsForValue().set("kept-test:{slack:T1}:nudge:sent:digest.U222.2026-11-19", "1", Duration.ofDays(30));
        // What an adapter keeps about Bob (Teams keeps how to reach him, the cards it sent him, his name).
        adapterState.put(BOB, "address", "{\"user\":\"U222\"}");
        adapterState.putFor(BOB, "card:C1", "a card for U222", Duration.ofDays(30));
        adapterState.putName(BOB, "Bob (U222)");
        adapterState.putName(ALICE, "Alice");
        messenger.sent.clear();

        assertThat(everythingMentioning("U222")).as("Bob is all over Redis before").hasSizeGreaterThan(10);
    }

    /** Every key whose name or value (any type) holds {@code text}, with what holds it. */
    List<String> everythingMentioning(String text) {
        List<String> found = new ArrayList<>();
        TestRedis.snapshot(redis).forEach((key, value) -> {
            if (key.contains(text) || value.contains(text)) {
                found.add(key + " = " + value);
            }
        });
        return found;
    }

    ForgetMeInbound command(Forgetting with) {
        return new ForgetMeInbound(store, with, messenger, clock);
    }

    @Test
    void afterForgetMeNoKeyAndNoValueHoldsTheIdAndColleaguesKeepTheirPromises() {
        Map<String, String> carolsOwn = Map.of(
                "promise", TestRedis.snapshot(redis).get("kept-test:{slack:T1}:promise:" + carolToAlice.id().value()),
                "history", TestRedis.snapshot(redis).get("kept-test:{slack:T1}:history:" + carolToAlice.id().value()));

        ForgetMeInbound.Report report = command(forgetting).forget(BOB);

        assertThat(everythingMentioning("U222")).isEmpty();
        assertThat(adapterState.names(WS)).containsExactly(Map.entry("U111", "Alice"));
        assertThat(report.anonymised()).isEqualTo(5);
        assertThat(report.closed()).isEqualTo(3);   // the two open promises with Alice, the request to Carol

        // Alice still has every promise she had with Bob, readable, with "a former colleague" in his place.
        Promise released = store.find(WS, bobToAlice.id()).orElseThrow();
        assertThat(released.status()).isEqualTo(PromiseStatus.RELEASED);
        assertThat(released.providerId()).isEqualTo(FormerColleague.ID);
        assertThat(released.what()).isEqualTo("the Q3 deck");
        assertThat(released.whatMatters()).isEqualTo("the revenue slide");
        Promise cancelled = store.find(WS, aliceToBob.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(PromiseStatus.CANCELLED);
        assertThat(cancelled.what()).isEqualTo("a review of a former colleague's draft");
        assertThat(store.all(ALICE, Side.RECEIVED)).extracting(Promise::id).contains(bobToAlice.id(), carolToAlice.id());
        assertThat(store.all(ALICE, Side.MADE)).extracting(Promise::id).containsExactlyInAnyOrder(aliceToBob.id(),
                aliceDelivered.id());
        assertThat(store.open(ALICE, Side.MADE, 10)).isEmpty();
        assertThat(store.open(ALICE, Side.RECEIVED, 10)).extracting(Promise::id).containsExactly(carolToAlice.id());
        assertThat(store.history(WS, bobToAlice.id())).extracting(HistoryEntry::actorId)
                .containsExactly(FormerColleague.ID, FormerColleague.ID);
        assertThat(store.history(WS, bobToAlice.id()).get(1).event()).isEqualTo(Event.RELEASED);

        // Carol keeps her rating and the feedback both ways; the request Bob made her is withdrawn.
        Promise lunch = store.find(WS, bobToCarol.id()).orElseThrow();
        assertThat(lunch.status()).isEqualTo(PromiseStatus.ASSURED);
        assertThat(lunch.rating()).isEqualTo(5);
        assertThat(lunch.feedback().thanks()).isEqualTo("thanks, Bob");
        assertThat(lunch.feedback().reply()).isEqualTo("any time");
        assertThat(store.find(WS, bobAsksCarol.id()).orElseThrow().status()).isEqualTo(PromiseStatus.CANCELLED);
        assertThat(store.history(WS, carolToAlice.id())).isNotEmpty();
        assertThat(TestRedis.snapshot(redis).get("kept-test:{slack:T1}:promise:" + carolToAlice.id().value()))
                .isEqualTo(carolsOwn.get("promise"));
        assertThat(TestRedis.snapshot(redis).get("kept-test:{slack:T1}:history:" + carolToAlice.id().value()))
                .isEqualTo(carolsOwn.get("history"));

        // Nobody is nudged about a promise with Bob any more; Carol's promise to Alice still is.
        assertThat(TestRedis.snapshot(redis).get("kept-test:{slack:T1}:nudge:due")).doesNotContain(
                bobToAlice.id().value(), aliceToBob.id().value(), aliceDelivered.id().value())
                .contains(carolToAlice.id().value());
        assertThat(settings.of(ALICE)).isEqualTo(PersonalSettings.DEFAULTS);
        assertThat(profiles.get(ALICE)).isPresent();
        assertThat(queue.reserve(ALICE, LocalDate.of(2026, 11, 23))).isEqualTo(2);

        // Each colleague with something closed is told once: Alice of both, Carol of her request.
        assertThat(messenger.sent).extracting(s -> s.to().userId()).containsExactlyInAnyOrder("U111", "U333");
        Message toAlice = messenger.sent.stream().filter(s -> s.to().equals(ALICE)).findFirst().orElseThrow().message();
        assertThat(toAlice.toString()).contains("the Q3 deck", "a review of a former colleague's draft")
                .doesNotContain("U222");
    }

    @Test
    void runningItAgainChangesNothingAndTellsNobodyTwice() {
        command(forgetting).forget(BOB);
        Map<String, String> after = TestRedis.snapshot(redis);
        int told = messenger.sent.size();

        ForgetMeInbound.Report again = command(forgetting).forget(BOB);

        assertThat(again.anonymised()).isZero();
        assertThat(TestRedis.snapshot(redis)).isEqualTo(after);
        assertThat(messenger.sent).hasSize(told);
    }

    @Test
    void aRunThatStoppedHalfWayIsFinishedByTheNextOne() {
        AtomicInteger calls = new AtomicInteger();
        Forgetting failing = new Forgetting() {
            @Override
            public boolean anonymise(Promise before, int historyRead, Promise after, List<HistoryEntry> history) {
                if (calls.incrementAndGet() > 2) {
                    throw new StoreUnavailableException("Redis went away", null);
                }
                return forgetting.anonymise(before, historyRead, after, history);
            }

            @Override
            public boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now) {
                throw new AssertionError("not reached");
            }
        };
        assertThatThrownBy(() -> command(failing).forget(BOB)).isInstanceOf(StoreUnavailableException.class);
        assertThat(everythingMentioning("U222")).isNotEmpty();

        ForgetMeInbound.Report finished = command(forgetting).forget(BOB);

        assertThat(finished.anonymised()).isEqualTo(3);
        assertThat(everythingMentioning("U222")).isEmpty();
        assertThat(store.all(ALICE, Side.MADE)).hasSize(2);
        assertThat(store.all(ALICE, Side.RECEIVED)).hasSize(2);
    }

    @Test
    void aColleaguesChangeAtTheSameMomentIsKeptAndTheRunGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        Forgetting racing = new Forgetting() {
            @Override
            public boolean anonymise(Promise before, int historyRead, Promise after, List<HistoryEntry> history) {
                if (before.id().equals(bobToAlice.id()) && calls.incrementAndGet() == 1) {
                    promises.acknowledge(ALICE, bobToAlice.id());   // Alice clicks "sounds good" just then
                }
                return forgetting.anonymise(before, historyRead, after, history);
            }

            @Override
            public boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now) {
                return forgetting.erase(person, theirPromises, now);
            }
        };

        command(racing).forget(BOB);

        assertThat(calls.get()).isEqualTo(2);
        assertThat(store.history(WS, bobToAlice.id())).extracting(HistoryEntry::event)
                .containsExactly(Event.CREATED, Event.ACKNOWLEDGED, Event.RELEASED);
        assertThat(everythingMentioning("U222")).isEmpty();
    }

    @Test
    void aPromiseMadeWithThemWhileTheyAreForgottenIsAnonymisedToo() {
        AtomicInteger erased = new AtomicInteger();
        Forgetting meanwhile = new Forgetting() {
            @Override
            public boolean anonymise(Promise before, int historyRead, Promise after, List<HistoryEntry> history) {
                return forgetting.anonymise(before, historyRead, after, history);
            }

            @Override
            public boolean erase(Person person, Collection<PromiseId> theirPromises, Instant now) {
                if (erased.incrementAndGet() == 1) {   // Carol promises Bob something just before his lists go
                    promises.make(CAROL, BOB.userId(), "a coffee", "", MONDAY.plus(Duration.ofDays(2)));
                }
                return forgetting.erase(person, theirPromises, now);
            }
        };

        ForgetMeInbound.Report report = command(meanwhile).forget(BOB);

        assertThat(erased.get()).isEqualTo(2);
        assertThat(report.anonymised()).isEqualTo(6);
        assertThat(everythingMentioning("U222")).isEmpty();
        assertThat(store.all(CAROL, Side.MADE)).filteredOn(p -> p.what().equals("a coffee")).singleElement()
                .satisfies(p -> assertThat(p.receiverId()).isEqualTo(FormerColleague.ID));
    }

    @Test
    void aListedPromiseThatIsGoneDoesNotHoldItUp() {
        redis.opsForZSet().add("kept-test:{slack:T1}:made:closed:U222", "ZZ99", 1);   // listed, but its hash is gone

        command(forgetting).forget(BOB);

        assertThat(everythingMentioning("U222")).isEmpty();
    }
}
