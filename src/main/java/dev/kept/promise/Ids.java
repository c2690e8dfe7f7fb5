package dev.kept.promise;

import dev.kept.chat.FormSubmission;
import dev.kept.chat.Markup;
import dev.kept.chat.Refusal;

import java.time.Instant;
import java.util.Map;

/** Reading the values Kept's buttons and forms carry, for every feature. */
public final class Ids {

    private Ids() {
    }

    /** A button value or form context that should be a promise id. */
    public static PromiseId promiseId(String value) {
        return PromiseId.parse(value == null ? "" : value).orElseThrow(Ids::outOfDate);
    }

    public record IdAndTime(PromiseId id, Instant at) {
    }

    /** A button value {@code ID@epochSeconds}. */
    public static IdAndTime idAndTime(String value) {
        String[] parts = (value == null ? "" : value).split("@", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,12}")) {
            throw outOfDate();
        }
        return new IdAndTime(promiseId(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
    }

    /** A button whose value no longer makes sense (or was never Kept's). */
    public static Refusal outOfDate() {
        return new Refusal(Markup.builder().plain("That button is out of date. Use ").code("/promise list")
                .plain(" to see where things stand.").build());
    }

    /** A click on a button whose action no feature knows (any more). */
    public static Refusal unknownButton() {
        return new Refusal(Markup.builder().plain("That button isn't one I know any more. Try ").code("/promise list")
                .plain(".").build());
    }

    /** The problem with a text input longer than {@code limit}, by input id; empty when none. */
    public static Map<String, String> tooLong(FormSubmission form, String inputId, int limit) {
        String text = form.text(inputId).orElse("");
        return text.length() > limit
                ? Map.of(inputId, String.format(java.util.Locale.ROOT, "Please keep this under %,d characters (it has %,d).",
                limit, text.length()))
                : Map.of();
    }
}
