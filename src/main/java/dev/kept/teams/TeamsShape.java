package dev.kept.teams;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape the Bot Framework guarantees for an activity Teams sends to {@code POST /api/messages}, checked after
 * the token and before anything reads it: a {@code type}, strings where the schema has strings, objects and
 * lists where it has those, and, on what a person did (a message or an invoke), who did it and in which
 * conversation. Anything else gets 400 with a short reason naming the field: a request with a valid token can
 * still carry an activity no channel would send (a buggy proxy, an edited replay), and no handler should meet
 * a {@code from} that is a number or a conversation without an id.
 *
 * <p>Only what Kept reads is checked; fields the schema may gain, and activity types Kept does not use, pass.
 * A JSON {@code null} counts as absent, as the Bot Framework SDKs read it.
 */
final class TeamsShape {

    /** Fields that are strings in the activity schema, by their path. */
    private static final List<String> STRINGS = List.of("type", "id", "name", "text", "serviceUrl", "channelId",
            "locale", "localTimezone", "replyToId", "from.id", "from.name", "from.aadObjectId", "recipient.id",
            "conversation.id", "conversation.conversationType", "conversation.tenantId", "channelData.tenant.id");
    /** Fields that are objects in the activity schema. */
    private static final List<String> OBJECTS = List.of("from", "recipient", "conversation", "channelData",
            "channelData.tenant", "channelData.team", "channelData.channel");
    /** Fields that are lists of objects. */
    private static final List<String> LISTS = List.of("membersAdded", "membersRemoved", "entities", "attachments",
            "reactionsAdded", "reactionsRemoved");
    /** What a person did, so who and where must be said. */
    private static final Set<String> ACTS = Set.of("message", "invoke");
    /** Ids are the channel's own: printable, without spaces or line breaks, and not huge. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e\\u00a0-\\uffff]{1,1024}");
    /** An Entra object id (a GUID) or a tenant id, as {@link TeamsPeople} reads them. */
    private static final Pattern ENTRA = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Map<String, Pattern> ID_FIELDS = Map.of("from.id", ID, "recipient.id", ID,
            "conversation.id", ID, "from.aadObjectId", ENTRA, "conversation.tenantId", ENTRA,
            "channelData.tenant.id", ENTRA);

    private TeamsShape() {
    }

    /** Why the activity is not one Teams would send; empty when it is. */
    static Optional<String> problem(JsonNode activity) {
        if (activity == null || !activity.isObject()) {
            return Optional.of("the body is not a JSON object");
        }
        for (String path : OBJECTS) {
            JsonNode n = at(activity, path);
            if (n != null && !n.isObject()) {
                return Optional.of(path + " is not an object");
            }
        }
        for (String path : STRINGS) {
            JsonNode n = at(activity, path);
            if (n != null && !n.isString()) {
                return Optional.of(path + " is not a string");
            }
        }
        for (String path : LISTS) {
            JsonNode n = at(activity, path);
            if (n != null && (!n.isArray() || !allObjects(n))) {
                return Optional.of(path + " is not a list of objects");
            }
        }
        String type = TeamsPeople.text(at(activity, "type"));
        if (type == null) {
            return Optional.of("type is missing");
        }
        if (ACTS.contains(type)) {
            for (String required : List.of("from.id", "conversation.id", "serviceUrl")) {
                if (TeamsPeople.text(at(activity, required)) == null) {
                    return Optional.of(required + " is missing");
                }
            }
        }
        for (Map.Entry<String, Pattern> field : ID_FIELDS.entrySet()) {
            String value = TeamsPeople.text(at(activity, field.getKey()));
            if (value != null && !field.getValue().matcher(value).matches()) {
                return Optional.of(field.getKey() + " is not an id Teams sends");
            }
        }
        if ("invoke".equals(type)) {
            JsonNode value = at(activity, "value");
            if (value != null && !value.isObject()) {
                return Optional.of("value of an invoke is not an object");
            }
        }
        return Optional.empty();
    }

    /** The node at a dotted path; null when it, or a step on the way, is absent or JSON null. */
    private static JsonNode at(JsonNode activity, String path) {
        JsonNode n = activity;
        for (String step : path.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(step);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n;
    }

    private static boolean allObjects(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }
}
