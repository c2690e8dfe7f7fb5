package dev.kept.teams;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What came back from a card Kept sent: a button click or a form's submission, read from either
 * shape Teams uses.
 * <ul>
 *   <li>{@code Action.Execute}: an activity of type {@code invoke}, name {@code adaptiveCard/action},
 *       with {@code value.action.verb} and {@code value.action.data};</li>
 *   <li>{@code Action.Submit}: a {@code message} activity whose {@code value} is the data.</li>
 * </ul>
 * In both, Teams merges the values of the card's inputs into the data. Nothing here is trusted: the
 * form's inputs are read by the ids of the {@link Form} Kept kept on its side, values that are not
 * strings are ignored, and the core still checks who may do what.
 *
 * @param kind      a click on a button or a form's submission
 * @param execute   true for {@code Action.Execute} (an invoke, answered with an invoke response),
 *                  false for {@code Action.Submit} (a message activity)
 * @param actionId  the clicked button's action id (clicks only, otherwise null)
 * @param value     the clicked button's value (clicks only; null when the button had none)
 * @param formId    the form id the card carried (forms only, otherwise null; may be null if missing)
 * @param context   the form context the card carried (forms only, otherwise null; "" if missing)
 * @param data      the whole data object, inputs included (never null)
 */
public record CardInput(Kind kind, boolean execute, String actionId, String value, String formId, String context,
                        JsonNode data) {

    public enum Kind { CLICK, FORM }

    public static final String INVOKE_NAME = "adaptiveCard/action";

    /** Ids as Teams' people picker gives them (AAD object ids) and as chat platforms write user ids. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    /**
     * Reads a click or a form submission from an activity; empty when the activity is neither (a plain
     * message, another invoke, data that is not Kept's).
     */
    public static Optional<CardInput> read(JsonNode activity) {
        if (activity == null || !activity.isObject()) {
            return Optional.empty();
        }
        String type = string(activity.get("type"));
        if ("invoke".equals(type)) {
            if (!INVOKE_NAME.equals(string(activity.get("name")))) {
                return Optional.empty();
            }
            JsonNode action = activity.path("value").path("action");
            if (!action.isObject()) {
                return Optional.empty();
            }
            JsonNode data = action.get("data");
            return fromData(data != null && data.isObject() ? data : JsonNodeFactory.instance.objectNode(),
                    string(action.get("verb")), true);
        }
        if ("message".equals(type)) {
            JsonNode value = activity.get("value");
            if (value == null || !value.isObject()) {
                return Optional.empty();
            }
            return fromData(value, null, false);
        }
        return Optional.empty();
    }

    /** The data of a dialog's {@code Action.Submit} (a message extension's submitAction): a form, or nothing. */
    public static Optional<CardInput> fromDialog(JsonNode data) {
        return data != null && data.isObject() ? fromData(data, null, false) : Optional.empty();
    }

    private static Optional<CardInput> fromData(JsonNode data, String verb, boolean execute) {
        String kind = string(data.get(AdaptiveCards.KEPT));
        if (kind == null && execute && verb != null && !verb.isBlank()) {
            // An Execute without Kept's marker: the verb still says what was meant.
            kind = AdaptiveCards.FORM_VERB.equals(verb) ? AdaptiveCards.KIND_FORM : AdaptiveCards.KIND_CLICK;
        }
        if (AdaptiveCards.KIND_CLICK.equals(kind)) {
            String action = string(data.get("action"));
            if (action == null || action.isBlank()) {
                action = AdaptiveCards.FORM_VERB.equals(verb) ? null : verb;
            }
            if (action == null || action.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new CardInput(Kind.CLICK, execute, action, string(data.get("value")), null, null,
                    data));
        }
        if (AdaptiveCards.KIND_FORM.equals(kind)) {
            String context = string(data.get("context"));
            return Optional.of(new CardInput(Kind.FORM, execute, null, null, string(data.get("formId")),
                    context == null ? "" : context, data));
        }
        return Optional.empty();
    }

    public boolean isClick() {
        return kind == Kind.CLICK;
    }

    public boolean isForm() {
        return kind == Kind.FORM;
    }

    /**
     * This input with each people picker of {@code form} that was left empty filled from the name typed beside
     * it ({@link AdaptiveCards#NAME_SUFFIX}), looked up by {@code idByName}. Names that match nobody are put in
     * {@code unknown} (picker input id → the name as typed), and the picker stays empty.
     */
    public CardInput withNamedPeople(Form form, java.util.function.Function<String, Optional<String>> idByName,
                                     Map<String, String> unknown) {
        tools.jackson.databind.node.ObjectNode filled = null;
        for (Form.Input input : form.inputs()) {
            if (!(input instanceof Form.PersonInput)) {
                continue;
            }
            String picked = string(data.get(input.id()));
            String named = string(data.get(input.id() + AdaptiveCards.NAME_SUFFIX));
            if ((picked != null && !picked.isBlank()) || named == null || named.isBlank()) {
                continue;
            }
            String name = named.strip();
            name = name.startsWith("@") ? name.substring(1).strip() : name;
            Optional<String> id = name.isEmpty() ? Optional.empty() : idByName.apply(name);
            if (id.isEmpty()) {
                unknown.put(input.id(), named.strip());
                continue;
            }
            if (filled == null) {
                filled = ((tools.jackson.databind.node.ObjectNode) data).deepCopy();
            }
            filled.put(input.id(), id.get());
        }
        return filled == null ? this : new CardInput(kind, execute, actionId, value, formId, context, filled);
    }

    /** This submission's values for {@code form}: see {@link #submission(Form, JsonNode, ZoneId, Map)}. */
    public FormSubmission submission(Form form, ZoneId zone, Map<String, String> typedOut) {
        return submission(form, data, zone, typedOut);
    }

    /**
     * Maps a card's data back to the form's inputs, by the ids of {@code form} only (anything else in
     * the data is ignored). The submission's form id and context are the form's own (kept by Kept, not
     * what the card sent back).
     * <ul>
     *   <li>texts: as typed (strings only);</li>
     *   <li>people: the people picker's AAD object id, when it looks like an id;</li>
     *   <li>date-times: {@code <id>.date} ({@code yyyy-MM-dd}) and {@code <id>.time} ({@code HH:mm}) read in
     *       {@code zone}; a missing or unreadable part leaves it out, and the core says it is missing;</li>
     *   <li>choices: comma-separated values, only those that are options of the input; a multiple choice
     *       is always present (an empty list: nothing chosen).</li>
     * </ul>
     *
     * @param typedOut receives what was typed, by card input id, to show again if the core finds problems
     *                 (pass it to {@link FormCards#form}); may be null
     */
    public static FormSubmission submission(Form form, JsonNode data, ZoneId zone, Map<String, String> typedOut) {
        Map<String, String> typed = typedOut == null ? new HashMap<>() : typedOut;
        JsonNode in = data == null || !data.isObject() ? JsonNodeFactory.instance.objectNode() : data;
        Map<String, String> texts = new HashMap<>();
        Map<String, String> people = new HashMap<>();
        Map<String, Instant> instants = new HashMap<>();
        Map<String, List<String>> choices = new HashMap<>();
        for (Form.Input input : form.inputs()) {
            String id = input.id();
            if (input instanceof Form.TextInput) {
                String text = string(in.get(id));
                if (text != null) {
                    texts.put(id, text);
                    typed.put(id, text);
                }
            } else if (input instanceof Form.PersonInput) {
                String person = string(in.get(id));
                if (person != null && USER_ID.matcher(person.strip()).matches()) {
                    people.put(id, person.strip());
                    typed.put(id, person.strip());
                }
            } else if (input instanceof Form.DateTimeInput) {
                String dateId = id + AdaptiveCards.DATE_SUFFIX;
                String timeId = id + AdaptiveCards.TIME_SUFFIX;
                String date = string(in.get(dateId));
                String time = string(in.get(timeId));
                if (date != null) {
                    typed.put(dateId, date);
                }
                if (time != null) {
                    typed.put(timeId, time);
                }
                instant(date, time, zone).ifPresent(i -> instants.put(id, i));
            } else if (input instanceof Form.ChoiceInput c) {
                String raw = string(in.get(id));
                List<String> chosen = chosen(c, raw);
                if (c.multiple()) {
                    choices.put(id, chosen);
                    if (raw != null) {
                        typed.put(id, String.join(",", chosen));
                    }
                } else if (!chosen.isEmpty()) {
                    choices.put(id, List.of(chosen.get(0)));
                    typed.put(id, chosen.get(0));
                }
            }
        }
        return new FormSubmission(form.formId(), form.context() == null ? "" : form.context(), texts, people,
                instants, choices);
    }

    /** A date and a time of day in {@code zone}; a time in a DST gap moves forward, as clocks do. */
    static Optional<Instant> instant(String date, String time, ZoneId zone) {
        if (date == null || time == null || date.isBlank() || time.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(date.strip());
            LocalTime at = LocalTime.parse(time.strip());
            return Optional.of(ZonedDateTime.of(day, at, zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The chosen values that are options of the input, each once, in the order sent. */
    private static List<String> chosen(Form.ChoiceInput c, String raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> options = new LinkedHashSet<>();
        c.options().forEach(o -> options.add(o.value()));
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String v = part.strip();
            if (options.contains(v)) {
                chosen.add(v);
            }
        }
        return new ArrayList<>(chosen);
    }

    /** The string in a node, or null when it is missing, null or not a string. */
    private static String string(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
