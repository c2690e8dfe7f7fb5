package dev.kept.promise;

import dev.kept.chat.PlatformText;
import dev.kept.chat.Person;

/**
 * Who is asking, and what their platform can do for the answer.
 *
 * @param text           how this platform writes mentions and escapes command text
 * @param formsAvailable whether a form can be opened in answer (a Slack slash command can; a DM cannot)
 */
public record Invocation(Person invoker, PlatformText text, boolean formsAvailable) {
}
