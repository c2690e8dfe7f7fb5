package dev.kept.chat;

/** One platform's {@link Directory}; {@link DirectoryRouter} asks it about the people of its platform. */
public interface PlatformDirectory extends Directory {

    /** The platform it serves, as in {@link Workspace#platform()} (e.g. {@code slack}). */
    String platform();
}
