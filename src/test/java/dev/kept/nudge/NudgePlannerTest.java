package dev.kept.nudge;

import dev.kept.chat.Directory;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps.Plan;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseStatus;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.kept.testing.PromiseBuilder.aPromise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the planner schedules and cancels, and when, with the default settings bound as Spring binds them.
 * 2026-11-23 is a Monday; in November Berlin is UTC+1, New York UTC-5, Tokyo UTC+9.
 */
class NudgePlannerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    static final Workspace WS = new Workspace("slack", "T123");
    static final PromiseId ID = new PromiseId("K7Q2");
    static final String ALICE = "U111";   // Berlin
    static final String BOB = "U222";     // New York
    static final String CAROL = "U333";   // Tokyo
    static final String DANA = "U444";    // Jerusalem
    static final String NOBODY = "U999";  // not in the directory

    static final Map<String, ZoneId> ZONES = Map.of(ALICE, BERLIN, BOB, NEW_YORK, CAROL, TOKYO, DANA, JERUSALEM);

    static final Directory DIRECTORY = person -> Optional.ofNullable(ZONES.get(person.userId()))
            .map(zone -> new Profile(person, person.userId(), zone, false, true));

    static final NudgeProperties DEFAULTS = bind(Map.of());
    static final NudgeProperties HOURS_OFF = bind(Map.of("kept.nudges.working-hours.enabled", "false"));

    static NudgeProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("kept.nudges", NudgeProperties.class);
    }

    static NudgePlanner planner(Instant now) {
        return planner(DEFAULTS, now);
    }

    static NudgePlanner planner(NudgeProperties settings, Instant now) {
        return new NudgePlanner(settings, DIRECTORY, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return at(localDateTime, BERLIN);
    }

    static Instant newYork(String localDateTime) {
        return at(localDateTime, NEW_YORK);
    }

    static Instant tokyo(String localDateTime) {
        return at(localDateTime, TOKYO);
    }

    static Promise promise(String provider, String receiver, Instant due, Instant created, PromiseStatus status) {
        return aPromise().id(ID).in(WS).from(provider).to(receiver).what("the Q3 deck")
                .due(due).created(created).status(status).version(3).build();
    }

    static Promise open(String provider, String receiver, Instant due, Instant created) {
        return promise(provider, receiver, due, created, PromiseStatus.OPEN);
    }

    /** A nudge id as the dispatcher, the buttons and the queue know it (written out, not computed by Nudge). */
    static String id(NudgeKind kind, Instant plannedDue) {
        return ID.value() + "." + kind.name().toLowerCase(Locale.ROOT) + "." + plannedDue.getEpochSecond();
    }

    static Tuple job(NudgeKind kind, Instant plannedDue, Instant at) {
        return tuple(id(kind, plannedDue), at);
    }

    static List<String> deliveryIds(Instant due) {
        return List.of(id(NudgeKind.REMINDER, due), id(NudgeKind.DUE, due), id(NudgeKind.OVERDUE, due),
                id(NudgeKind.SLIPPED, due));
    }

    static Nudge nudge(NudgeKind kind, String recipient, Instant plannedDue) {
        return Nudge.of(ID, WS, kind, recipient, plannedDue);
    }

    @Nested
    class Settings {

        @Test
        void springBindsTheDocumentedDefaults() {
            NudgeProperties expected = new NudgeProperties(true,
                    new NudgeProperties.WorkingHoursSettings(true, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                            LocalTime.of(9, 0), LocalTime.of(18, 0)),
                    Duration.ofDays(2), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ofHours(2),
                    Duration.ofDays(1), Duration.ofDays(7), Duration.ofHours(1), 5, Duration.ofSeconds(1), 100,
                    Duration.ofSeconds(30), 8, 6);
            assertThat(DEFAULTS).isEqualTo(expected);
            assertThat(planner(Instant.EPOCH).hours()).isEqualTo(WorkingHours.standard());
            assertThat(planner(Instant.EPOCH).ratingOpenFor()).isEqualTo(Duration.ofDays(7));
            assertThat(planner(HOURS_OFF, Instant.EPOCH).hours()).isEqualTo(WorkingHours.always());
        }

        @Test
        void aPersonTheDirectoryDoesNotKnowIsInUtc() {
            NudgePlanner planner = planner(Instant.EPOCH);
            assertThat(planner.zoneOf(WS.person(CAROL))).isEqualTo(TOKYO);
            assertThat(planner.zoneOf(WS.person(NOBODY))).isEqualTo(ZoneOffset.UTC);

            // Due Saturday noon UTC: the due-time question waits for Monday 09:00 UTC.
            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            Instant due = Instant.parse("2026-11-28T12:00:00Z");
            Plan plan = planner(now).afterCreate(open(NOBODY, ALICE, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).contains(
                    job(NudgeKind.DUE, due, Instant.parse("2026-11-30T09:00:00Z")));
        }

        @Test
        void configuredWorkingDaysAndHoursAreUsed() {
            NudgeProperties sundayToThursday = bind(Map.of(
                    "kept.nudges.working-hours.days", "SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
                    "kept.nudges.working-hours.start", "08:00",
                    "kept.nudges.working-hours.end", "16:00"));
            Instant now = at("2026-11-23T10:00", JERUSALEM);
            Instant due = at("2026-11-27T12:00", JERUSALEM);   // a Friday: not a working day there
            Plan plan = planner(sundayToThursday, now).afterCreate(open(DANA, ALICE, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    // one working day before Friday 12:00 is Thursday 12:00
                    job(NudgeKind.REMINDER, due, at("2026-11-26T12:00", JERUSALEM)),
                    job(NudgeKind.DUE, due, at("2026-11-29T08:00", JERUSALEM)));
        }
    }

    @Nested
    class AfterCreate {

        @Test
        void farOffRemindedOneWorkingDayBeforeAndAskedAtTheDueTime() {
            Instant now = berlin("2026-11-23T10:00");   // Monday
            Instant due = berlin("2026-11-26T15:00");   // Thursday
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));

            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-25T15:00")),
                    job(NudgeKind.DUE, due, due));
            assertThat(plan.cancel()).isEmpty();
            assertThat(plan.schedule().get(0).data()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "kind", "REMINDER", "promise", "K7Q2", "recipient", ALICE,
                    "due", Long.toString(due.toEpochMilli())));
            assertThat(plan.schedule().get(1).data()).containsEntry("kind", "DUE").containsEntry("recipient", ALICE);
        }

        @Test
        void oneWorkingDayBeforeAMondaySkipsTheWeekend() {
            Instant now = berlin("2026-11-20T08:00");   // Friday, before the window
            Instant due = berlin("2026-11-23T10:00");   // Monday
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-20T10:00")),
                    job(NudgeKind.DUE, due, due));
        }

        @Test
        void dueInADayRemindedWhenHalfTheTimeIsLeft() {
            Instant now = berlin("2026-11-23T04:00");
            Instant due = berlin("2026-11-24T04:00");
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-23T16:00")),
                    // 04:00 is before Alice's window: asked when it opens
                    job(NudgeKind.DUE, due, berlin("2026-11-24T09:00")));
        }

        @ParameterizedTest(name = "due in {0} min: reminder {1} min from now")
        @CsvSource({
                "180, 90",   // half the time
                "120, 60",   // half the time = the min lead
                "90, 30",    // the min lead: an hour before, not half-way (45)
                "61, 1",
                "60, ",      // an hour before would be now: none
                "50, "})
        void soonDueRemindedAtLeastTheMinLeadBeforeOrNotAtAll(long dueInMinutes, Long reminderInMinutes) {
            Instant now = berlin("2026-11-23T10:00");
            Instant due = now.plus(Duration.ofMinutes(dueInMinutes));
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            if (reminderInMinutes == null) {
                assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                        job(NudgeKind.DUE, due, due));
            } else {
                assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                        job(NudgeKind.REMINDER, due, now.plus(Duration.ofMinutes(reminderInMinutes))),
                        job(NudgeKind.DUE, due, due));
            }
        }

        @Test
        void aHalfTimeAtNightMovesToTheNextMorningWhenThatIsStillAnHourAhead() {
            Instant now = berlin("2026-11-23T10:00");
            Instant due = berlin("2026-11-24T10:00");   // half-time: Monday 22:00
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-24T09:00")),
                    job(NudgeKind.DUE, due, due));
        }

        @Test
        void aHalfTimeAtNightMovesBackToThePreviousWindowsEndWhenTheMorningIsTooLate() {
            Instant now = berlin("2026-11-23T09:30");
            Instant due = berlin("2026-11-24T09:30");   // half-time: Monday 21:30; Tuesday 09:00 is < 1 h before
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-23T17:30")),
                    job(NudgeKind.DUE, due, due));
        }

        @Test
        void aFarReminderWhoseDayBeforeHasPassedFallsBackToHalfTheTime() {
            Instant now = berlin("2026-11-27T11:00");   // Friday 11:00, for Monday 10:00
            Instant due = berlin("2026-11-30T10:00");   // a working day before (Friday 10:00) has passed
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-30T09:00")),
                    job(NudgeKind.DUE, due, due));
        }

        @Test
        void aDueOnASaturdayIsAskedAboutOnMondayMorningAndRemindedOnFriday() {
            Instant now = berlin("2026-11-23T10:00");
            Instant due = berlin("2026-11-28T12:00");   // Saturday
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, berlin("2026-11-27T12:00")),
                    job(NudgeKind.DUE, due, berlin("2026-11-30T09:00")));
        }

        @ParameterizedTest(name = "due {0} Berlin: asked {1}")
        @CsvSource({
                "2026-11-26T17:59, 2026-11-26T17:59",   // inside the window: as is
                "2026-11-26T18:00, 2026-11-27T09:00",   // the window's end is not in it
                "2026-11-26T07:00, 2026-11-26T09:00",
                "2026-11-27T20:00, 2026-11-30T09:00",   // Friday evening
                "2026-11-29T12:00, 2026-11-30T09:00"})  // Sunday
        void aDueTimeOutsideWorkingHoursIsAskedAboutAtTheNextWindowStart(String dueLocal, String askedLocal) {
            Instant now = berlin("2026-11-23T10:00");
            Instant due = berlin(dueLocal);
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at)
                    .contains(job(NudgeKind.DUE, due, berlin(askedLocal)));
        }

        @Test
        void timesFollowTheProvidersZoneNotTheReceivers() {
            // Carol (Tokyo) promises Alice (Berlin) something by Friday 20:00 Tokyo = 12:00 Berlin.
            Instant now = tokyo("2026-11-23T10:00");
            Instant due = tokyo("2026-11-27T20:00");
            Plan plan = planner(now).afterCreate(open(CAROL, ALICE, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    // Thursday 20:00 is after Carol's window: the next morning, still well before the due
                    job(NudgeKind.REMINDER, due, tokyo("2026-11-27T09:00")),
                    job(NudgeKind.DUE, due, tokyo("2026-11-30T09:00")));
            assertThat(plan.schedule()).allSatisfy(f -> assertThat(f.data()).containsEntry("recipient", CAROL));
        }

        @Test
        void withWorkingHoursOffEverythingIsPlainTime() {
            Instant now = Instant.parse("2026-11-23T09:00:00Z");
            Instant inADay = Instant.parse("2026-11-24T09:00:00Z");
            assertThat(planner(HOURS_OFF, now).afterCreate(open(ALICE, BOB, inADay, now)).schedule())
                    .extracting(FollowUp::id, FollowUp::at).containsExactly(
                            job(NudgeKind.REMINDER, inADay, Instant.parse("2026-11-23T21:00:00Z")),   // at night
                            job(NudgeKind.DUE, inADay, inADay));

            Instant sundayNight = berlin("2026-11-29T03:00");
            assertThat(planner(HOURS_OFF, now).afterCreate(open(ALICE, BOB, sundayNight, now)).schedule())
                    .extracting(FollowUp::id, FollowUp::at).containsExactly(
                            job(NudgeKind.REMINDER, sundayNight, berlin("2026-11-28T03:00")),   // a calendar day
                            job(NudgeKind.DUE, sundayNight, sundayNight));
        }
    }

    @Nested
    class AcrossDaylightSaving {

        @Test
        void berlinSpringForwardReminderIsOneWorkingDayBeforeInLocalTime() {
            Instant now = berlin("2027-03-24T10:00");   // Wednesday, CET
            Instant due = berlin("2027-03-29T10:00");   // Monday, CEST (clocks went forward on Sunday 28 March)
            assertThat(due).isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
            Plan plan = planner(now).afterCreate(open(ALICE, BOB, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, Instant.parse("2027-03-26T09:00:00Z")),   // Friday 10:00 CET
                    job(NudgeKind.DUE, due, due));
        }

        @Test
        void berlinSpringForwardOverdueIsTheSameLocalTimeOnMonday() {
            Instant due = berlin("2027-03-26T15:00");   // Friday, CET = 14:00Z
            Promise p = open(ALICE, BOB, due, berlin("2027-03-22T10:00"));
            assertThat(planner(due).afterSent(nudge(NudgeKind.DUE, ALICE, due), p, due))
                    .filteredOn(f -> f.data().get("recipient").equals(ALICE))
                    .extracting(FollowUp::id, FollowUp::at).containsExactly(
                            job(NudgeKind.OVERDUE, due, Instant.parse("2027-03-29T13:00:00Z")));   // Monday 15:00 CEST
        }

        @Test
        void newYorkFallBackRatingAskedTwoWorkingHoursAfterAFridayEveningDelivery() {
            Instant due = newYork("2026-10-30T12:00");
            Instant delivered = newYork("2026-10-30T17:30");   // Friday, EDT
            assertThat(delivered).isEqualTo(Instant.parse("2026-10-30T21:30:00Z"));
            Promise p = open(ALICE, BOB, due, newYork("2026-10-26T09:00"));
            Plan plan = planner(delivered).afterChange(p.deliver(ALICE, delivered));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    // half an hour on Friday, an hour and a half on Monday (clocks went back on Sunday 1 November)
                    job(NudgeKind.RATING, due, Instant.parse("2026-11-02T15:30:00Z")));   // Monday 10:30 EST
        }

        @Test
        void newYorkFallBackRatingAgainAtTheSameWallClockTimeAWorkingDayLater() {
            Instant due = newYork("2026-10-29T12:00");
            Promise p = promise(ALICE, BOB, due, newYork("2026-10-26T09:00"), PromiseStatus.DELIVERED);
            Instant asked = newYork("2026-10-30T10:30");   // Friday, EDT = 14:30Z
            assertThat(planner(asked).afterSent(nudge(NudgeKind.RATING, BOB, due), p, asked))
                    .extracting(FollowUp::id, FollowUp::at).containsExactly(
                            job(NudgeKind.RATING_AGAIN, due, Instant.parse("2026-11-02T15:30:00Z")));   // Monday 10:30 EST
        }

        @Test
        void newYorkFallBackReminderForAMondayDue() {
            Instant now = newYork("2026-10-28T10:00");   // Wednesday, EDT
            Instant due = newYork("2026-11-02T10:00");   // Monday, EST = 15:00Z
            Plan plan = planner(now).afterCreate(open(BOB, ALICE, due, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, due, Instant.parse("2026-10-30T14:00:00Z")),   // Friday 10:00 EDT
                    job(NudgeKind.DUE, due, Instant.parse("2026-11-02T15:00:00Z")));
        }
    }

    @Nested
    class AfterChange {

        final Instant created = berlin("2026-11-23T10:00");
        final Instant due = berlin("2026-11-26T15:00");   // Thursday
        final Promise open = open(ALICE, BOB, due, created);

        @Test
        void aNewDueDateGetsNewNudgesAndTheOldOnesAreCancelled() {
            Instant now = berlin("2026-11-24T10:00");
            Instant newDue = berlin("2026-12-03T15:00");   // the Thursday after
            Plan plan = planner(now).afterChange(open.changeDue(ALICE, newDue, "numbers came in late", now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, newDue, berlin("2026-12-02T15:00")),
                    job(NudgeKind.DUE, newDue, newDue));
            assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(deliveryIds(due));
        }

        @Test
        void aNewDueDateSoonIsPlannedFromTheTimeOfTheChange() {
            Instant now = berlin("2026-11-27T10:00");   // overdue since Thursday
            Instant newDue = berlin("2026-11-27T11:30");
            Plan plan = planner(now).afterChange(open.changeDue(ALICE, newDue, "", now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.REMINDER, newDue, berlin("2026-11-27T10:30")),
                    job(NudgeKind.DUE, newDue, newDue));
            assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(deliveryIds(due));
        }

        @Test
        void deliveredAsksTheReceiverInTheirOwnWorkingHours() {
            Instant now = berlin("2026-11-27T17:30");   // Friday evening in Berlin, 11:30 in New York
            Plan plan = planner(now).afterChange(open.deliver(ALICE, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    // two working hours for Bob: 13:30 New York (in Berlin's hours it would be Monday)
                    job(NudgeKind.RATING, due, newYork("2026-11-27T13:30")));
            assertThat(plan.schedule().get(0).data()).containsEntry("kind", "RATING").containsEntry("recipient", BOB)
                    .containsEntry("due", Long.toString(due.toEpochMilli()));
            assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(deliveryIds(due));
        }

        @Test
        void deliveredAfterTheReceiversWindowIsAskedInTheirNextOne() {
            Instant now = newYork("2026-11-27T19:00");   // Friday, after Bob's window
            Plan plan = planner(now).afterChange(open.deliver(ALICE, now));
            assertThat(plan.schedule()).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.RATING, due, newYork("2026-11-30T11:00")));
        }

        @Test
        void releasedByTheProviderCancelsTheDeliveryNudgesAndPlansNothing() {
            Instant now = berlin("2026-11-24T10:00");
            Promise.Change released = open.cancel(ALICE, "the project was stopped", now);
            assertThat(released.after().status()).isEqualTo(PromiseStatus.RELEASED);
            Plan plan = planner(now).afterChange(released);
            assertThat(plan.schedule()).isEmpty();
            assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(deliveryIds(due));
        }

        @Test
        void cancelledByTheReceiverCancelsTheDeliveryNudgesAndPlansNothing() {
            Instant now = berlin("2026-11-24T10:00");
            Promise.Change cancelled = open.cancel(BOB, "", now);
            assertThat(cancelled.after().status()).isEqualTo(PromiseStatus.CANCELLED);
            Plan plan = planner(now).afterChange(cancelled);
            assertThat(plan.schedule()).isEmpty();
            assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(deliveryIds(due));
        }

        @Test
        void ratedCancelsBothRatingQuestions() {
            Instant now = berlin("2026-11-27T12:00");
            Promise delivered = promise(ALICE, BOB, due, created, PromiseStatus.DELIVERED);
            Plan plan = planner(now).afterChange(delivered.rate(BOB, 4, now));
            assertThat(plan.schedule()).isEmpty();
            assertThat(plan.cancel()).containsExactlyInAnyOrder(
                    id(NudgeKind.RATING, due), id(NudgeKind.RATING_AGAIN, due));
        }

        @Test
        void changesThatLeaveDateAndStatusAloneChangeNothing() {
            Instant now = berlin("2026-11-24T10:00");
            Promise.Change acknowledged = open.acknowledge(BOB, now);
            assertThat(acknowledged.after().version()).isEqualTo(open.version() + 1);
            assertThat(planner(now).afterChange(acknowledged)).isEqualTo(Plan.none());

            Promise.Change suggested = open.suggestChange(BOB, Optional.of(berlin("2026-11-25T10:00")), "sooner?", now);
            assertThat(planner(now).afterChange(suggested)).isEqualTo(Plan.none());
        }
    }

    @Nested
    class AfterSent {

        final Instant due = berlin("2026-11-27T15:00");   // Friday
        final Promise open = open(ALICE, BOB, due, berlin("2026-11-23T10:00"));

        @Test
        void theDueQuestionIsFollowedOnceAWorkingDayAfterItWasAsked() {
            Instant sent = due.plus(Duration.ofMinutes(1));
            List<FollowUp> next = planner(sent).afterSent(nudge(NudgeKind.DUE, ALICE, due), open, sent);
            assertThat(next).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.OVERDUE, due, berlin("2026-11-30T15:01")),   // Monday, not Saturday
                    job(NudgeKind.SLIPPED, due, newYork("2026-11-30T09:01")));
            assertThat(next.get(0).data()).containsEntry("kind", "OVERDUE").containsEntry("recipient", ALICE);
        }

        @Test
        void theReceiverIsOfferedHelpTimeOrClarityWhenTheProviderIsFollowedUp() {
            Instant sent = due.plus(Duration.ofMinutes(1));   // Friday 15:01 Berlin = 09:01 in New York
            List<FollowUp> next = planner(sent).afterSent(nudge(NudgeKind.DUE, ALICE, due), open, sent);
            assertThat(next.get(1).data()).containsEntry("kind", "SLIPPED").containsEntry("recipient", BOB);
            assertThat(next.get(1).at()).isEqualTo(newYork("2026-11-30T09:01"));   // a working day later, Bob's day
        }

        @Test
        void aWeekendDueIsAskedOnMondayAndFollowedUpOnTuesdayNotBothOnMonday() {
            Instant saturday = berlin("2026-11-28T08:00");
            Promise p = promise(ALICE, BOB, saturday, berlin("2026-11-23T10:00"), PromiseStatus.OPEN);
            Instant asked = berlin("2026-11-30T09:00");
            List<FollowUp> next = planner(asked).afterSent(nudge(NudgeKind.DUE, ALICE, saturday), p, asked);
            assertThat(next).filteredOn(f -> f.data().get("recipient").equals(ALICE))
                    .extracting(FollowUp::at).containsExactly(berlin("2026-12-01T09:00"));
        }

        @Test
        void theRatingQuestionIsAskedAgainAWorkingDayLaterInTheReceiversZone() {
            Promise delivered = promise(ALICE, BOB, due, berlin("2026-11-23T10:00"), PromiseStatus.DELIVERED);
            Instant asked = newYork("2026-11-27T13:30");   // Friday
            List<FollowUp> next = planner(asked).afterSent(nudge(NudgeKind.RATING, BOB, due), delivered, asked);
            assertThat(next).extracting(FollowUp::id, FollowUp::at).containsExactly(
                    job(NudgeKind.RATING_AGAIN, due, newYork("2026-11-30T13:30")));
            assertThat(next.get(0).data()).containsEntry("kind", "RATING_AGAIN").containsEntry("recipient", BOB);
        }

        @ParameterizedTest
        @EnumSource(value = NudgeKind.class, names = {"REMINDER", "OVERDUE", "SLIPPED", "RATING_AGAIN"})
        void nothingFollowsTheOthers(NudgeKind kind) {
            Instant sent = due.plus(Duration.ofDays(1));
            String recipient = kind == NudgeKind.RATING_AGAIN || kind == NudgeKind.SLIPPED ? BOB : ALICE;
            assertThat(planner(sent).afterSent(nudge(kind, recipient, due), open, sent)).isEmpty();
        }

        @Test
        void atMostThreeDeliveryNudgesPerDueDate() {
            Instant now = berlin("2026-11-23T10:00");
            NudgePlanner planner = planner(now);
            List<FollowUp> planned = new java.util.ArrayList<>(planner.afterCreate(open).schedule());
            for (int i = 0; i < planned.size(); i++) {   // send each, and what it leads to, in turn
                FollowUp f = planned.get(i);
                Nudge n = Nudge.from(WS, f.id(), f.data()).orElseThrow();
                planned.addAll(planner.afterSent(n, open, f.at()));
            }
            assertThat(planned).filteredOn(f -> f.data().get("recipient").equals(ALICE)).extracting(FollowUp::id)
                    .containsExactly(id(NudgeKind.REMINDER, due), id(NudgeKind.DUE, due), id(NudgeKind.OVERDUE, due));
            assertThat(planned).filteredOn(f -> f.data().get("recipient").equals(BOB)).extracting(FollowUp::id)
                    .containsExactly(id(NudgeKind.SLIPPED, due));   // the receiver hears once, with a way to help
        }
    }

    @Nested
    class StillRelevant {

        final Instant due = berlin("2026-11-27T15:00");
        final Instant before = due.minus(Duration.ofHours(1));

        Promise with(PromiseStatus status) {
            return promise(ALICE, BOB, due, berlin("2026-11-23T10:00"), status);
        }

        @ParameterizedTest
        @EnumSource(value = NudgeKind.class, names = "DIGEST", mode = EnumSource.Mode.EXCLUDE)
        void aNudgePlannedForAnotherDueDateIsOutOfDate(NudgeKind kind) {
            PromiseStatus wouldBeRelevant = kind == NudgeKind.RATING || kind == NudgeKind.RATING_AGAIN
                    ? PromiseStatus.DELIVERED : PromiseStatus.OPEN;
            Promise p = with(wouldBeRelevant);
            assertThat(NudgePlanner.stillRelevant(nudge(kind, ALICE, due), p, before)).isTrue();
            assertThat(NudgePlanner.stillRelevant(nudge(kind, ALICE, due.minus(Duration.ofDays(1))), p, before))
                    .isFalse();
        }

        @Test
        void aReminderOnlyBeforeTheDueTimeOfAnOpenPromise() {
            Nudge reminder = nudge(NudgeKind.REMINDER, ALICE, due);
            assertThat(NudgePlanner.stillRelevant(reminder, with(PromiseStatus.OPEN), before)).isTrue();
            assertThat(NudgePlanner.stillRelevant(reminder, with(PromiseStatus.OPEN), due)).isFalse();
            assertThat(NudgePlanner.stillRelevant(reminder, with(PromiseStatus.OPEN), due.plusSeconds(1))).isFalse();
            assertThat(NudgePlanner.stillRelevant(reminder, with(PromiseStatus.DELIVERED), before)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(PromiseStatus.class)
        void dueAndOverdueOnlyWhileOpen(PromiseStatus status) {
            Instant muchLater = due.plus(Duration.ofDays(10));
            boolean open = status == PromiseStatus.OPEN;
            assertThat(NudgePlanner.stillRelevant(nudge(NudgeKind.DUE, ALICE, due), with(status), due)).isEqualTo(open);
            assertThat(NudgePlanner.stillRelevant(nudge(NudgeKind.OVERDUE, ALICE, due), with(status), muchLater))
                    .isEqualTo(open);
        }

        @ParameterizedTest
        @EnumSource(PromiseStatus.class)
        void ratingQuestionsOnlyWhileDelivered(PromiseStatus status) {
            boolean delivered = status == PromiseStatus.DELIVERED;
            assertThat(NudgePlanner.stillRelevant(nudge(NudgeKind.RATING, BOB, due), with(status), due))
                    .isEqualTo(delivered);
            assertThat(NudgePlanner.stillRelevant(nudge(NudgeKind.RATING_AGAIN, BOB, due), with(status),
                    due.plus(Duration.ofDays(1)))).isEqualTo(delivered);
        }
    }
}
