package dev.kept.nudge;

import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.Refusal;
import dev.kept.promise.Ids;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** The provider snoozes a reminder: the same reminder comes back later, under its own id. */
@Component
class NudgeInbound implements Interactions {

    private final PromiseService promises;
    private final NudgePlanner planner;
    private final NudgeQueue queue;
    private final NudgeProperties settings;
    private final Clock clock;

    NudgeInbound(PromiseService promises, NudgePlanner planner, NudgeQueue queue, NudgeProperties settings, Clock clock) {
        this.promises = promises;
        this.planner = planner;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(NudgeMessages.SNOOZE, NudgeMessages.SNOOZE_MORNING);
    }

    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Guard.answer(() -> {
            Nudge reminder = reminderFrom(actor, value);
            Promise p = promises.find(actor, reminder.promiseId());
            if (!p.providerId().equals(actor.userId())) {
                throw new Refusal(Markup.builder().plain("This reminder is for ").person(p.providerId()).plain(".").build());
            }
            if (!NudgePlanner.stillRelevant(reminder, p, clock.instant())) {
                throw new Refusal(Markup.builder().plain("Nothing to snooze: ").bold(p.id().value())
                        .plain(" has moved on since this reminder. ").code("/promise list").plain(" shows where it stands.")
                        .build());
            }
            Instant now = clock.instant();
            ZoneId zone = planner.zoneOf(actor);
            Instant until = actionId.equals(NudgeMessages.SNOOZE_MORNING)
                    ? planner.hours().nextMorning(now, zone)
                    : planner.hours().nextWorking(now.plus(settings.snooze()), zone);
            if (!until.isBefore(p.due())) {
                throw new Refusal(Markup.builder().plain("That's after it's due, so no snooze: I'll check in with you at the due time.")
                        .build());
            }
            queue.schedule(p.workspace(), List.of(reminder.again(until).at(until)));
            return new Outcome.ReplaceOriginal(NudgeMessages.snoozed(until, zone, now));
        });
    }

    private static Nudge reminderFrom(Person actor, String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length < 3 || !"reminder".equals(parts[1]) || !parts[2].matches("\\d{1,12}")) {
            throw Ids.outOfDate();
        }
        return dev.kept.promise.PromiseId.parse(parts[0])
                .map(id -> Nudge.of(id, actor.workspace(), NudgeKind.REMINDER, actor.userId(),
                        Instant.ofEpochSecond(Long.parseLong(parts[2]))))
                .orElseThrow(Ids::outOfDate);
    }
}
