package dev.kept.playground;

import dev.kept.chat.NeutralJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The neutral message or form of an {@link Item} as JSON, field by field (no reflection, no type ids). */
final class ItemCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ItemCodec() {
    }

    static String write(Item item) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", item.kind());
        o.put("at", item.atMillis());
        o.put("private", item.privately());
        if (item.message() != null) {
            o.set("message", NeutralJson.message(item.message()));
        }
        if (item.form() != null) {
            o.set("form", NeutralJson.form(item.form()));
        }
        NeutralJson.putNullable(o, "text", item.text());
        NeutralJson.putNullable(o, "fileName", item.fileName());
        NeutralJson.putNullable(o, "fileContent", item.fileContent());
        NeutralJson.putNullable(o, "key", item.key());
        return JSON.writeValueAsString(o);
    }

    static Item read(String json) {
        JsonNode o = JSON.readTree(json);
        return new Item(NeutralJson.str(o, "kind"), o.path("at").asLong(), o.path("private").asBoolean(),
                o.has("message") ? NeutralJson.message(o.get("message")) : null,
                o.has("form") ? NeutralJson.form(o.get("form")) : null,
                NeutralJson.str(o, "text"), NeutralJson.str(o, "fileName"), NeutralJson.str(o, "fileContent"),
                NeutralJson.str(o, "key"));
    }
}
