package dev.kept.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.kept.chat.Form;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.privacy.FormerColleague;
import com.slack.api.model.block.composition.OptionObject;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Renders the core's neutral messages and forms as Block Kit. Text from people is escaped
 * ({@code & < >}) so it can never become a mention, a broadcast like {@code <!channel>} or a link;
 * only {@link Markup.PersonRef} spans, which the core adds itself, become mentions (except the
 * {@link FormerColleague} marker, which is shown as plain words).
 */
public final class BlockKitRenderer {

    static final int TITLE_LIMIT = 24;

    private BlockKitRenderer() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String mrkdwn(Markup markup) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : markup.spans()) {
            if (span instanceof Markup.Plain p) {
                out.append(escape(p.text()));
            } else if (span instanceof Markup.Bold b) {
                String t = b.text().strip();
                if (!t.isEmpty()) {
                    // Slack only bolds *text* without spaces inside the stars: keep the spaces outside.
                    if (Character.isWhitespace(b.text().charAt(0))) {
                        out.append(' ');
                    }
                    // A '*' typed inside would end the bold early: show it as a lookalike instead.
                    out.append('*').append(escape(t.replace("*", "\u2217"))).append('*');
                    if (Character.isWhitespace(b.text().charAt(b.text().length() - 1))) {
                        out.append(' ');
                    }
                }
            } else if (span instanceof Markup.PersonRef r) {
                if (FormerColleague.is(r.userId())) {
                    // Someone Kept was asked to forget: plain words, never a mention.
                    out.append(startsSentence(out) ? capitalized(FormerColleague.WORDS) : FormerColleague.WORDS);
                } else {
                    out.append("<@").append(r.userId()).append('>');
                }
            }
        }
        return out.toString();
    }

    /** At the start of the text, a line or a sentence: "A former colleague", not "a former colleague". */
    private static boolean startsSentence(StringBuilder out) {
        String before = out.toString();
        String trimmed = before.stripTrailing();
        return trimmed.isEmpty() || before.endsWith("\n") || trimmed.endsWith(".") || trimmed.endsWith("!")
                || trimmed.endsWith("?");
    }

    private static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String fallbackText(Message message) {
        return mrkdwn(message.summary());
    }

    public static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                blocks.add(section(s -> s.text(markdownText(mrkdwn(t.text())))));
            } else if (block instanceof Message.Fields f) {
                List<TextObject> fields = new ArrayList<>();
                for (Message.Field field : f.fields()) {
                    fields.add(markdownText("*" + escape(field.label()) + "*\n" + mrkdwn(field.value())));
                }
                blocks.add(section(s -> s.fields(fields)));
            } else if (block instanceof Message.Note n) {
                blocks.add(context(List.of(markdownText(mrkdwn(n.text())))));
            } else if (block instanceof Message.Actions a) {
                List<BlockElement> buttons = new ArrayList<>();
                for (Message.Button b : a.buttons()) {
                    buttons.add(button(x -> x.actionId(b.actionId()).text(plainText(b.label())).value(b.value())
                            .style(style(b.style()))));
                }
                blocks.add(actions(buttons));
            }
        }
        return blocks;
    }

    private static String style(Message.Style style) {
        return switch (style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }

    public static View modal(Form form) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Form.Input in : form.inputs()) {
            if (in instanceof Form.Intro intro) {
                blocks.add(section(s -> s.blockId(intro.id()).text(markdownText(mrkdwn(intro.text())))));
            } else if (in instanceof Form.PersonInput p) {
                blocks.add(input(i -> i.blockId(p.id()).label(plainText(p.label()))
                        .element(usersSelect(u -> u.actionId(p.id()).initialUser(p.initialUserId())))));
            } else if (in instanceof Form.TextInput t) {
                blocks.add(input(i -> i.blockId(t.id()).label(plainText(t.label())).optional(t.optional())
                        .element(plainTextInput(x -> x.actionId(t.id()).multiline(t.multiline())
                                .maxLength(t.maxLength())
                                .initialValue(t.initialValue() == null || t.initialValue().isEmpty() ? null : t.initialValue())
                                .placeholder(t.placeholder() == null ? null : plainText(t.placeholder()))))));
            } else if (in instanceof Form.ChoiceInput c) {
                blocks.add(input(i -> i.blockId(c.id()).label(plainText(c.label())).optional(c.optional())
                        .element(choice(c))));
            } else if (in instanceof Form.DateTimeInput d) {
                Integer initial = d.initialValue() == null ? null : Math.toIntExact(d.initialValue().getEpochSecond());
                blocks.add(input(i -> i.blockId(d.id()).label(plainText(d.label()))
                        .element(datetimePicker(x -> x.actionId(d.id()).initialDateTime(initial)))));
            }
        }
        return view(v -> v.type("modal").callbackId(form.formId()).privateMetadata(form.context())
                .title(viewTitle(t -> t.type("plain_text").text(limit(form.title()))))
                .submit(viewSubmit(s -> s.type("plain_text").text(limit(form.submitLabel()))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** Checkboxes for a multiple choice, a static select for a single one. */
    private static BlockElement choice(Form.ChoiceInput c) {
        List<OptionObject> options = new ArrayList<>();
        List<OptionObject> initial = new ArrayList<>();
        for (Form.Choice choice : c.options()) {
            OptionObject option = option(plainText(choice.label()), choice.value());
            options.add(option);
            if (c.initial().contains(choice.value())) {
                initial.add(option);
            }
        }
        if (c.multiple()) {
            return checkboxes(x -> x.actionId(c.id()).options(options).initialOptions(initial.isEmpty() ? null : initial));
        }
        return staticSelect(x -> x.actionId(c.id()).options(options)
                .initialOption(initial.isEmpty() ? null : initial.get(0)));
    }

    private static String limit(String s) {
        return s.length() <= TITLE_LIMIT ? s : s.substring(0, TITLE_LIMIT - 1) + "…";
    }
}
