package dev.kept.nudge;

import dev.kept.chat.Directory;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What to send when. A promise made or given a new date gets a reminder before it is due and a
 * question at the due time; a missed due time gets one follow-up; a delivered promise gets a
 * rating question, asked once more if unanswered. Nothing more: at most three delivery nudges per
 * due date, so Kept reminds without nagging. Times fall in the recipient's working hours.
 */
@Component
public class NudgePlanner implements FollowUps {

    private final NudgeProperties settings;
    private final WorkingHours hours;
    private final Directory directory;
    private final Clock clock;

    public NudgePlanner(NudgeProperties settings, Directory directory, Clock clock) {
        this.settings = settings;
        this.hours = settings.workingHours().toWorkingHours();
        this.directory = directory;
        this.clock = clock;
    }

    WorkingHours hours() {
        return hours;
    }

    @Override
    public Duration ratingOpenFor() {
        return settings.ratingOpenFor();
    }

    ZoneId zoneOf(Person person) {
        return directory.lookup(person).map(Profile::zone).orElse(ZoneOffset.UTC);
    }

    @Override
    public Plan afterCreate(Promise promise) {
        if (promise.status() != PromiseStatus.OPEN) {
            return Plan.none(); // a request: nothing to remind anyone of until it is taken on
        }
        return new Plan(deliveryNudges(promise, clock.instant()), List.of());
    }

    @Override
    public Plan afterChange(Promise.Change change) {
        Promise before = change.before();
        Promise after = change.after();
        Instant now = change.entry().at();
        if (before.status() == PromiseStatus.REQUESTED) {
            return after.status() == PromiseStatus.OPEN ? new Plan(deliveryNudges(after, now), List.of()) : Plan.none();
        }
        if (after.status() == PromiseStatus.OPEN && !after.due().equals(before.due())) {
            return new Plan(deliveryNudges(after, now), deliveryIds(before));
        }
        if (before.status() == PromiseStatus.OPEN && after.status() == PromiseStatus.DELIVERED) {
            Nudge ask = Nudge.of(after.id(), after.workspace(), NudgeKind.RATING, after.receiverId(), after.due());
            Instant at = hours.plusWorking(now, settings.ratingDelay(), zoneOf(after.receiver()));
            return new Plan(List.of(ask.at(at)), deliveryIds(before));
        }
        if (before.status() == PromiseStatus.OPEN && !after.status().isOpen()) {
            return new Plan(List.of(), deliveryIds(before));
        }
        if (after.status() == PromiseStatus.ASSURED && before.status() != PromiseStatus.ASSURED) {
            return new Plan(List.of(), List.of(
                    Nudge.idFor(after.id(), NudgeKind.RATING, after.due()),
                    Nudge.idFor(after.id(), NudgeKind.RATING_AGAIN, after.due())));
        }
        return Plan.none();
    }

    /** The reminder (when there is time for a useful one) and the due-time question. */
    List<FollowUp> deliveryNudges(Promise p, Instant now) {
        ZoneId zone = zoneOf(p.provider());
        List<FollowUp> jobs = new ArrayList<>(2);
        reminderTime(p.due(), now, zone).ifPresent(at ->
                jobs.add(Nudge.of(p.id(), p.workspace(), NudgeKind.REMINDER, p.providerId(), p.due()).at(at)));
        jobs.add(Nudge.of(p.id(), p.workspace(), NudgeKind.DUE, p.providerId(), p.due())
                .at(hours.nextWorking(p.due(), zone)));
        return jobs;
    }

    /**
     * One working day before the due time when it is far off; otherwise when half the time is left,
     * but at least {@code reminderMinLead} before. Outside working hours it moves forward into the
     * next window if that is still early enough, else back to the end of the previous one. If a
     * far-off reminder's time has already passed (a Monday promise made on Friday), the half-time
     * rule is tried instead. None when no useful moment is left.
     */
    java.util.Optional<Instant> reminderTime(Instant due, Instant now, ZoneId zone) {
        Duration lead = Duration.between(now, due);
        Instant latest = due.minus(settings.reminderMinLead());
        if (lead.compareTo(settings.reminderFarThreshold()) > 0) {
            Instant far = intoWorkingHours(hours.minusWorking(due, settings.reminderLead(), zone), latest, zone);
            if (far.isAfter(now) && far.isBefore(due)) {
                return java.util.Optional.of(far);
            }
        }
        Instant half = now.plus(lead.dividedBy(2));
        Instant at = intoWorkingHours(half.isAfter(latest) ? latest : half, latest, zone);
        return at.isAfter(now) && at.isBefore(due) && !at.isAfter(latest)
                ? java.util.Optional.of(at) : java.util.Optional.empty();
    }

    private Instant intoWorkingHours(Instant at, Instant latest, ZoneId zone) {
        if (hours.isWorking(at, zone)) {
            return at;
        }
        Instant forward = hours.nextWorking(at, zone);
        return forward.isAfter(latest) ? hours.lastWorkingBefore(at, zone, Duration.ofMinutes(30)) : forward;
    }

    private static List<String> deliveryIds(Promise p) {
        return List.of(Nudge.idFor(p.id(), NudgeKind.REMINDER, p.due()),
                Nudge.idFor(p.id(), NudgeKind.DUE, p.due()),
                Nudge.idFor(p.id(), NudgeKind.OVERDUE, p.due()),
                Nudge.idFor(p.id(), NudgeKind.SLIPPED, p.due()));
    }

    /** What follows a nudge once it has been sent. */
    List<FollowUp> afterSent(Nudge nudge, Promise promise, Instant now) {
        return afterSent(nudge, promise, now, zoneOf(nudge.recipient()));
    }

    /**
     * The same, with the recipient's zone already known (the dispatcher has it): every follow-up goes
     * to the same person as the nudge it follows, so their zone is the one that counts.
     */
    List<FollowUp> afterSent(Nudge nudge, Promise promise, Instant now, ZoneId recipientZone) {
        if (nudge.kind() == NudgeKind.DUE) {
            // Counted from when the question went out: a Saturday due is asked about on Monday, followed up on Tuesday.
            Nudge overdue = Nudge.of(promise.id(), promise.workspace(), NudgeKind.OVERDUE, promise.providerId(), promise.due());
            Instant asked = now.isAfter(promise.due()) ? now : promise.due();
            // The receiver is offered help, time or clarity at the same moment, in their own working hours.
            Nudge slipped = Nudge.of(promise.id(), promise.workspace(), NudgeKind.SLIPPED, promise.receiverId(), promise.due());
            return List.of(overdue.at(hours.plusWorking(asked, settings.overdueAfter(), recipientZone)),
                    slipped.at(hours.plusWorking(asked, settings.overdueAfter(), zoneOf(promise.receiver()))));
        }
        if (nudge.kind() == NudgeKind.RATING) {
            Nudge again = Nudge.of(promise.id(), promise.workspace(), NudgeKind.RATING_AGAIN, promise.receiverId(), promise.due());
            return List.of(again.at(hours.plusWorking(now, settings.ratingAgainAfter(), recipientZone)));
        }
        return List.of();
    }

    /**
     * Is this nudge still about the promise as it is now? If not, it is dropped quietly: the promise
     * was delivered, released, cancelled or given a new date, or (for a reminder) its due time has
     * come, when the due-time question takes over.
     */
    static boolean stillRelevant(Nudge nudge, Promise promise, Instant now) {
        if (!promise.due().equals(nudge.plannedDue())) {
            return false;
        }
        switch (nudge.kind()) {
            case REMINDER -> {
                return promise.status() == PromiseStatus.OPEN && now.isBefore(promise.due());
            }
            case DUE, OVERDUE, SLIPPED -> {
                return promise.status() == PromiseStatus.OPEN;
            }
            case RATING, RATING_AGAIN -> {
                return promise.status() == PromiseStatus.DELIVERED;
            }
            default -> {
                return false;
            }
        }
    }
}
