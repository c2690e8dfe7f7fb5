package dev.kept.teams;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A small structural check of the Adaptive Cards Kept renders, after the 1.5 schema: every element and
 * action has a known type and only properties that type has (with known values for the enumerations),
 * input ids are unique, the card says version 1.5. It also refuses what Kept must never send: a
 * {@code TextBlock} or a {@code FactSet} (both read markdown), mention entities, control characters, and any
 * link but a text run's {@code Action.OpenUrl} to an http or https address.
 */
final class CardChecker {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Set<String>> ELEMENTS = Map.of(
            "RichTextBlock", Set.of("type", "inlines", "spacing", "id", "separator", "horizontalAlignment"),
            "Container", Set.of("type", "items", "spacing", "style", "separator"),
            "ColumnSet", Set.of("type", "columns", "spacing", "separator"),
            "ActionSet", Set.of("type", "actions", "spacing"),
            "Input.Text", Set.of("type", "id", "label", "isRequired", "errorMessage", "isMultiline", "maxLength",
                    "placeholder", "value", "spacing"),
            "Input.Date", Set.of("type", "id", "label", "isRequired", "errorMessage", "value", "min", "max"),
            "Input.Time", Set.of("type", "id", "label", "isRequired", "errorMessage", "value", "min", "max"),
            "Input.ChoiceSet", Set.of("type", "id", "label", "isRequired", "errorMessage", "isMultiSelect", "style",
                    "choices", "choices.data", "value", "placeholder", "spacing"));
    private static final Set<String> CARD = Set.of("type", "$schema", "version", "fallbackText", "body", "msteams");
    private static final Set<String> COLUMN = Set.of("type", "items", "width");
    private static final Set<String> TEXT_RUN = Set.of("type", "text", "weight", "size", "color", "isSubtle",
            "fontType", "italic", "selectAction");
    /** A text run's link: it opens a web page, nothing else (Markup.Link accepts only http and https). */
    private static final Set<String> OPEN_URL = Set.of("type", "url");
    private static final Set<String> EXECUTE = Set.of("type", "title", "verb", "data", "style");
    private static final Set<String> WEIGHTS = Set.of("Default", "Lighter", "Bolder");
    private static final Set<String> SIZES = Set.of("Default", "Small", "Medium", "Large", "ExtraLarge");
    private static final Set<String> COLORS = Set.of("Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention");
    private static final Set<String> ACTION_STYLES = Set.of("default", "positive", "destructive");
    private static final Set<String> SPACINGS = Set.of("None", "Small", "Default", "Medium", "Large", "ExtraLarge",
            "Padding");

    private CardChecker() {
    }

    /** Checks a card; throws an AssertionError that names the path of the first problem. */
    static void check(JsonNode card) {
        // What goes over the wire must read back the same.
        JsonNode reread = JSON.readTree(JSON.writeValueAsString(card));
        require(reread.equals(card), "$", "the card does not survive JSON serialisation");
        require(card.isObject(), "$", "a card is an object");
        keys(card, CARD, "$");
        require("AdaptiveCard".equals(card.path("type").asString()), "$.type", "AdaptiveCard");
        require("1.5".equals(card.path("version").asString()), "$.version", "1.5");
        require(AdaptiveCards.SCHEMA.equals(card.path("$schema").asString()), "$.$schema", "schema URL");
        require(card.path("body").isArray(), "$.body", "an array");
        require(card.path("fallbackText").isString(), "$.fallbackText", "a string");
        if (card.has("msteams")) {
            keys(card.get("msteams"), Set.of("width"), "$.msteams");
        }
        Set<String> ids = new HashSet<>();
        items(card.get("body"), "$.body", ids);
        strings(card, "$");
    }

    private static void items(JsonNode items, String path, Set<String> ids) {
        require(items != null && items.isArray(), path, "an array of elements");
        for (int i = 0; i < items.size(); i++) {
            element(items.get(i), path + "[" + i + "]", ids);
        }
    }

    private static void element(JsonNode e, String path, Set<String> ids) {
        String type = e.path("type").asString();
        require(!"TextBlock".equals(type) && !"FactSet".equals(type), path, "no markdown element (" + type + ")");
        Set<String> allowed = ELEMENTS.get(type);
        require(allowed != null, path, "a known element type, not " + type);
        keys(e, allowed, path);
        if (e.has("spacing")) {
            require(SPACINGS.contains(e.get("spacing").asString()), path + ".spacing", "a spacing");
        }
        if (e.has("id")) {
            require(ids.add(e.get("id").asString()), path + ".id", "a unique id: " + e.get("id"));
        }
        if (type.startsWith("Input.")) {
            require(e.path("id").isString() && !e.get("id").asString().isEmpty(), path + ".id", "an input has an id");
            require(e.path("isRequired").isBoolean(), path + ".isRequired", "a boolean");
            if (e.has("value")) {
                require(e.get("value").isString(), path + ".value", "a string");
            }
        }
        switch (type) {
            case "RichTextBlock" -> {
                require(e.path("inlines").isArray() && !e.get("inlines").isEmpty(), path + ".inlines", "text runs");
                for (int i = 0; i < e.get("inlines").size(); i++) {
                    textRun(e.get("inlines").get(i), path + ".inlines[" + i + "]");
                }
            }
            case "Container" -> items(e.get("items"), path + ".items", ids);
            case "ColumnSet" -> {
                require(e.path("columns").isArray(), path + ".columns", "an array");
                for (int i = 0; i < e.get("columns").size(); i++) {
                    JsonNode column = e.get("columns").get(i);
                    String cp = path + ".columns[" + i + "]";
                    require("Column".equals(column.path("type").asString()), cp, "a Column");
                    keys(column, COLUMN, cp);
                    JsonNode width = column.get("width");
                    require(width == null || width.isInt() || Set.of("auto", "stretch").contains(width.asString()),
                            cp + ".width", "auto, stretch or a weight");
                    items(column.get("items"), cp + ".items", ids);
                }
            }
            case "ActionSet" -> {
                require(e.path("actions").isArray() && !e.get("actions").isEmpty(), path + ".actions", "actions");
                for (int i = 0; i < e.get("actions").size(); i++) {
                    action(e.get("actions").get(i), path + ".actions[" + i + "]");
                }
            }
            case "Input.Text" -> {
                require(e.path("isMultiline").isBoolean(), path + ".isMultiline", "a boolean");
                if (e.has("maxLength")) {
                    require(e.get("maxLength").isInt() && e.get("maxLength").asInt() > 0, path + ".maxLength", "> 0");
                }
            }
            case "Input.Date" -> {
                if (e.has("value")) {
                    require(e.get("value").asString().matches("\\d{4}-\\d{2}-\\d{2}"), path + ".value", "yyyy-MM-dd");
                }
            }
            case "Input.Time" -> {
                if (e.has("value")) {
                    require(e.get("value").asString().matches("\\d{2}:\\d{2}"), path + ".value", "HH:mm");
                }
            }
            case "Input.ChoiceSet" -> {
                require(e.path("choices").isArray(), path + ".choices", "an array");
                require(e.path("isMultiSelect").isBoolean(), path + ".isMultiSelect", "a boolean");
                for (JsonNode choice : e.get("choices")) {
                    keys(choice, Set.of("title", "value"), path + ".choices[]");
                    require(choice.path("title").isString() && choice.path("value").isString(), path + ".choices[]",
                            "title and value strings");
                }
                if (e.has("style")) {
                    require(Set.of("compact", "expanded", "filtered").contains(e.get("style").asString()),
                            path + ".style", "a choice style");
                }
                if (e.has("choices.data")) {
                    JsonNode query = e.get("choices.data");
                    keys(query, Set.of("type", "dataset"), path + ".choices.data");
                    require("Data.Query".equals(query.path("type").asString()), path + ".choices.data.type",
                            "Data.Query");
                }
            }
            default -> {
            }
        }
    }

    private static void textRun(JsonNode run, String path) {
        require("TextRun".equals(run.path("type").asString()), path, "a TextRun");
        keys(run, TEXT_RUN, path);
        require(run.path("text").isString() && !run.get("text").asString().isEmpty(), path + ".text", "text");
        enumValue(run, "weight", WEIGHTS, path);
        enumValue(run, "size", SIZES, path);
        enumValue(run, "color", COLORS, path);
        enumValue(run, "fontType", Set.of("Default", "Monospace"), path);
        if (run.has("isSubtle")) {
            require(run.get("isSubtle").isBoolean(), path + ".isSubtle", "a boolean");
        }
        if (run.has("selectAction")) {
            JsonNode open = run.get("selectAction");
            require("Action.OpenUrl".equals(open.path("type").asString()), path + ".selectAction", "an Action.OpenUrl");
            keys(open, OPEN_URL, path + ".selectAction");
            require(open.path("url").asString("").matches("https?://[\\x21-\\x7E]+"), path + ".selectAction.url",
                    "an http or https url");
        }
    }

    private static void action(JsonNode a, String path) {
        require("Action.Execute".equals(a.path("type").asString()), path, "an Action.Execute");
        keys(a, EXECUTE, path);
        require(a.path("title").isString() && !a.get("title").asString().isBlank(), path + ".title", "a title");
        require(a.path("verb").isString() && !a.get("verb").asString().isBlank(), path + ".verb", "a verb");
        require(a.path("data").isObject(), path + ".data", "an object");
        enumValue(a, "style", ACTION_STYLES, path);
    }

    private static void enumValue(JsonNode node, String key, Set<String> values, String path) {
        if (node.has(key)) {
            require(values.contains(node.get(key).asString()), path + "." + key, "one of " + values);
        }
    }

    private static void keys(JsonNode node, Set<String> allowed, String path) {
        for (String key : node.propertyNames()) {
            require(allowed.contains(key), path + "." + key, "a property this type has");
        }
    }

    /** No control characters other than newline in any string that is shown (actions' data aside). */
    private static void strings(JsonNode node, String path) {
        if (node.isString()) {
            String s = node.asString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                require(c == '\n' || !CardText.isControl(c), path, "no control character U+" + Integer.toHexString(c));
            }
        } else if (node.isObject()) {
            for (String key : node.propertyNames()) {
                require(!key.equals("entities"), path + "." + key, "no mention entities");
                if (key.equals("data") && node.path("type").asString("").startsWith("Action.")) {
                    // An action's data is never shown: Kept's values come back exactly as they were sent.
                    continue;
                }
                strings(node.get(key), path + "." + key);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void require(boolean ok, String path, String what) {
        if (!ok) {
            throw new AssertionError("invalid card at " + path + ": expected " + what);
        }
    }

    // ---------------------------------------------------------------- reading cards in tests

    /** Every element of the body, depth first (containers, column sets and columns' items included). */
    static List<JsonNode> elements(JsonNode card) {
        List<JsonNode> out = new ArrayList<>();
        walkItems(card.path("body"), out::add);
        return out;
    }

    private static void walkItems(JsonNode items, Consumer<JsonNode> each) {
        for (JsonNode e : items) {
            each.accept(e);
            walkItems(e.path("items"), each);
            for (JsonNode column : e.path("columns")) {
                walkItems(column.path("items"), each);
            }
        }
    }

    /** Every action of the card, in order. */
    static List<JsonNode> actions(JsonNode card) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : elements(card)) {
            e.path("actions").forEach(out::add);
        }
        return out;
    }

    /** The text of a RichTextBlock's runs, joined. */
    static String text(JsonNode richTextBlock) {
        StringBuilder out = new StringBuilder();
        richTextBlock.path("inlines").forEach(r -> out.append(r.path("text").asString()));
        return out.toString();
    }

    /** The input with this id. */
    static JsonNode input(JsonNode card, String id) {
        return elements(card).stream().filter(e -> id.equals(e.path("id").asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + id));
    }

    /**
     * Every string of the card with the path of the property that holds it, e.g.
     * {@code TextRun.text}, {@code Action.Execute.title}, {@code Action.Execute.data.value}, {@code fallbackText}.
     */
    static List<Map.Entry<String, String>> placedStrings(JsonNode card) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        placed(card, "AdaptiveCard", out);
        return out;
    }

    private static void placed(JsonNode node, String where, List<Map.Entry<String, String>> out) {
        if (node.isObject()) {
            String type = node.has("type") && node.get("type").isString() ? node.get("type").asString() : where;
            for (String key : node.propertyNames()) {
                JsonNode v = node.get(key);
                if (v.isString()) {
                    out.add(Map.entry(type + "." + key, v.asString()));
                } else {
                    placed(v, type + "." + key, out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                placed(v, where, out);
            }
        }
    }
}
