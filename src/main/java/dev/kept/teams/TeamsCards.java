package dev.kept.teams;

import dev.kept.chat.AdapterState;
import dev.kept.chat.Form;
import dev.kept.chat.Message;
import dev.kept.chat.NeutralJson;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The cards Kept sends in Teams, and what it keeps of them. A card with buttons or inputs gets an id
 * that every one of its actions carries back; Kept keeps the neutral message or form behind it for
 * {@link #KEEP_FOR}, under the recipient, so a click is checked against what that person was really
 * shown and a form is read by its own inputs, never by what the card claims.
 */
@Component
class TeamsCards {

    static final Duration KEEP_FOR = Duration.ofDays(30);
    static final String CARD_ID = "card";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A card Kept sent someone: the message with its buttons, or the form; {@code refresh} is the command
     * whose answer the message is (a view of the person's promises, such as {@code list}), so a click on it
     * can show it again as it is now; null for any other card.
     */
    record Shown(String id, Message message, Form form, String refresh) {

        boolean hasButton(String actionId, String value) {
            return message != null && message.blocks().stream()
                    .filter(b -> b instanceof Message.Actions)
                    .flatMap(b -> ((Message.Actions) b).buttons().stream())
                    .anyMatch(b -> b.actionId().equals(actionId)
                            && (b.value() == null ? "" : b.value()).equals(value == null ? "" : value));
        }
    }

    private final AdapterState state;
    private final TeamsPeople people;

    TeamsCards(AdapterState state, TeamsPeople people) {
        this.state = state;
        this.people = people;
    }

    /** {@code message} as an activity for {@code recipient}; kept when it has buttons. */
    ObjectNode message(Person recipient, Message message) {
        return message(recipient, message, null);
    }

    /** {@code message}, the answer to {@code refresh} (a command that only shows), as an activity; kept. */
    ObjectNode message(Person recipient, Message message, String refresh) {
        return AdaptiveCards.activity(messageCard(recipient, message, null, refresh),
                AdaptiveCards.summary(message, people.namesIn(recipient.workspace())));
    }

    /** {@code message} as an activity for a channel of {@code workspace} (its buttons, if any, are not kept). */
    ObjectNode channelMessage(Workspace workspace, Message message) {
        return AdaptiveCards.activity(AdaptiveCards.card(message, people.namesIn(workspace)),
                AdaptiveCards.summary(message, people.namesIn(workspace)));
    }

    /**
     * {@code message} as a card for {@code recipient}; kept under {@code reuseId} (or a new id) when it has
     * buttons.
     */
    ObjectNode messageCard(Person recipient, Message message, String reuseId) {
        return messageCard(recipient, message, reuseId, null);
    }

    /** The same, remembering the command that shows it afresh ({@link Shown#refresh}). */
    ObjectNode messageCard(Person recipient, Message message, String reuseId, String refresh) {
        ObjectNode card = AdaptiveCards.card(message, people.namesIn(recipient.workspace()));
        boolean buttons = message.blocks().stream().anyMatch(b -> b instanceof Message.Actions);
        if (buttons) {
            String id = reuseId == null ? newId() : reuseId;
            ObjectNode kept = JSON.createObjectNode();
            kept.set("message", NeutralJson.message(message));
            if (refresh != null) {
                kept.put("refresh", refresh);
            }
            state.putFor(recipient, key(id), JSON.writeValueAsString(kept), KEEP_FOR);
            tag(card, id);
        }
        return card;
    }

    /** {@code form} as an activity for {@code recipient}, kept. */
    ObjectNode form(Person recipient, Form form, ZoneId zone) {
        ObjectNode card = formCard(recipient, form, zone, Map.of(), Map.of(), null);
        return AdaptiveCards.activity(card, form.title());
    }

    /** {@code form} as a card, with problems and what was typed, kept under {@code reuseId} (or a new id). */
    ObjectNode formCard(Person recipient, Form form, ZoneId zone, Map<String, String> errors, Map<String, String> typed,
                        String reuseId) {
        ObjectNode card = FormCards.form(form, zone, errors, typed, people.namesIn(recipient.workspace()));
        String id = reuseId == null ? newId() : reuseId;
        ObjectNode kept = JSON.createObjectNode();
        kept.set("form", NeutralJson.form(form));
        state.putFor(recipient, key(id), JSON.writeValueAsString(kept), KEEP_FOR);
        tag(card, id);
        return card;
    }

    /** The card {@code id} that Kept sent {@code person}, if it is theirs and still kept. */
    Optional<Shown> shown(Person person, String id) {
        if (id == null || !id.matches("[A-Za-z0-9]{1,40}")) {
            return Optional.empty();
        }
        return state.getShortLived(person, key(id)).map(json -> {
            JsonNode o = JSON.readTree(json);
            return new Shown(id, o.has("message") ? NeutralJson.message(o.get("message")) : null,
                    o.has("form") ? NeutralJson.form(o.get("form")) : null,
                    o.path("refresh").isString() ? o.get("refresh").asString() : null);
        });
    }

    /** Forgets card {@code id}: its buttons or form can't be used again. True for the one caller that did it. */
    boolean spend(Person person, String id) {
        return state.removeShortLived(person, key(id));
    }

    private static String key(String id) {
        return "card:" + id;
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /** Every Action.Execute / Action.Submit of the card carries the card's id in its data. */
    private static void tag(JsonNode node, String id) {
        if (node.isObject()) {
            String type = node.path("type").isString() ? node.path("type").asString() : "";
            if (("Action.Execute".equals(type) || "Action.Submit".equals(type)) && node.get("data") instanceof ObjectNode data) {
                data.put(CARD_ID, id);
            }
            node.forEach(child -> tag(child, id));
        } else if (node.isArray()) {
            node.forEach(child -> tag(child, id));
        }
    }
}
