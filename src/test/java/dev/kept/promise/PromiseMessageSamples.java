package dev.kept.promise;

import dev.kept.chat.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every message {@link PromiseMessages} builds for one promise, by name: for renderer tests of other packages. */
public final class PromiseMessageSamples {

    private PromiseMessageSamples() {
    }

    public static Map<String, Message> all(Promise p, Clock clock, ZoneId zone) {
        PromiseMessages m = new PromiseMessages(clock);
        Instant later = p.due().plusSeconds(86_400);
        Map<String, Message> all = new LinkedHashMap<>();
        all.put("promiseMadeToYou", m.promiseMadeToYou(p, zone));
        all.put("promiseMadeToYouAsking", m.promiseMadeToYou(p, zone, true));
        all.put("whatMattersToThem", m.whatMattersToThem(p));
        all.put("whatMattersNoted", m.whatMattersNoted(p, true));
        all.put("whatMattersNotTold", m.whatMattersNoted(p, false));
        all.put("requestToYou", m.requestToYou(p, zone));
        all.put("requestSent", m.requestSent(p, zone, true));
        all.put("requestAccepted", m.requestAccepted(p, zone));
        all.put("proposalAccepted", m.proposalAccepted(p, zone));
        all.put("requestTakenOn", m.requestTakenOn(p, zone, false));
        all.put("dateProposed", m.dateProposed(p, later, "a note", zone));
        all.put("dateProposalSent", m.dateProposalSent(p, true));
        all.put("requestDeclined", m.requestDeclined(p));
        all.put("declineSent", m.declineSent(p, false));
        all.put("requestWithdrawn", m.requestWithdrawn(p));
        all.put("promiseAcknowledged", m.promiseAcknowledged(p, zone));
        all.put("madeConfirmation", m.madeConfirmation(p, zone, true));
        all.put("acknowledged", m.acknowledged(p));
        all.put("delivered", m.delivered(p, zone));
        all.put("deliveredConfirmation", m.deliveredConfirmation(p, true));
        all.put("released", m.released(p));
        all.put("cancelled", m.cancelled(p));
        all.put("cancelConfirmation", m.cancelConfirmation(p, true));
        all.put("changeSuggested", m.changeSuggested(p, Optional.of(later), "a note", zone));
        all.put("suggestionSent", m.suggestionSent(p, true));
        all.put("askRating", m.askRating(p, false));
        all.put("askRatingAgain", m.askRating(p, true));
        all.put("rated", m.rated(p));
        all.put("ratingThanks", m.ratingThanks(p, true, true));
        all.put("slipped", m.slipped(p, zone));
        all.put("dueChanged", m.dueChanged(p, "a note", zone, true));
        for (Promise.SlipAnswer answer : Promise.SlipAnswer.values()) {
            all.put("slipAnswered." + answer, m.slipAnswered(p, answer, "a note",
                    answer == Promise.SlipAnswer.MORE_TIME ? Optional.of(later) : Optional.empty(), zone));
        }
        all.put("slipAnswerSent", m.slipAnswerSent(p, true));
        all.put("dueChangeAccepted", m.dueChangeAccepted(p, zone, true));
        return all;
    }
}
