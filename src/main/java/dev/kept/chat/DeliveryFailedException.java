package dev.kept.chat;

/** A message could not be delivered by the chat platform. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
