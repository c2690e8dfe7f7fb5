package dev.kept.nudge;

import dev.kept.chat.Message;
import dev.kept.promise.Promise;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every message {@link NudgeMessages} builds for one promise, by name: for renderer tests of other packages. */
public final class NudgeMessageSamples {

    private NudgeMessageSamples() {
    }

    public static Map<String, Message> all(Promise p, ZoneId zone, Instant now) {
        Map<String, Message> all = new LinkedHashMap<>();
        Nudge reminder = Nudge.of(p.id(), p.workspace(), NudgeKind.REMINDER, p.providerId(), p.due());
        all.put("reminder", NudgeMessages.reminder(reminder, p, zone, now));
        all.put("due", NudgeMessages.due(p, zone, now));
        all.put("overdue", NudgeMessages.overdue(p, zone, now));
        all.put("digest", NudgeMessages.digest(List.of(NudgeMessages.due(p, zone, now),
                NudgeMessages.overdue(p, zone, now)), 2));
        all.put("snoozed", NudgeMessages.snoozed(now.plusSeconds(3600), zone, now));
        return all;
    }
}
