package dev.kept.teams;

import dev.kept.chat.NeutralJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How Kept reaches one person in Teams (a conversation reference): the Bot Connector that serves their
 * region, their personal chat with Kept, their Teams id, and what Teams told Kept about them.
 *
 * @param serviceUrl     the Bot Connector address that came with their last activity (checked against its token)
 * @param conversationId their personal chat with Kept; null until one is known or created
 * @param teamsId        their Teams user id ({@code 29:…}); null when only their directory id is known
 * @param name           their display name; null when not known yet
 * @param zone           their time zone as their Teams client reported it (IANA id); null when not known
 */
record TeamsAddress(String serviceUrl, String conversationId, String teamsId, String name, String zone) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    TeamsAddress withConversation(String id) {
        return new TeamsAddress(serviceUrl, id, teamsId, name, zone);
    }

    TeamsAddress withName(String newName) {
        return new TeamsAddress(serviceUrl, conversationId, teamsId, newName, zone);
    }

    /** This address with what a newer one knows; what the newer one leaves out is kept. */
    TeamsAddress updatedBy(TeamsAddress newer) {
        return new TeamsAddress(pick(newer.serviceUrl, serviceUrl), pick(newer.conversationId, conversationId),
                pick(newer.teamsId, teamsId), pick(newer.name, name), pick(newer.zone, zone));
    }

    private static String pick(String newer, String older) {
        return newer == null || newer.isBlank() ? older : newer;
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        NeutralJson.putNullable(o, "serviceUrl", serviceUrl);
        NeutralJson.putNullable(o, "conversationId", conversationId);
        NeutralJson.putNullable(o, "teamsId", teamsId);
        NeutralJson.putNullable(o, "name", name);
        NeutralJson.putNullable(o, "zone", zone);
        return JSON.writeValueAsString(o);
    }

    static TeamsAddress fromJson(String json) {
        JsonNode o = JSON.readTree(json);
        return new TeamsAddress(NeutralJson.str(o, "serviceUrl"), NeutralJson.str(o, "conversationId"),
                NeutralJson.str(o, "teamsId"), NeutralJson.str(o, "name"), NeutralJson.str(o, "zone"));
    }
}
