package dev.kept.chat;

/** Port: delivers a neutral message to a person's direct conversation with Kept. */
public interface Messenger {

    /**
     * Sends {@code message} to {@code recipient}'s direct conversation with Kept.
     *
     * @throws DeliveryFailedException when the platform refused or could not be reached after retries
     */
    void sendDirect(Person recipient, Message message);
}
