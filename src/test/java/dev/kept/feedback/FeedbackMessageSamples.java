package dev.kept.feedback;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.promise.Promise;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every message {@link FeedbackMessages} builds for one promise, by name: for renderer tests of other packages. */
public final class FeedbackMessageSamples {

    private FeedbackMessageSamples() {
    }

    public static Map<String, Message> all(Promise p) {
        Map<String, Message> all = new LinkedHashMap<>();
        all.put("forProvider", FeedbackMessages.forProvider(p, Markup.plain("a note")));
        all.put("sentConfirmation", FeedbackMessages.sentConfirmation(p, true));
        all.put("thanked", FeedbackMessages.thanked(p));
        all.put("replied", FeedbackMessages.replied(p));
        all.put("replySent", FeedbackMessages.replySent(p, false));
        return all;
    }
}
