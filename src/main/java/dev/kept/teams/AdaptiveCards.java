package dev.kept.teams;

import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders the core's neutral messages as Adaptive Cards 1.5 for Microsoft Teams, and wraps cards in
 * activities and invoke responses; forms are {@link FormCards}, text is {@link CardRuns}.
 *
 * <p>Every piece of text that can come from people goes into a {@code TextRun} (inside a
 * {@code RichTextBlock}) or a plain title, label, placeholder or value: none of those read markdown,
 * HTML or {@code <at>} mentions, so what people type is shown exactly as typed and can never become a
 * link, a mention or formatting. No {@code TextBlock} and no {@code FactSet} (whose texts are
 * markdown) is ever used. Control characters other than newline are dropped ({@link CardText}).
 * Kept's own formatting comes as spans, each rendered natively: a {@link Markup.Code} span (a command
 * to type) is a {@code TextRun} in the monospace font, in the words typed in Teams
 * ({@link CardRuns#asTypedInTeams}); a {@link Markup.Link} is a {@code TextRun} whose {@code selectAction} is an
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
                CardRuns.richText(t.text(), nameOf, false).ifPresent(body::add);
            } else if (block instanceof Message.Fields f) {
                body.add(fields(f, nameOf));
            } else if (block instanceof Message.Note n) {
                CardRuns.richText(n.text(), nameOf, true).ifPresent(body::add);
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
                out.append(CardRuns.personWords(r.userId(), nameOf, out.toString()));
            } else if (span instanceof Markup.Code c) {
                // Plain text has no code font: the command in quotation marks, as typed in Teams.
                out.append('\u201C').append(CardRuns.asTypedInTeams(CardText.line(c.text()).strip())).append('\u201D');
            } else if (span instanceof Markup.Link l) {
                out.append(l.label());
            }
        }
        return CardText.line(out.toString()).strip();
    }

    static ObjectNode button(Message.Button b) {
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
            label.withArray("items").add(CardRuns.richTextBlock(List.of(CardRuns.run(field.label()).put("weight", "Bolder"))));
            ObjectNode value = column(columns, 2);
            CardRuns.richText(field.value(), nameOf, false).ifPresent(value.withArray("items")::add);
        }
        return container;
    }

    static ObjectNode column(ArrayNode columns, int weight) {
        ObjectNode column = columns.addObject();
        column.put("type", "Column");
        column.put("width", weight);
        column.putArray("items");
        return column;
    }

    // ---------------------------------------------------------------- other cards, activities, invoke responses

    /** A card that stands in for a form that was sent (or a card whose buttons are spent): a title and a note. */
    public static ObjectNode closed(String title, String note) {
        ObjectNode card = emptyCard(CardText.line(title));
        ArrayNode body = card.withArray("body");
        body.add(CardRuns.richTextBlock(List.of(CardRuns.run(title).put("weight", "Bolder"))));
        if (note != null && !note.isBlank()) {
            body.add(CardRuns.richTextBlock(List.of(CardRuns.run(note).put("isSubtle", true))));
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

    static ObjectNode emptyCard(String fallbackText) {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", fallbackText);
        card.putArray("body");
        card.putObject("msteams").put("width", "Full");
        return card;
    }
}
