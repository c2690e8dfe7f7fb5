package dev.kept.chat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's neutral {@link Message}s and {@link Form}s as JSON, field by field (no reflection, no type
 * ids), for adapters that keep what they showed someone (the playground's conversations, the cards Kept
 * sent in Teams) so a click or a submission can be checked against it later.
 */
public final class NeutralJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NeutralJson() {
    }

    private static ArrayNode markup(Markup m) {
        ArrayNode a = JSON.createArrayNode();
        for (Markup.Span span : m.spans()) {
            ObjectNode s = a.addObject();
            if (span instanceof Markup.Plain p) {
                s.put("p", p.text());
            } else if (span instanceof Markup.Bold b) {
                s.put("b", b.text());
            } else if (span instanceof Markup.PersonRef r) {
                s.put("u", r.userId());
            } else if (span instanceof Markup.Code c) {
                s.put("c", c.text());
            } else if (span instanceof Markup.Link l) {
                s.put("l", l.label());
                s.put("h", l.url());
            }
        }
        return a;
    }

    private static Markup markup(JsonNode a) {
        Markup.Builder b = Markup.builder();
        for (JsonNode s : a) {
            if (s.has("p")) {
                b.plain(s.get("p").asString());
            } else if (s.has("b")) {
                b.bold(s.get("b").asString());
            } else if (s.has("u")) {
                b.person(s.get("u").asString());
            } else if (s.has("c")) {
                b.code(s.get("c").asString());
            } else if (s.has("l")) {
                b.link(s.get("h").asString(), s.get("l").asString());
            }
        }
        return b.build();
    }

    public static ObjectNode message(Message m) {
        ObjectNode o = JSON.createObjectNode();
        o.set("summary", markup(m.summary()));
        ArrayNode blocks = o.putArray("blocks");
        for (Message.Block block : m.blocks()) {
            ObjectNode b = blocks.addObject();
            if (block instanceof Message.Text t) {
                b.put("t", "text");
                b.set("m", markup(t.text()));
            } else if (block instanceof Message.Note n) {
                b.put("t", "note");
                b.set("m", markup(n.text()));
            } else if (block instanceof Message.Fields f) {
                b.put("t", "fields");
                ArrayNode fields = b.putArray("f");
                for (Message.Field field : f.fields()) {
                    ObjectNode fo = fields.addObject();
                    fo.put("l", field.label());
                    fo.set("v", markup(field.value()));
                }
            } else if (block instanceof Message.Actions a) {
                b.put("t", "actions");
                ArrayNode buttons = b.putArray("b");
                for (Message.Button button : a.buttons()) {
                    ObjectNode bo = buttons.addObject();
                    bo.put("a", button.actionId());
                    bo.put("l", button.label());
                    putNullable(bo, "v", button.value());
                    bo.put("s", button.style() == null ? Message.Style.DEFAULT.name() : button.style().name());
                }
            }
        }
        return o;
    }

    public static Message message(JsonNode o) {
        List<Message.Block> blocks = new ArrayList<>();
        for (JsonNode b : o.get("blocks")) {
            String t = b.get("t").asString();
            if ("text".equals(t)) {
                blocks.add(new Message.Text(markup(b.get("m"))));
            } else if ("note".equals(t)) {
                blocks.add(new Message.Note(markup(b.get("m"))));
            } else if ("fields".equals(t)) {
                List<Message.Field> fields = new ArrayList<>();
                for (JsonNode f : b.get("f")) {
                    fields.add(new Message.Field(f.get("l").asString(), markup(f.get("v"))));
                }
                blocks.add(new Message.Fields(fields));
            } else if ("actions".equals(t)) {
                List<Message.Button> buttons = new ArrayList<>();
                for (JsonNode bo : b.get("b")) {
                    buttons.add(new Message.Button(bo.get("a").asString(), bo.get("l").asString(), str(bo, "v"),
                            Message.Style.valueOf(bo.get("s").asString())));
                }
                blocks.add(new Message.Actions(buttons));
            }
        }
        return new Message(markup(o.get("summary")), blocks);
    }

    public static ObjectNode form(Form f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", f.formId());
        putNullable(o, "title", f.title());
        putNullable(o, "submit", f.submitLabel());
        putNullable(o, "context", f.context());
        ArrayNode inputs = o.putArray("inputs");
        for (Form.Input input : f.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("id", input.id());
            if (input instanceof Form.Intro intro) {
                i.put("t", "intro");
                i.set("m", markup(intro.text()));
            } else if (input instanceof Form.PersonInput p) {
                i.put("t", "person");
                i.put("l", p.label());
                putNullable(i, "init", p.initialUserId());
            } else if (input instanceof Form.TextInput t) {
                i.put("t", "text");
                i.put("l", t.label());
                putNullable(i, "init", t.initialValue());
                putNullable(i, "ph", t.placeholder());
                i.put("ml", t.multiline());
                i.put("opt", t.optional());
                i.put("max", t.maxLength());
            } else if (input instanceof Form.DateTimeInput d) {
                i.put("t", "datetime");
                i.put("l", d.label());
                if (d.initialValue() != null) {
                    i.put("init", d.initialValue().toEpochMilli());
                }
            } else if (input instanceof Form.ChoiceInput c) {
                i.put("t", "choice");
                i.put("l", c.label());
                ArrayNode options = i.putArray("opts");
                for (Form.Choice choice : c.options()) {
                    options.addObject().put("v", choice.value()).put("l", choice.label());
                }
                ArrayNode initial = i.putArray("init");
                c.initial().forEach(initial::add);
                i.put("multi", c.multiple());
                i.put("opt", c.optional());
            }
        }
        return o;
    }

    public static Form form(JsonNode o) {
        List<Form.Input> inputs = new ArrayList<>();
        for (JsonNode i : o.get("inputs")) {
            String id = i.get("id").asString();
            switch (i.get("t").asString()) {
                case "intro" -> inputs.add(new Form.Intro(id, markup(i.get("m"))));
                case "person" -> inputs.add(new Form.PersonInput(id, str(i, "l"), str(i, "init")));
                case "text" -> inputs.add(new Form.TextInput(id, str(i, "l"), str(i, "init"), str(i, "ph"),
                        i.path("ml").asBoolean(), i.path("opt").asBoolean(), i.path("max").asInt()));
                case "datetime" -> inputs.add(new Form.DateTimeInput(id, str(i, "l"),
                        i.has("init") ? Instant.ofEpochMilli(i.get("init").asLong()) : null));
                case "choice" -> {
                    List<Form.Choice> options = new ArrayList<>();
                    for (JsonNode c : i.get("opts")) {
                        options.add(new Form.Choice(c.get("v").asString(), c.get("l").asString()));
                    }
                    List<String> initial = new ArrayList<>();
                    for (JsonNode v : i.get("init")) {
                        initial.add(v.asString());
                    }
                    inputs.add(new Form.ChoiceInput(id, str(i, "l"), options, initial, i.path("multi").asBoolean(),
                            i.path("opt").asBoolean()));
                }
                default -> {
                }
            }
        }
        return new Form(str(o, "id"), str(o, "title"), str(o, "submit"), str(o, "context"), inputs);
    }

    /** Sets {@code field} to {@code value}, or leaves it out when {@code value} is null. */
    public static void putNullable(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    /** The text in {@code field}, or null when it is missing or null. */
    public static String str(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }
}
