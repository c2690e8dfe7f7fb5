package dev.kept.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Turns every way a request can fail into a clear private answer: a {@link Refusal} says why,
 * an unreachable store says nothing was saved, anything else says something went wrong.
 */
public final class Guard {

    private static final Logger log = LoggerFactory.getLogger(Guard.class);

    private Guard() {
    }

    public static Outcome answer(Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (Refusal r) {
            return Outcome.reply(Message.of(r.reason()));
        } catch (StoreUnavailableException e) {
            log.warn("Store unavailable: {}", e.getMessage());
            return Outcome.reply("I can't reach my storage right now, so nothing was saved or changed. "
                    + "Please try again in a moment.");
        } catch (RuntimeException e) {
            log.error("Unexpected failure", e);
            return Outcome.reply("Something went wrong on my side and nothing was changed. Please try again; "
                    + "if it keeps happening, tell whoever runs Kept.");
        }
    }
}
