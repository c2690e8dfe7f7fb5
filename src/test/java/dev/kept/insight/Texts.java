package dev.kept.insight;

import dev.kept.testing.Marked;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;

import java.util.ArrayList;
import java.util.List;

/** A message as plain text, one block a line (people as @id), for assertions. */
final class Texts {

    private Texts() {
    }

    static String of(Message message) {
        List<String> lines = new ArrayList<>();
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                lines.add(Marked.of(t.text()));
            } else if (block instanceof Message.Note n) {
                lines.add(Marked.of(n.text()));
            } else if (block instanceof Message.Fields f) {
                f.fields().forEach(field -> lines.add(field.label() + ": " + Marked.of(field.value())));
            } else if (block instanceof Message.Actions a) {
                a.buttons().forEach(b -> lines.add("[" + b.label() + "]"));
            }
        }
        return String.join("\n", lines);
    }

    static List<Markup.Span> spans(Message message) {
        List<Markup.Span> spans = new ArrayList<>();
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                spans.addAll(t.text().spans());
            } else if (block instanceof Message.Note n) {
                spans.addAll(n.text().spans());
            }
        }
        return spans;
    }
}
