package dev.kept.promise;

import java.time.Instant;

/**
 * Service in reverse: what the receiver told the provider after rating, and how the provider
 * answered. Only the two parties ever see it.
 *
 * @param better  one thing the provider could do even better (may be empty)
 * @param easier  what the receiver could have done to make it easier for the provider (may be empty)
 * @param thanks  a thank-you from the receiver (may be empty)
 * @param given   when the receiver sent it; null while none was given
 * @param thanked when the provider thanked them for it; null until then
 * @param reply   the provider's reply (may be empty)
 */
public record Feedback(String better, String easier, String thanks, Instant given, Instant thanked, String reply) {

    public static final int MAX_LENGTH = 2000;
    public static final Feedback NONE = new Feedback("", "", "", null, null, "");

    public Feedback {
        better = better == null ? "" : better;
        easier = easier == null ? "" : easier;
        thanks = thanks == null ? "" : thanks;
        reply = reply == null ? "" : reply;
    }

    public boolean isGiven() {
        return given != null;
    }

    public boolean isThanked() {
        return thanked != null;
    }

    public boolean hasReply() {
        return !reply.isBlank();
    }

    /** Constructive feedback: something to do better or something the receiver could have done. */
    public boolean isConstructive() {
        return !better.isBlank() || !easier.isBlank();
    }
}
