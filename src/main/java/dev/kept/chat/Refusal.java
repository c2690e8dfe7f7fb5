package dev.kept.chat;


/**
 * Kept will not do what was asked; {@link #reason()} says why and what to do instead, in words for
 * the person who asked. Nothing was changed.
 */
public class Refusal extends RuntimeException {

    private final Markup reason;

    public Refusal(Markup reason) {
        super(reason.toPlainString(), null, false, false);
        this.reason = reason;
    }

    public Refusal(String reason) {
        this(Markup.plain(reason));
    }

    public Markup reason() {
        return reason;
    }
}
