package dev.kept.chat;

/** Port: delivers a neutral message to a person's direct conversation with Kept. */
public interface Messenger {

    /**
     * Sends {@code message} to {@code recipient}'s direct conversation with Kept.
     *
     * @throws DeliveryFailedException when the platform refused or could not be reached after retries
     */
    void sendDirect(Person recipient, Message message);

    /**
     * One attempt to deliver {@code message} to {@code recipient}'s direct conversation, tagged with
     * {@code idempotencyKey} so {@link #alreadyDelivered} can find it later. Never retries by itself:
     * the caller decides when to try again.
     */
    Delivery deliver(Person recipient, Message message, String idempotencyKey);

    /**
     * Whether a message tagged with {@code idempotencyKey} is among the latest in
     * {@code recipient}'s direct conversation: asked when a job is claimed again after its sender
     * may have died mid-send. It looks at the conversation itself, not at clocks, so Kept's clock
     * and the platform's need not agree.
     */
    boolean alreadyDelivered(Person recipient, String idempotencyKey);

    /**
     * Shows {@code page} as the person's own home page of Kept (Slack's App Home tab), replacing what
     * was there.
     *
     * @throws DeliveryFailedException when the platform refused or could not be reached after retries
     */
    void publishHome(Person person, Message page);

    /**
     * Posts {@code message} to a shared channel of the workspace (e.g. the weekly digest).
     *
     * @throws DeliveryFailedException when the platform refused or could not be reached after retries
     */
    void postToChannel(Workspace workspace, String channel, Message message);

    /**
     * Sends {@code content} as a file named {@code filename} into {@code recipient}'s direct
     * conversation with Kept, with {@code comment} shown with it (e.g. an export of their data).
     *
     * @throws DeliveryFailedException when the platform refused or could not be reached after retries
     */
    void sendFile(Person recipient, String filename, String content, Message comment);
}
