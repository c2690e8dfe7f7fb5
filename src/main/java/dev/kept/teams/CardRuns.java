package dev.kept.teams;

import dev.kept.chat.Markup;
import dev.kept.privacy.FormerColleague;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Markup as Adaptive Card text: a {@code RichTextBlock} of {@code TextRun}s, which read no markdown, HTML or
 * mentions, so what people typed shows exactly as typed. Bold is a bold run, a person their display name,
 * a {@link Markup.Code} span a monospace run in the words typed in Teams ({@link #asTypedInTeams}), a
 * {@link Markup.Link} a run whose {@code selectAction} opens the url.
 */
final class CardRuns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CardRuns() {
    }

    /** Markup as a RichTextBlock, or nothing when it has no text at all. */
    static java.util.Optional<ObjectNode> richText(Markup markup, Function<String, String> nameOf,
                                                           boolean note) {
        List<ObjectNode> runs = runs(markup, nameOf);
        if (note) {
            runs.forEach(r -> r.put("isSubtle", true).put("size", "Small"));
        }
        return runs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(richTextBlock(runs));
    }

    static ObjectNode richTextBlock(List<ObjectNode> runs) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        runs.forEach(inlines::add);
        return block;
    }

    /** A TextRun: literal text, never markdown. */
    static ObjectNode run(String text) {
        ObjectNode run = NODES.objectNode();
        run.put("type", "TextRun");
        run.put("text", CardText.clean(text));
        return run;
    }

    static List<ObjectNode> runs(Markup markup, Function<String, String> nameOf) {
        List<ObjectNode> runs = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        // Adjacent plain spans make one run.
        StringBuilder pending = new StringBuilder();
        for (Markup.Span span : markup.spans()) {
            if (span instanceof Markup.Plain p) {
                pending.append(p.text());
                continue;
            }
            add(runs, shown, pending.toString(), null, null);
            pending.setLength(0);
            if (span instanceof Markup.Bold b) {
                add(runs, shown, b.text(), "Bolder", null);
            } else if (span instanceof Markup.Code c) {
                add(runs, shown, asTypedInTeams(CardText.line(c.text()).strip()), null, "Monospace");
            } else if (span instanceof Markup.Link l) {
                ObjectNode run = add(runs, shown, CardText.line(l.label()), null, null);
                if (run != null) {
                    ObjectNode open = run.putObject("selectAction");
                    open.put("type", "Action.OpenUrl");
                    open.put("url", l.url());
                }
            } else if (span instanceof Markup.PersonRef r) {
                if (FormerColleague.is(r.userId())) {
                    add(runs, shown, personWords(r.userId(), nameOf, shown.toString()), null, null);
                } else {
                    add(runs, shown, personWords(r.userId(), nameOf, shown.toString()), "Bolder", null);
                }
            }
        }
        add(runs, shown, pending.toString(), null, null);
        return runs;
    }

    /**
     * Kept's own command hints ({@link Markup.Code} spans) are written as Slack's slash command; in Teams the
     * same words are typed in the chat with Kept, without the slash command: {@code /promise list} is
     * {@code list}, {@code /promise @bob …} is {@code promise @bob …}, {@code /promise} alone is {@code promise}.
     */
    static String asTypedInTeams(String hint) {
        if (!hint.startsWith("/promise")) {
            return hint;
        }
        String rest = hint.substring("/promise".length()).strip();
        if (rest.isEmpty() || rest.startsWith("@")) {
            return ("promise " + rest).strip();
        }
        return rest;
    }

    /** Adds a run of {@code text} (nothing when it is empty) and returns it, or null. */
    private static ObjectNode add(List<ObjectNode> runs, StringBuilder shown, String text, String weight, String font) {
        String clean = CardText.clean(text);
        if (clean.isEmpty()) {
            return null;
        }
        ObjectNode run = NODES.objectNode();
        run.put("type", "TextRun");
        run.put("text", clean);
        if (weight != null) {
            run.put("weight", weight);
        }
        if (font != null) {
            run.put("fontType", font);
        }
        runs.add(run);
        shown.append(clean);
        return run;
    }

    /** How a person is named: their display name, or words for a former colleague or an unknown name. */
    static String personWords(String userId, Function<String, String> nameOf, String before) {
        if (FormerColleague.is(userId)) {
            return startsSentence(before) ? capitalized(FormerColleague.WORDS) : FormerColleague.WORDS;
        }
        String name = nameOf == null ? null : nameOf.apply(userId);
        if (name == null || name.isBlank()) {
            return startsSentence(before) ? "A colleague" : "a colleague";
        }
        return CardText.line(name);
    }

    private static boolean startsSentence(String before) {
        String trimmed = before.stripTrailing();
        return trimmed.isEmpty() || before.endsWith("\n") || trimmed.endsWith(".") || trimmed.endsWith("!")
                || trimmed.endsWith("?");
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
