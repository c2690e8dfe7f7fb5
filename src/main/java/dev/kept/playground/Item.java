package dev.kept.playground;

import dev.kept.chat.Form;
import dev.kept.chat.Message;

/**
 * One entry of a conversation in the playground, as stored (JSON, see {@link ItemCodec}).
 *
 * @param kind      {@link #MESSAGE} from Kept, {@link #FORM} opened for this person, {@link #MINE} what
 *                  they typed, {@link #FILE} a file Kept sent
 * @param privately an answer only the person who acted sees (Slack's ephemeral message)
 * @param key       the idempotency key a nudge was delivered with, or null; for {@link #SAID}, who said it
 */
record Item(String kind, long atMillis, boolean privately, Message message, Form form, String text,
            String fileName, String fileContent, String key) {

    static final String MESSAGE = "message";
    static final String FORM = "form";
    static final String MINE = "mine";
    static final String FILE = "file";
    static final String CLOSED_FORM = "closed-form";
    /** A colleague's message in the team channel ({@code key} is who wrote it). */
    static final String SAID = "said";

    static Item message(long at, boolean privately, Message message, String key) {
        return new Item(MESSAGE, at, privately, message, null, null, null, null, key);
    }

    static Item form(long at, Form form) {
        return new Item(FORM, at, true, null, form, null, null, null, null);
    }

    static Item mine(long at, String text) {
        return new Item(MINE, at, false, null, null, text, null, null, null);
    }

    static Item said(long at, String authorId, String text) {
        return new Item(SAID, at, false, null, null, text, null, null, authorId);
    }

    static Item file(long at, String fileName, String content, Message comment) {
        return new Item(FILE, at, false, comment, null, null, fileName, content, null);
    }

    Item closed(String note) {
        return new Item(CLOSED_FORM, atMillis, true, null, form, note, null, null, null);
    }
}
