package dev.kept.chat;

import java.time.Duration;

/** How one attempt to deliver a message went. */
public sealed interface Delivery permits Delivery.Sent, Delivery.RateLimited, Delivery.Failed {

    record Sent() implements Delivery {
    }

    /** The platform asked to wait this long before trying again. */
    record RateLimited(Duration retryAfter) implements Delivery {
    }

    /**
     * It did not arrive.
     *
     * @param permanent true when trying again cannot help (the person is gone, the channel does not exist, …)
     */
    record Failed(boolean permanent, String error) implements Delivery {
    }
}
