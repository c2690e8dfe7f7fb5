package dev.kept.feedback;

import dev.kept.chat.Person;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseId;
import dev.kept.promise.PromiseService;
import org.springframework.stereotype.Service;

/**
 * Service in reverse after a rating: the receiver's feedback goes to the provider (never anyone
 * else), the provider thanks or replies, and the receiver hears back. Authorization lives in
 * {@link Promise}'s transitions.
 */
@Service
public class FeedbackService {

    private final PromiseService promises;

    public FeedbackService(PromiseService promises) {
        this.promises = promises;
    }

    /** A result and whether the other party could be told. */
    public record Result(Promise promise, boolean otherPartyTold) {
    }

    public Result give(Person actor, PromiseId id, String better, String easier, String thanks) {
        Promise p = promises.transition(actor, id, (pr, now) -> pr.giveFeedback(actor.userId(), better, easier, thanks, now))
                .after();
        return new Result(p, promises.tell(p.provider(), FeedbackMessages.forProvider(p, null)));
    }

    public Result thank(Person actor, PromiseId id) {
        Promise p = promises.transition(actor, id, (pr, now) -> pr.thankForFeedback(actor.userId(), now)).after();
        return new Result(p, promises.tell(p.receiver(), FeedbackMessages.thanked(p)));
    }

    public Result reply(Person actor, PromiseId id, String reply) {
        Promise p = promises.transition(actor, id, (pr, now) -> pr.replyToFeedback(actor.userId(), reply, now)).after();
        return new Result(p, promises.tell(p.receiver(), FeedbackMessages.replied(p)));
    }
}
