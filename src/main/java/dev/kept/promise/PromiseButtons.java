package dev.kept.promise;

import dev.kept.chat.Outcome;
import dev.kept.chat.Person;

import java.util.Set;

/** What each button about a promise does, by its action id. */
final class PromiseButtons {

    /** A click: {@code value} is what the button carries (a promise id, {@code ID@epochSeconds}, {@code ID:score}). */
    interface Handler {
        Outcome press(Person actor, String value);
    }

    private final HandlerTable<Handler> table;

    PromiseButtons(PromiseService service) {
        // promise.rate.1 … .5 are one action; the score is in the value, as it was before they were split
        Handler rate = (actor, value) -> {
            String[] parts = value.split(":", 2);
            if (parts.length != 2 || !parts[1].matches("[1-5]")) {
                throw Ids.outOfDate();
            }
            PromiseService.Changed c = service.rate(actor, Ids.promiseId(parts[0]), Integer.parseInt(parts[1]));
            return new Outcome.ReplaceOriginal(service.messages().ratingThanks(c.promise(), c.otherPartyTold(),
                    service.wantsPrompts(actor)));
        };
        HandlerTable.Builder<Handler> b = HandlerTable.<Handler>builder()
                .on(ActionIds.ACKNOWLEDGE, (actor, value) -> {
                    PromiseService.Changed c = service.acknowledge(actor, Ids.promiseId(value));
                    return new Outcome.ReplaceOriginal(service.messages().promiseAcknowledged(c.promise(),
                            service.zoneOf(actor)));
                })
                .on(ActionIds.SUGGEST, (actor, value) -> {
                    Promise p = service.find(actor, Ids.promiseId(value));
                    p.checkMaySuggest(actor.userId());
                    return PromiseForms.suggest(p, service.zoneOf(actor), service.now());
                })
                .on(ActionIds.DELIVER, (actor, value) -> {
                    PromiseService.Changed c = service.deliver(actor, Ids.promiseId(value));
                    return Outcome.reply(service.messages().deliveredConfirmation(c.promise(), c.otherPartyTold()));
                })
                .on(ActionIds.ACCEPT_DUE, (actor, value) -> {
                    Ids.IdAndTime v = Ids.idAndTime(value);
                    PromiseService.Changed c = service.changeDue(actor, v.id(), v.at(), "");
                    return new Outcome.ReplaceOriginal(service.messages().dueChangeAccepted(c.promise(),
                            service.zoneOf(actor), c.otherPartyTold()));
                })
                .on(ActionIds.MORE_TIME, (actor, value) -> {
                    Promise p = service.find(actor, Ids.promiseId(value));
                    p.checkMayRenegotiate(actor.userId());
                    return PromiseForms.moreTime(p, service.zoneOf(actor), service.now());
                })
                .on(ActionIds.RELEASE, (actor, value) -> {
                    Promise p = service.find(actor, Ids.promiseId(value));
                    p.checkMayRelease(actor.userId());
                    return PromiseForms.release(p);
                })
                .on(ActionIds.RATE, rate);
        ActionIds.RATE_SCORES.forEach(id -> b.on(id, rate));
        this.table = b.build();
    }

    Set<String> ids() {
        return table.ids();
    }

    /** Does what the button {@code actionId} does; a button no one knows is refused. */
    Outcome press(Person actor, String actionId, String value) {
        return table.find(actionId).orElseThrow(Ids::unknownButton).press(actor, value);
    }
}
