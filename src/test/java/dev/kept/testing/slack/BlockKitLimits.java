package dev.kept.testing.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges what Kept sends Slack by Slack's published Block Kit limits (docs.slack.dev, "Block Kit" reference
 * pages for each block and element, and chat.postMessage's {@code text}): a payload past any of them is answered
 * {@code invalid_blocks} (or the view is refused) by real Slack, though our fake would take it.
 *
 * <ul>
 *   <li>blocks: 50 per message, 100 per modal or Home tab; {@code block_id} at most 255 and unique in the
 *       message or view;</li>
 *   <li>section: text 3,000; at most 10 fields of 2,000 each; header: text 150; context: 10 elements;
 *       actions: 25 elements;</li>
 *   <li>button: text 75, value 2,000, url 3,000, {@code action_id} 255; action ids unique within a block;</li>
 *   <li>input label 2,000, placeholder 150; static select at most 100 options, option text 75, value 150;</li>
 *   <li>modal: title, submit and close 24, {@code private_metadata} 3,000, {@code callback_id} 255;</li>
 *   <li>message: a non-empty top-level {@code text} fallback (Slack's accessibility rule for messages with
 *       blocks), at most 40,000 characters.</li>
 * </ul>
 * Lengths are counted in characters of the JSON string value, as Slack counts them (after mrkdwn escaping).
 */
public final class BlockKitLimits {

    /** The largest value of each measure seen over every payload judged in this JVM. */
    private static final ConcurrentHashMap<String, Integer> WORST = new ConcurrentHashMap<>();
    private static final AtomicInteger JUDGED = new AtomicInteger();

    private BlockKitLimits() {
    }

    /** How many payloads were judged so far, and the largest value of each measure. */
    public static String summary() {
        return JUDGED.get() + " payloads judged; worst: " + new java.util.TreeMap<>(WORST);
    }

    /** The violations of one recorded Web API call; empty when it is not a message or view, or is within limits. */
    public static List<String> judge(FakeSlackApi.Call call) {
        List<String> out = new ArrayList<>();
        String method = call.method();
        boolean message = method.equals("chat.postMessage") || method.equals("chat.update")
                || method.equals("chat.postEphemeral") || method.equals(FakeSlackApi.RESPONSE_URL);
        boolean view = method.startsWith("views.");
        if (!message && !view) {
            return out;
        }
        JUDGED.incrementAndGet();
        if (message) {
            String blocks = call.param("blocks");
            String text = call.param("text");
            boolean deleting = "true".equals(call.param("delete_original"));
            if (!deleting && (text == null || text.isBlank())) {
                out.add(method + ": no top-level text fallback");
            }
            max(out, "message text", text == null ? 0 : text.length(), 40_000);
            if (blocks != null && !blocks.isBlank()) {
                JsonArray array = JsonParser.parseString(blocks).getAsJsonArray();
                max(out, "blocks per message", array.size(), 50);
                blocks(out, array);
            }
        } else {
            String v = call.param("view");
            if (v == null || v.isBlank()) {
                return out;
            }
            JsonObject viewJson = JsonParser.parseString(v).getAsJsonObject();
            boolean modal = "modal".equals(str(viewJson, "type"));
            JsonArray array = viewJson.has("blocks") ? viewJson.getAsJsonArray("blocks") : new JsonArray();
            max(out, "blocks per view", array.size(), 100);
            if (modal) {
                max(out, "modal title", textLength(viewJson.get("title")), 24);
                max(out, "modal submit", textLength(viewJson.get("submit")), 24);
                max(out, "modal close", textLength(viewJson.get("close")), 24);
            }
            max(out, "private_metadata", str(viewJson, "private_metadata").length(), 3_000);
            max(out, "callback_id", str(viewJson, "callback_id").length(), 255);
            blocks(out, array);
        }
        return out;
    }

    private static void blocks(List<String> out, JsonArray blocks) {
        Set<String> blockIds = new HashSet<>();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            String type = str(b, "type");
            String blockId = str(b, "block_id");
            if (!blockId.isEmpty()) {
                max(out, "block_id", blockId.length(), 255);
                if (!blockIds.add(blockId)) {
                    out.add("block_id " + blockId + " used twice");
                }
            }
            switch (type) {
                case "section" -> {
                    max(out, "section text", textLength(b.get("text")), 3_000);
                    if (b.has("fields")) {
                        JsonArray fields = b.getAsJsonArray("fields");
                        max(out, "section fields", fields.size(), 10);
                        for (JsonElement f : fields) {
                            max(out, "section field", textLength(f), 2_000);
                        }
                    }
                    if (b.has("accessory")) {
                        element(out, b.getAsJsonObject("accessory"), new HashSet<>());
                    }
                }
                case "header" -> max(out, "header text", textLength(b.get("text")), 150);
                case "context" -> max(out, "context elements", b.getAsJsonArray("elements").size(), 10);
                case "actions" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    max(out, "actions elements", elements.size(), 25);
                    Set<String> actionIds = new HashSet<>();
                    for (JsonElement x : elements) {
                        element(out, x.getAsJsonObject(), actionIds);
                    }
                }
                case "input" -> {
                    max(out, "input label", textLength(b.get("label")), 2_000);
                    if (b.has("element")) {
                        element(out, b.getAsJsonObject("element"), new HashSet<>());
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void element(List<String> out, JsonObject el, Set<String> actionIdsInBlock) {
        String actionId = str(el, "action_id");
        if (!actionId.isEmpty()) {
            max(out, "action_id", actionId.length(), 255);
            if (!actionIdsInBlock.add(actionId)) {
                out.add("action_id " + actionId + " used twice in one block");
            }
        }
        String type = str(el, "type");
        if (type.equals("button")) {
            max(out, "button text", textLength(el.get("text")), 75);
            max(out, "button value", str(el, "value").length(), 2_000);
            max(out, "button url", str(el, "url").length(), 3_000);
        }
        if (el.has("placeholder")) {
            max(out, "placeholder", textLength(el.get("placeholder")), 150);
        }
        if (el.has("options")) {
            JsonArray options = el.getAsJsonArray("options");
            max(out, "select options", options.size(), 100);
            for (JsonElement o : options) {
                max(out, "option text", textLength(o.getAsJsonObject().get("text")), 75);
                max(out, "option value", str(o.getAsJsonObject(), "value").length(), 150);
            }
        }
    }

    private static void max(List<String> out, String what, int value, int limit) {
        WORST.merge(what, value, Math::max);
        if (value > limit) {
            out.add(what + " is " + value + " (Slack's limit is " + limit + ")");
        }
    }

    private static int textLength(JsonElement textObject) {
        if (textObject == null || !textObject.isJsonObject()) {
            return 0;
        }
        return str(textObject.getAsJsonObject(), "text").length();
    }

    private static String str(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

}
