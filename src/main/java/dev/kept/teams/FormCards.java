package dev.kept.teams;

import dev.kept.chat.Form;
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
 * The core's forms as Adaptive Cards: each input as Teams shows it (a people picker with a typed-name fallback,
 * a date and a time side by side in the person's zone, checkboxes or a drop-down), the problems named under
 * their fields, and what the person typed kept when the card comes back. The submit button's data says which
 * form it is ({@link AdaptiveCards#FORM_VERB}); {@link CardInput} reads the submission back.
 */
final class FormCards {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormCards() {
    }

    /** {@link #form(Form, ZoneId, Map, Map, Function)} without names for a preset person. */
    public static ObjectNode form(Form form, ZoneId zone, Map<String, String> errors, Map<String, String> typed) {
        return form(form, zone, errors, typed, id -> null);
    }

    /**
     * A form as a card with inputs and one submit button ({@code Action.Execute}, verb
     * {@value #AdaptiveCards.FORM_VERB}).
     *
     * @param zone   the person's time zone: a date-time input is split into a date and a time in it
     * @param errors problems by input id (from the core's check), each shown under its field; ids that
     *               are no input of the form are shown at the top
     * @param typed  what the person typed, by card input id as {@link CardInput#submission} reports it
     *               ({@code <id>} for texts, people and choices, {@code <id>.date} and {@code <id>.time}
     *               for a date-time), shown again instead of the initial values; may be empty
     * @param nameOf display name of the person preset in a people picker (may return null)
     * @throws IllegalArgumentException when an input id is one of Kept's data keys ({@link #AdaptiveCards.RESERVED_IDS})
     */
    public static ObjectNode form(Form form, ZoneId zone, Map<String, String> errors, Map<String, String> typed,
                                  Function<String, String> nameOf) {
        Map<String, String> problems = errors == null ? Map.of() : errors;
        Map<String, String> entered = typed == null ? Map.of() : typed;
        ObjectNode card = AdaptiveCards.emptyCard(CardText.line(form.title()));
        ArrayNode body = card.withArray("body");
        ObjectNode title = CardRuns.run(form.title()).put("weight", "Bolder").put("size", "Medium");
        body.add(CardRuns.richTextBlock(List.of(title)));

        Set<String> ids = new java.util.HashSet<>();
        for (Form.Input input : form.inputs()) {
            ids.add(input.id());
            if (AdaptiveCards.RESERVED_IDS.contains(input.id())) {
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
            body.add(CardRuns.richTextBlock(List.of(CardRuns.run(head).put("color", "Attention"))));
        }

        for (Form.Input input : form.inputs()) {
            if (input instanceof Form.Intro intro) {
                CardRuns.richText(intro.text(), nameOf, false).ifPresent(body::add);
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
                body.add(CardRuns.richTextBlock(List.of(CardRuns.run(problem).put("color", "Attention"))).put("spacing", "Small"));
            }
        }

        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ObjectNode submit = set.putArray("actions").addObject();
        submit.put("type", "Action.Execute");
        submit.put("title", CardText.line(form.submitLabel() == null ? "Send" : form.submitLabel()));
        submit.put("verb", AdaptiveCards.FORM_VERB);
        submit.put("style", "positive");
        ObjectNode data = submit.putObject("data");
        data.put(AdaptiveCards.KEPT, AdaptiveCards.KIND_FORM);
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
        ObjectNode in = input("Input.Text", p.id() + AdaptiveCards.NAME_SUFFIX, "…or type their name (if the search doesn't open)",
                false);
        in.put("isMultiline", false);
        in.put("placeholder", "Alex Smith");
        in.put("maxLength", 100);
        in.put("spacing", "Small");
        String value = typed.get(p.id() + AdaptiveCards.NAME_SUFFIX);
        if (value != null && !value.isEmpty()) {
            in.put("value", CardText.line(value));
        }
        return in;
    }

    /** A date and a time side by side, in the person's zone: {@code <id>.date} and {@code <id>.time}. */
    private static ObjectNode dateTimeInput(Form.DateTimeInput d, ZoneId zone, Map<String, String> typed) {
        String dateId = d.id() + AdaptiveCards.DATE_SUFFIX;
        String timeId = d.id() + AdaptiveCards.TIME_SUFFIX;
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


    /**
     * The same form card for a dialog (a message extension's task module), where Teams runs {@code Action.Submit}
     * only: its submit button becomes one, with the same data (Teams merges the inputs into it).
     */
    static ObjectNode forDialog(ObjectNode card) {
        ObjectNode copy = card.deepCopy();
        submitsOf(copy).forEach(action -> {
            action.put("type", "Action.Submit");
            action.remove("verb");
        });
        return copy;
    }

    /** Whether {@code card} is a form card made for a dialog. */
    static boolean isDialog(ObjectNode card) {
        return submitsOf(card).stream().anyMatch(a -> "Action.Submit".equals(a.path("type").asString("")));
    }

    private static List<ObjectNode> submitsOf(tools.jackson.databind.JsonNode node) {
        List<ObjectNode> found = new ArrayList<>();
        if (node.isObject()) {
            if (AdaptiveCards.KIND_FORM.equals(node.path("data").path(AdaptiveCards.KEPT).asString(""))
                    && node.path("type").asString("").startsWith("Action.")) {
                found.add((ObjectNode) node);
            }
            node.forEach(child -> found.addAll(submitsOf(child)));
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(submitsOf(child)));
        }
        return found;
    }
}
