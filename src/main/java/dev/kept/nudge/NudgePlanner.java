package dev.kept.nudge;

import dev.kept.chat.Directory;
import dev.kept.chat.Person;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Profile;
import dev.kept.chat.SettingsStore;
import dev.kept.promise.FollowUp;
import dev.kept.promise.FollowUps;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What to send when. A promise made or given a new date gets a reminder before it is due and a
 * question at the due time; a missed due time gets one follow-up; a delivered promise gets a
 * rating question, asked once more if unanswered. Nothing more: at most three delivery nudges per
 * due date, so Kept reminds without nagging. Times fall in the recipient's working hours, in their
 * zone: their own settings ({@code /promise settings}) first, then Kept's.
 */
@Component
public class NudgePlanner implements FollowUps {

    private final NudgeProperties settings;
    private final WorkingHours hours;
    private final Directory directory;
    private final Clock clock;
    private final SettingsStore personal;
    /** Working hours by (start, end): a handful of distinct ones in practice, each built once. */
    private final Map<List<LocalTime>, WorkingHours> personalHours = new ConcurrentHashMap<>();

    /** Everyone on Kept's defaults (for narrow tests). */
    public NudgePlanner(NudgeProperties settings, Directory directory, Clock clock) {
        this(settings, directory, clock, SettingsStore.DEFAULTS_ONLY);
    }

    @Autowired
    public NudgePlanner(NudgeProperties settings, Directory directory, Clock clock, SettingsStore personal) {
        this.settings = settings;
        this.hours = settings.workingHours().toWorkingHours();
        this.directory = directory;
        this.clock = clock;
        this.personal = personal;
    }


    /** Kept's working hours, before anyone's own settings. */
    WorkingHours hours() {
        return hours;
    }

    /**
     * When a person may be nudged, and how often: their zone (their own setting, else their chat
     * profile's, else UTC), their working hours (Kept's working days, with their own start and end
     * when they set them) and their daily cap (theirs, else Kept's). One read of their settings.
     */
    record Rhythm(ZoneId zone, WorkingHours hours, int dailyCap) {
    }

    Rhythm rhythmOf(Person person) {
        PersonalSettings own = personal.of(person);
        ZoneId zone = own.zoneOverride()
                .orElseGet(() -> directory.lookup(person).map(Profile::zone).orElse(ZoneOffset.UTC));
        return new Rhythm(zone, hoursFor(own), own.dailyCap() > 0 ? own.dailyCap() : settings.dailyCap());
    }

    /**
     * Kept's hours with the person's own start and end. When working hours are switched off for
     * this Kept, or the person's day would be empty, Kept's hours stand.
     */
    WorkingHours hoursFor(PersonalSettings own) {
        if (!hours.enabled() || own.workStart() == null && own.workEnd() == null) {
            return hours;
        }
        LocalTime start = own.workStart() == null ? hours.start() : own.workStart();
        LocalTime end = own.workEnd() == null ? hours.end() : own.workEnd();
        if (!start.isBefore(end)) {
            return hours;
        }
        return personalHours.computeIfAbsent(List.of(start, end), k -> new WorkingHours(hours.days(), start, end));
    }

    @Override
    public Duration ratingOpenFor() {
        return settings.ratingOpenFor();
    }

    /** The person's zone: their own setting, else their chat profile's, else UTC. */
    ZoneId zoneOf(Person person) {
        return rhythmOf(person).zone();
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
            Rhythm receiver = rhythmOf(after.receiver());
            Instant at = receiver.hours().plusWorking(now, settings.ratingDelay(), receiver.zone());
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
        Rhythm provider = rhythmOf(p.provider());
        List<FollowUp> jobs = new ArrayList<>(2);
        reminderTime(p.due(), now, provider).ifPresent(at ->
                jobs.add(Nudge.of(p.id(), p.workspace(), NudgeKind.REMINDER, p.providerId(), p.due()).at(at)));
        jobs.add(Nudge.of(p.id(), p.workspace(), NudgeKind.DUE, p.providerId(), p.due())
                .at(provider.hours().nextWorking(p.due(), provider.zone())));
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
        return reminderTime(due, now, new Rhythm(zone, hours, settings.dailyCap()));
    }

    /** The same, in the provider's own zone and working hours. */
    java.util.Optional<Instant> reminderTime(Instant due, Instant now, Rhythm provider) {
        WorkingHours own = provider.hours();
        ZoneId zone = provider.zone();
        Duration lead = Duration.between(now, due);
        Instant latest = due.minus(settings.reminderMinLead());
        if (lead.compareTo(settings.reminderFarThreshold()) > 0) {
            Instant far = intoWorkingHours(own.minusWorking(due, settings.reminderLead(), zone), latest, own, zone);
            if (far.isAfter(now) && far.isBefore(due)) {
                return java.util.Optional.of(far);
            }
        }
        Instant half = now.plus(lead.dividedBy(2));
        Instant at = intoWorkingHours(half.isAfter(latest) ? latest : half, latest, own, zone);
        return at.isAfter(now) && at.isBefore(due) && !at.isAfter(latest)
                ? java.util.Optional.of(at) : java.util.Optional.empty();
    }

    private static Instant intoWorkingHours(Instant at, Instant latest, WorkingHours own, ZoneId zone) {
        if (own.isWorking(at, zone)) {
            return at;
        }
        Instant forward = own.nextWorking(at, zone);
        return forward.isAfter(latest) ? own.lastWorkingBefore(at, zone, Duration.ofMinutes(30)) : forward;
    }

    private static List<String> deliveryIds(Promise p) {
        return List.of(Nudge.idFor(p.id(), NudgeKind.REMINDER, p.due()),
                Nudge.idFor(p.id(), NudgeKind.DUE, p.due()),
                Nudge.idFor(p.id(), NudgeKind.OVERDUE, p.due()),
                Nudge.idFor(p.id(), NudgeKind.SLIPPED, p.due()));
    }

    /** What follows a nudge once it has been sent. */
    List<FollowUp> afterSent(Nudge nudge, Promise promise, Instant now) {
        return afterSent(nudge, promise, now, rhythmOf(nudge.recipient()));
    }

    /**
     * The same, with the recipient's rhythm already known (the dispatcher has it): every follow-up goes
     * to the same person as the nudge it follows, so their zone and hours are the ones that count.
     */
    List<FollowUp> afterSent(Nudge nudge, Promise promise, Instant now, Rhythm recipient) {
        if (nudge.kind() == NudgeKind.DUE) {
            // Counted from when the question went out: a Saturday due is asked about on Monday, followed up on Tuesday.
            Nudge overdue = Nudge.of(promise.id(), promise.workspace(), NudgeKind.OVERDUE, promise.providerId(), promise.due());
            Instant asked = now.isAfter(promise.due()) ? now : promise.due();
            // The receiver is offered help, time or clarity at the same moment, in their own working hours.
            Nudge slipped = Nudge.of(promise.id(), promise.workspace(), NudgeKind.SLIPPED, promise.receiverId(), promise.due());
            Rhythm receiver = rhythmOf(promise.receiver());
            return List.of(overdue.at(recipient.hours().plusWorking(asked, settings.overdueAfter(), recipient.zone())),
                    slipped.at(receiver.hours().plusWorking(asked, settings.overdueAfter(), receiver.zone())));
        }
        if (nudge.kind() == NudgeKind.RATING) {
            Nudge again = Nudge.of(promise.id(), promise.workspace(), NudgeKind.RATING_AGAIN, promise.receiverId(), promise.due());
            return List.of(again.at(recipient.hours().plusWorking(now, settings.ratingAgainAfter(), recipient.zone())));
        }
        return List.of();
    }

    /**
     * Is this nudge still about the promise as it is now? If not, it is dropped quietly: the promise
     * was delivered, released, cancelled or given a new date, or (for a reminder) its due time has
     * come, when the due-time question takes over.
     */
    static boolean stillRelevant(Nudge nudge, Promise promise, Instant now) {
        // Compared to the second: a nudge's id (and so a button's value) carries its planned due in epoch seconds.
        if (promise.due().getEpochSecond() != nudge.plannedDue().getEpochSecond()) {
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
