package dev.kept.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breaks one field of a JSON payload, as the fuzz suites of both platforms do: a leaked secret, a buggy proxy or
 * an edited replay sends what the platform never would. The field is picked by {@code field} among every field of
 * the payload down to two levels of nesting.
 */
public final class PayloadBreaker {

    /** How a field is broken ({@link #NOT_A_PAYLOAD} and anything payload-specific are the caller's). */
    public enum Break { REMOVE, NULL, NUMBER, LIST, OBJECT, CONTROL, HUGE, UNKNOWN_TYPE, ELSEWHERE, NOT_A_PAYLOAD }

    private PayloadBreaker() {
    }

    /** Breaks one field of {@code payload} in place; {@code junk} is random text some breaks use. */
    public static void breakOneField(ObjectNode payload, Break how, int field, String junk, String controlPrefix) {
        List<ObjectNode> holders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(payload, holders, names, 0);
        if (holders.isEmpty()) {
            return;
        }
        ObjectNode holder = holders.get(field % holders.size());
        String name = names.get(field % names.size());
        switch (how) {
            case REMOVE -> holder.remove(name);
            case NULL -> holder.putNull(name);
            case NUMBER -> holder.put(name, 42);
            case LIST -> holder.putArray(name).add(1).add("two");
            case OBJECT -> holder.putObject(name).put("id", junk);
            case CONTROL -> holder.put(name, controlPrefix + "\u0000\r\n" + junk);
            case HUGE -> holder.put(name, "x".repeat(20_000));
            case UNKNOWN_TYPE -> holder.put("type", "kept_fuzz_" + field);
            default -> {
            }
        }
    }

    /** Every object of the payload down to two levels, each paired with one of its field names. */
    private static void collect(ObjectNode node, List<ObjectNode> holders, List<String> names, int depth) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            holders.add(node);
            names.add(e.getKey());
        }
        if (depth < 2) {
            for (Map.Entry<String, JsonNode> e : Set.copyOf(node.properties())) {
                if (e.getValue() instanceof ObjectNode child) {
                    collect(child, holders, names, depth + 1);
                }
            }
        }
    }
}
