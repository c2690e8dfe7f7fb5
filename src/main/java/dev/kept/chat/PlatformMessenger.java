package dev.kept.chat;

/** One platform's {@link Messenger}; {@link MessengerRouter} hands it the people of its platform. */
public interface PlatformMessenger extends Messenger {

    /** The platform it serves, as in {@link Workspace#platform()} (e.g. {@code slack}). */
    String platform();
}
