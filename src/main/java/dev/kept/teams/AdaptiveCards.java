package dev.kept.teams;

import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.privacy.FormerColleague;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders the core's neutral messages and forms as Adaptive Cards 1.5 for Microsoft Teams, and wraps
 * them in activities and invoke responses.
 *
 * <p>Every piece of text that can come from people goes into a {@code TextRun} (inside a
 * {@code RichTextBlock}) or a plain title, label, placeholder or value: none of those read markdown,
 * HTML or {@code <at>} mentions, so what people type is shown exactly as typed and can never become a
 * link, a mention or formatting. No {@code TextBlock} and no {@code FactSet} (whose texts are
 * markdown) is ever used. Control characters other than newline are dropped ({@link CardText}).
 * Kept's own formatting comes as spans, each rendered natively: a {@link Markup.Code} span (a command
 * to type) is a {@code TextRun} in the monospace font, in the words typed in Teams
 * ({@link #asTypedInTeams}); a {@link Markup.Link} is a {@code TextRun} whose {@code selectAction} is an
 * {@code Action.OpenUrl} (which Teams shows as a hyperlink), its label literal like any run.
 *
 * <p>Buttons are {@code Action.Execute} (universal actions) whose {@code data} says what was clicked:
 * {@code {"kept":"click","action":actionId,"value":value}}; a form's submit button carries
 * {@code {"kept":"form","formId":…,"context":…}}, and Teams merges the inputs' values into that
 * data. {@link CardInput} reads both back.
 */
public final class AdaptiveCards {

    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String VERSION = "1.5";
    public static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The id suffix of the typed-name input beside a people picker. */
    public static final String NAME_SUFFIX = ".name";
    /** At most this many buttons side by side; more are stacked (see {@link #card}). */
    static final int SIDE_BY_SIDE = 3;
    public static final String MESSAGE_CONTENT_TYPE = "application/vnd.microsoft.activity.message";

    /** The verb of every form's submit button. */
    public static final String FORM_VERB = "kept.form";
    /** Marks Kept's data in a card's action: {@value #KIND_CLICK} or {@value #KIND_FORM}. */
    public static final String KEPT = "kept";
    public static final String KIND_CLICK = "click";
    public static final String KIND_FORM = "form";

    /** Keys of Kept's own action data: a form input with one of these ids would be overwritten by Teams' merge. */
    static final Set<String> RESERVED_IDS = Set.of(KEPT, "action", "value", "formId", "context", "msteams", "card");

    static final String DATE_SUFFIX = ".date";
    static final String TIME_SUFFIX = ".time";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    // ---------------------------------------------------------------- messages

    /**
     * A message as a card. {@code nameOf} gives the display name for a person's user id (a
     * {@link Markup.PersonRef}); it may return null when the name is unknown.
     */
    public static ObjectNode card(Message message, Function<String, String> nameOf) {
        ObjectNode card = emptyCard(summary(message, nameOf));
        ArrayNode body = card.withArray("body");
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                richText(t.text(), nameOf, false).ifPresent(body::add);
            } else if (block instanceof Message.Fields f) {
                body.add(fields(f, nameOf));
            } else if (block instanceof Message.Note n) {
                richText(n.text(), nameOf, true).ifPresent(body::add);
            } else if (block instanceof Message.Actions a) {
                // Teams lays an ActionSet's buttons side by side and cuts their titles to fit the card's
                // width; more than three (the five ratings) are stacked, one full-width button per row.
                boolean stacked = a.buttons().size() > SIDE_BY_SIDE;
                ArrayNode actions = null;
                for (Message.Button b : a.buttons()) {
                    if (actions == null || stacked) {
                        ObjectNode set = body.addObject();
                        set.put("type", "ActionSet");
                        actions = set.putArray("actions");
                    }
                    actions.add(button(b));
                }
            }
        }
        return card;
    }

    /**
     * The message's summary as one line of plain text: the card's {@code fallbackText} and the
     * activity's {@code summary} (what notifications show).
     */
    public static String summary(Message message, Function<String, String> nameOf) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : message.summary().spans()) {
            if (span instanceof Markup.Plain p) {
                out.append(p.text());
            } else if (span instanceof Markup.Bold b) {
                out.append(b.text());
            } else if (span instanceof Markup.PersonRef r) {
                out.append(personWords(r.userId(), nameOf, out.toString()));
            } else if (span instanceof Markup.Code c) {
                // Plain text has no code font: the command in quotation marks, as typed in Teams.
                out.append('\u201C').append(asTypedInTeams(CardText.line(c.text()).strip())).append('\u201D');
            } else if (span instanceof Markup.Link l) {
                out.append(l.label());
            }
        }
        return CardText.line(out.toString()).strip();
    }

    private static ObjectNode button(Message.Button b) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", CardText.line(b.label()));
        action.put("verb", b.actionId());
        ObjectNode data = action.putObject("data");
        data.put(KEPT, KIND_CLICK);
        data.put("action", b.actionId());
        if (b.value() == null) {
            data.putNull("value");
        } else {
            data.put("value", b.value());
        }
        String style = style(b.style());
        if (style != null) {
            action.put("style", style);
        }
        return action;
    }

    private static String style(Message.Style style) {
        if (style == null) {
            return null;
        }
        return switch (style) {
            case PRIMARY -> "positive";
            case DANGER -> "destructive";
            case DEFAULT -> null;
        };
    }

    /** Label/value pairs, one row each: the label in bold on the left, the value beside it. */
    private static ObjectNode fields(Message.Fields f, Function<String, String> nameOf) {
        ObjectNode container = NODES.objectNode();
        container.put("type", "Container");
        ArrayNode items = container.putArray("items");
        for (Message.Field field : f.fields()) {
            ObjectNode row = items.addObject();
            row.put("type", "ColumnSet");
            ArrayNode columns = row.putArray("columns");
            ObjectNode label = column(columns, 1);
            label.withArray("items").add(richTextBlock(List.of(run(field.label()).put("weight", "Bolder"))));
            ObjectNode value = column(columns, 2);
            richText(field.value(), nameOf, false).ifPresent(value.withArray("items")::add);
        }
        return container;
    }

    private static ObjectNode column(ArrayNode columns, int weight) {
        ObjectNode column = columns.addObject();
        column.put("type", "Column");
        column.put("width", weight);
        column.putArray("items");
        return column;
    }

    // ---------------------------------------------------------------- forms

    /** {@link #form(Form, ZoneId, Map, Map, Function)} without names for a preset person. */
    public static ObjectNode form(Form form, ZoneId zone, Map<String, String> errors, Map<String, String> typed) {
        return form(form, zone, errors, typed, id -> null);
    }

    /**
     * A form as a card with inputs and one submit button ({@code Action.Execute}, verb
     * {@value #FORM_VERB}).
     *
     * @param zone   the person's time zone: a date-time input is split into a date and a time in it
     * @param errors problems by input id (from the core's check), each shown under its field; ids that
     *               are no input of the form are shown at the top
     * @param typed  what the person typed, by card input id as {@link CardInput#submission} reports it
     *               ({@code <id>} for texts, people and choices, {@code <id>.date} and {@code <id>.time}
     *               for a date-time), shown again instead of the initial values; may be empty
     * @param nameOf display name of the person preset in a people picker (may return null)
     * @throws IllegalArgumentException when an input id is one of Kept's data keys ({@link #RESERVED_IDS})
     */
    public static ObjectNode form(Form form, ZoneId zone, Map<String, String> errors, Map<String, String> typed,
                                  Function<String, String> nameOf) {
        Map<String, String> problems = errors == null ? Map.of() : errors;
        Map<String, String> entered = typed == null ? Map.of() : typed;
        ObjectNode card = emptyCard(CardText.line(form.title()));
        ArrayNode body = card.withArray("body");
        ObjectNode title = run(form.title()).put("weight", "Bolder").put("size", "Medium");
        body.add(richTextBlock(List.of(title)));

        Set<String> ids = new java.util.HashSet<>();
        for (Form.Input input : form.inputs()) {
            ids.add(input.id());
            if (RESERVED_IDS.contains(input.id())) {
                throw new IllegalArgumentException("form " + form.formId() + " has an input named like Kept's data: "
                        + input.id());
            }
        }
        List<String> general = new ArrayList<>();
        problems.forEach((id, problem) -> {
            if (!ids.contains(id)) {
                general.add(problem);
            }
        });
        if (!problems.isEmpty()) {
            String head = general.isEmpty() ? "Please look at the fields marked below." : String.join("\n", general);
            body.add(richTextBlock(List.of(run(head).put("color", "Attention"))));
        }

        for (Form.Input input : form.inputs()) {
            if (input instanceof Form.Intro intro) {
                richText(intro.text(), nameOf, false).ifPresent(body::add);
            } else if (input instanceof Form.TextInput t) {
                body.add(textInput(t, entered));
            } else if (input instanceof Form.PersonInput p) {
                body.add(personInput(p, entered, nameOf));
                body.add(personNameInput(p, entered));
            } else if (input instanceof Form.DateTimeInput d) {
                body.add(dateTimeInput(d, zone, entered));
            } else if (input instanceof Form.ChoiceInput c) {
                body.add(choiceInput(c, entered));
            }
            String problem = problems.get(input.id());
            if (problem != null) {
                body.add(richTextBlock(List.of(run(problem).put("color", "Attention"))).put("spacing", "Small"));
            }
        }

        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ObjectNode submit = set.putArray("actions").addObject();
        submit.put("type", "Action.Execute");
        submit.put("title", CardText.line(form.submitLabel() == null ? "Send" : form.submitLabel()));
        submit.put("verb", FORM_VERB);
        submit.put("style", "positive");
        ObjectNode data = submit.putObject("data");
        data.put(KEPT, KIND_FORM);
        data.put("formId", form.formId());
        data.put("context", form.context() == null ? "" : form.context());
        return card;
    }

    private static ObjectNode textInput(Form.TextInput t, Map<String, String> typed) {
        ObjectNode in = input("Input.Text", t.id(), t.label(), !t.optional());
        in.put("isMultiline", t.multiline());
        if (t.maxLength() > 0) {
            in.put("maxLength", t.maxLength());
        }
        if (t.placeholder() != null && !t.placeholder().isEmpty()) {
            in.put("placeholder", CardText.line(t.placeholder()));
        }
        String value = typed.containsKey(t.id()) ? typed.get(t.id()) : t.initialValue();
        if (value != null && !value.isEmpty()) {
            in.put("value", CardText.clean(value));
        }
        if (!t.optional()) {
            in.put("errorMessage", "Please fill this in.");
        }
        return in;
    }

    /** Teams' people picker: a choice set whose choices come from a search of the organisation's people. */
    private static ObjectNode personInput(Form.PersonInput p, Map<String, String> typed,
                                          Function<String, String> nameOf) {
        // Not required on the client: the typed name below may stand in for it (the core still requires one).
        ObjectNode in = input("Input.ChoiceSet", p.id(), p.label(), false);
        in.put("isMultiSelect", false);
        in.put("placeholder", "Search for a colleague");
        ArrayNode choices = in.putArray("choices");
        ObjectNode query = in.putObject("choices.data");
        query.put("type", "Data.Query");
        query.put("dataset", "graph.microsoft.com/users");
        String chosen = typed.containsKey(p.id()) ? typed.get(p.id()) : p.initialUserId();
        if (chosen != null && !chosen.isBlank()) {
            in.put("value", CardText.line(chosen));
            String name = nameOf.apply(chosen);
            if (name != null && !name.isBlank()) {
                // The picker shows a preset person by the title of a matching choice.
                ObjectNode choice = choices.addObject();
                choice.put("title", CardText.line(name));
                choice.put("value", CardText.line(chosen));
            }
        }
        return in;
    }

    /**
     * Beside the picker, the colleague's name typed: Microsoft documents the people picker for Teams on
     * desktop and the web only, so on a phone this is how to name them. Read by {@link CardInput#withNamedPeople}.
     */
    private static ObjectNode personNameInput(Form.PersonInput p, Map<String, String> typed) {
        ObjectNode in = input("Input.Text", p.id() + NAME_SUFFIX, "…or type their name (if the search doesn't open)",
                false);
        in.put("isMultiline", false);
        in.put("placeholder", "Alex Smith");
        in.put("maxLength", 100);
        in.put("spacing", "Small");
        String value = typed.get(p.id() + NAME_SUFFIX);
        if (value != null && !value.isEmpty()) {
            in.put("value", CardText.line(value));
        }
        return in;
    }

    /** A date and a time side by side, in the person's zone: {@code <id>.date} and {@code <id>.time}. */
    private static ObjectNode dateTimeInput(Form.DateTimeInput d, ZoneId zone, Map<String, String> typed) {
        String dateId = d.id() + DATE_SUFFIX;
        String timeId = d.id() + TIME_SUFFIX;
        String date = null;
        String time = null;
        Instant initial = d.initialValue();
        if (initial != null) {
            LocalDateTime local = LocalDateTime.ofInstant(initial, zone);
            date = DATE.format(local);
            time = TIME.format(local);
        }
        if (typed.containsKey(dateId) || typed.containsKey(timeId)) {
            // Shown again only when readable: Teams' pickers take nothing else.
            date = readable(typed.get(dateId), DATE);
            time = readable(typed.get(timeId), TIME);
        }
        ObjectNode row = NODES.objectNode();
        row.put("type", "ColumnSet");
        ArrayNode columns = row.putArray("columns");
        ObjectNode dateIn = input("Input.Date", dateId, d.label(), true);
        putValue(dateIn, date);
        dateIn.put("errorMessage", "Please choose a date.");
        ObjectNode timeIn = input("Input.Time", timeId, "Time (" + zone.getId() + ")", true);
        putValue(timeIn, time);
        timeIn.put("errorMessage", "Please choose a time.");
        ObjectNode left = columns.addObject();
        left.put("type", "Column");
        left.put("width", "stretch");
        left.putArray("items").add(dateIn);
        ObjectNode right = columns.addObject();
        right.put("type", "Column");
        right.put("width", "stretch");
        right.putArray("items").add(timeIn);
        return row;
    }

    private static String readable(String typed, DateTimeFormatter format) {
        if (typed == null) {
            return null;
        }
        try {
            return format == DATE ? DATE.format(java.time.LocalDate.parse(typed.strip()))
                    : TIME.format(java.time.LocalTime.parse(typed.strip()));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Checkboxes for a multiple choice, a drop-down for a single one. */
    private static ObjectNode choiceInput(Form.ChoiceInput c, Map<String, String> typed) {
        ObjectNode in = input("Input.ChoiceSet", c.id(), c.label(), !c.optional());
        in.put("isMultiSelect", c.multiple());
        in.put("style", c.multiple() ? "expanded" : "compact");
        ArrayNode choices = in.putArray("choices");
        for (Form.Choice choice : c.options()) {
            ObjectNode o = choices.addObject();
            o.put("title", CardText.line(choice.label()));
            o.put("value", choice.value());
        }
        String value = typed.containsKey(c.id()) ? typed.get(c.id()) : String.join(",", c.initial());
        putValue(in, value);
        if (!c.optional()) {
            in.put("errorMessage", c.multiple() ? "Please choose at least one." : "Please choose one.");
        }
        return in;
    }

    private static ObjectNode input(String type, String id, String label, boolean required) {
        ObjectNode in = NODES.objectNode();
        in.put("type", type);
        in.put("id", id);
        if (label != null && !label.isEmpty()) {
            in.put("label", CardText.line(label));
        }
        in.put("isRequired", required);
        return in;
    }

    private static void putValue(ObjectNode input, String value) {
        if (value != null && !value.isEmpty()) {
            input.put("value", CardText.line(value));
        }
    }

    // ---------------------------------------------------------------- other cards, activities, invoke responses

    /** A card that stands in for a form that was sent (or a card whose buttons are spent): a title and a note. */
    public static ObjectNode closed(String title, String note) {
        ObjectNode card = emptyCard(CardText.line(title));
        ArrayNode body = card.withArray("body");
        body.add(richTextBlock(List.of(run(title).put("weight", "Bolder"))));
        if (note != null && !note.isBlank()) {
            body.add(richTextBlock(List.of(run(note).put("isSubtle", true))));
        }
        return card;
    }

    /** The answer to an {@code adaptiveCard/action} invoke that replaces the clicked card with {@code card}. */
    public static ObjectNode cardResponse(ObjectNode card) {
        ObjectNode response = NODES.objectNode();
        response.put("statusCode", 200);
        response.put("type", CARD_CONTENT_TYPE);
        response.set("value", card);
        return response;
    }

    /** The answer to an {@code adaptiveCard/action} invoke that shows {@code text} and leaves the card as it is. */
    public static ObjectNode messageResponse(String text) {
        ObjectNode response = NODES.objectNode();
        response.put("statusCode", 200);
        response.put("type", MESSAGE_CONTENT_TYPE);
        response.put("value", CardText.line(text));
        return response;
    }

    /** A message activity carrying one card; {@code summary} is what notifications show. */
    public static ObjectNode activity(ObjectNode card, String summary) {
        ObjectNode activity = NODES.objectNode();
        activity.put("type", "message");
        if (summary != null && !summary.isBlank()) {
            activity.put("summary", CardText.line(summary));
        }
        ObjectNode attachment = activity.putArray("attachments").addObject();
        attachment.put("contentType", CARD_CONTENT_TYPE);
        attachment.set("content", card);
        return activity;
    }

    // ---------------------------------------------------------------- text

    private static ObjectNode emptyCard(String fallbackText) {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", fallbackText);
        card.putArray("body");
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    /** Markup as a RichTextBlock, or nothing when it has no text at all. */
    private static java.util.Optional<ObjectNode> richText(Markup markup, Function<String, String> nameOf,
                                                           boolean note) {
        List<ObjectNode> runs = runs(markup, nameOf);
        if (note) {
            runs.forEach(r -> r.put("isSubtle", true).put("size", "Small"));
        }
        return runs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(richTextBlock(runs));
    }

    private static ObjectNode richTextBlock(List<ObjectNode> runs) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        runs.forEach(inlines::add);
        return block;
    }

    /** A TextRun: literal text, never markdown. */
    private static ObjectNode run(String text) {
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
    private static String personWords(String userId, Function<String, String> nameOf, String before) {
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
