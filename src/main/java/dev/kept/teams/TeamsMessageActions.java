package dev.kept.teams;

import dev.kept.chat.Outcome;
import dev.kept.chat.QuotedMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Kept's action-based message extension (declared in {@code teams/manifest.json}): "Make this a promise" and
 * "Ask for this" in a message's "⋯" menu. Teams asks for the dialog with {@code composeExtension/fetchTask}
 * and sends its form with {@code composeExtension/submitAction}; this reads what they carry and writes the
 * answers Teams expects ({@code {"task": {"type": "continue" | "message", ...}}}).
 */
final class TeamsMessageActions {

    static final String FETCH_TASK = "composeExtension/fetchTask";
    static final String SUBMIT_ACTION = "composeExtension/submitAction";
    /** The command ids the manifest gives the two actions. */
    static final String MAKE_FROM_MESSAGE = "promise.from_message";
    static final String ASK_FROM_MESSAGE = "request.from_message";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TeamsMessageActions() {
    }

    /** What the person acted on, and whether they ask for it or promise it. */
    record Asked(QuotedMessage message, boolean asking) {
    }

    /**
     * The message a fetchTask was opened from; empty when it is not one of Kept's commands, not opened from a
     * message, or the message has no https link (Teams always gives one).
     */
    static Optional<Asked> read(JsonNode activity) {
        JsonNode value = activity.path("value");
        String command = TeamsPeople.text(value.get("commandId"));
        boolean asking = ASK_FROM_MESSAGE.equals(command);
        if (!asking && !MAKE_FROM_MESSAGE.equals(command)) {
            return Optional.empty();
        }
        if (!"message".equals(TeamsPeople.text(value.get("commandContext")))) {
            return Optional.empty();
        }
        JsonNode payload = value.path("messagePayload");
        String link = TeamsPeople.text(payload.get("linkToMessage"));
        if (link == null || !link.startsWith("https://")) {
            return Optional.empty();
        }
        JsonNode user = payload.path("from").path("user");
        // The author is a person of this tenant only when Teams says it is an Entra user (not an app or a bot).
        Optional<String> author = "aadUser".equals(TeamsPeople.text(user.get("userIdentityType")))
                ? Optional.ofNullable(TeamsPeople.text(user.get("id"))).filter(id -> id.matches("[A-Za-z0-9._-]{1,64}"))
                : Optional.empty();
        String body = TeamsPeople.text(payload.path("body").get("content"));
        try {
            return Optional.of(new Asked(new QuotedMessage(author, body == null ? "" : body, link), asking));
        } catch (IllegalArgumentException notAWebLink) {
            return Optional.empty();
        }
    }

    /** A dialog showing {@code card}. */
    static ObjectNode dialog(String title, ObjectNode card) {
        ObjectNode answer = NODES.objectNode();
        ObjectNode task = answer.putObject("task");
        task.put("type", "continue");
        ObjectNode info = task.putObject("value");
        info.put("title", CardText.line(title));
        info.put("height", "large");
        info.put("width", "medium");
        ObjectNode attachment = info.putObject("card");
        attachment.put("contentType", AdaptiveCards.CARD_CONTENT_TYPE);
        attachment.set("content", card);
        return answer;
    }

    /** A dialog that only says {@code text} (Teams shows it in a small box). */
    static ObjectNode message(String text) {
        ObjectNode answer = NODES.objectNode();
        ObjectNode task = answer.putObject("task");
        task.put("type", "message");
        task.put("value", CardText.clean(text));
        return answer;
    }

    /** An outcome that is not a form, as the words of a dialog's message. */
    static String words(Outcome outcome) {
        return AdaptiveCards.summary(outcome.said(), id -> null);
    }
}
