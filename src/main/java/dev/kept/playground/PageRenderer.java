package dev.kept.playground;

import dev.kept.chat.Form;
import dev.kept.chat.HostedChatStore.Colleague;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.kept.playground.Html.esc;

/**
 * The playground page, as plain server-side HTML: Kept's neutral messages become paragraphs, lists and
 * buttons (each a small POST form), its neutral forms become HTML forms. Every piece of text is escaped.
 */
final class PageRenderer {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A form that came back with problems: the problems by input id, and what was typed. */
    record Problems(String entryId, Map<String, String> errors, Map<String, String> typed) {
    }

    /** What the page shows, for one viewer. */
    record View(Colleague viewer, ZoneId zone, List<Colleague> colleagues, List<Conversations.Shown> conversation,
                List<Conversations.Shown> home, List<Conversations.Shown> channel, List<Conversations.Shown> team,
                Instant now,
                boolean clockMovable, String clockOffset, Instant nextNudge, boolean besideSlack,
                String notice, Problems problems) {
    }

    private PageRenderer() {
    }

    static String page(View v) {
        String as = v.viewer().userId();
        StringBuilder h = new StringBuilder(8192);
        h.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Kept playground</title>
                <link rel="stylesheet" href="/playground.css">
                </head><body>
                <header class="banner" role="banner"><p><strong>Local playground.</strong>""");
        h.append(' ');
        h.append(v.besideSlack()
                ? "This is Kept on this machine, beside Slack or Teams. The people here are simulated: neither ever sees them."
                : "This is Kept on your machine, not connected to Slack or Teams. The colleagues are simulated and nothing leaves this computer.");
        h.append("</p></header>\n<main>\n");
        h.append("<h1>Kept playground</h1>\n");
        if (v.notice() != null) {
            h.append("<p class=\"notice\" role=\"status\">").append(esc(v.notice())).append("</p>\n");
        }
        h.append("<form method=\"get\" action=\"/playground\" class=\"who\"><label for=\"as\">Who are you?</label> ")
                .append("<select id=\"as\" name=\"as\">");
        for (Colleague c : v.colleagues()) {
            h.append("<option value=\"").append(esc(c.userId())).append('"')
                    .append(c.userId().equals(as) ? " selected" : "").append('>')
                    .append(esc(c.displayName())).append(" (").append(esc(c.zone())).append(")</option>");
        }
        h.append("</select> <button type=\"submit\">Switch</button></form>\n");

        h.append("<section aria-labelledby=\"clock-h\"><h2 id=\"clock-h\">Time</h2><div id=\"clock\">")
                .append(clock(v)).append("</div></section>\n");

        h.append("""
                <section aria-labelledby="say-h"><h2 id="say-h">Say something to Kept</h2>
                <form method="post" action="/playground/say" class="say">
                <input type="hidden" name="as" value="%s">
                <label for="text">Command or message</label>
                <input id="text" name="text" type="text" size="60" autocomplete="off" aria-describedby="say-help"
                 placeholder="/promise @bob the Q3 deck by friday 3pm">
                <button type="submit">Send</button>
                <p id="say-help" class="help">Try <code>/promise @bob the Q3 deck by friday 3pm</code>,
                <code>/promise ask @carol for the figures by tomorrow</code>, <code>/promise</code> (a form),
                <code>/promise list</code>, <code>/promise stats</code>, or just write to Kept: <code>help</code>.
                Mention colleagues as <code>@bob</code>.</p>
                </form></section>
                """.formatted(esc(as)));

        h.append("<section aria-labelledby=\"dm-h\"><h2 id=\"dm-h\">").append(esc(v.viewer().displayName()))
                .append("'s messages with Kept</h2><div id=\"conversation\" aria-live=\"polite\">")
                .append(conversation(v)).append("</div></section>\n");

        h.append("<section aria-labelledby=\"home-h\"><h2 id=\"home-h\">Home</h2>")
                .append("<form method=\"post\" action=\"/playground/home\"><input type=\"hidden\" name=\"as\" value=\"")
                .append(esc(as)).append("\"><button type=\"submit\">Show my Home page</button></form>\n");
        for (Conversations.Shown s : v.home()) {
            h.append(item(v, s, "home"));
        }
        h.append("</section>\n");

        h.append(team(v, as));

        if (!v.channel().isEmpty()) {
            h.append("<section aria-labelledby=\"ch-h\"><h2 id=\"ch-h\">Channel posts (weekly digest)</h2>");
            for (Conversations.Shown s : v.channel()) {
                h.append(item(v, s, null));
            }
            h.append("</section>\n");
        }

        h.append("<section aria-labelledby=\"people-h\"><h2 id=\"people-h\">Colleagues</h2>\n");
        for (Colleague c : v.colleagues()) {
            h.append(colleagueForm(as, c));
        }
        h.append(colleagueForm(as, null));
        h.append("</section>\n");

        h.append("""
                <section aria-labelledby="reset-h"><h2 id="reset-h">Start again</h2>
                <form method="post" action="/playground/reset"><input type="hidden" name="as" value="%s">
                <button type="submit" class="danger">Reset playground</button>
                <span class="help">Deletes every promise, message and nudge of the playground and brings back Alice, Bob and Carol.</span>
                </form></section>
                </main>
                <script src="/playground.js" data-as="%s"></script>
                </body></html>
                """.formatted(esc(as), esc(as)));
        return h.toString();
    }

    static String clock(View v) {
        ZoneId zone = v.zone();
        StringBuilder h = new StringBuilder();
        h.append("<p>It is <strong>").append(esc(WHEN.format(v.now().atZone(zone)))).append("</strong> for ")
                .append(esc(v.viewer().displayName())).append(" (").append(esc(zone.getId())).append(")");
        if (v.clockOffset() != null) {
            h.append(", ").append(esc(v.clockOffset())).append(" ahead of real time");
        }
        h.append(".</p>");
        if (!v.clockMovable()) {
            h.append("<p class=\"help\">The clock is real time: Kept is connected to Slack or Teams too, so it can't be moved here.</p>");
            return h.toString();
        }
        if (v.nextNudge() != null) {
            h.append("<p>Next nudge due: ").append(esc(WHEN.format(v.nextNudge().atZone(zone)))).append(".</p>");
        } else {
            h.append("<p>No nudge is waiting.</p>");
        }
        h.append("<form method=\"post\" action=\"/playground/clock\" class=\"clock\"><input type=\"hidden\" name=\"as\" value=\"")
                .append(esc(v.viewer().userId())).append("\">")
                .append("<button type=\"submit\" name=\"step\" value=\"hour\">+1 hour</button> ")
                .append("<button type=\"submit\" name=\"step\" value=\"day\">+1 day</button> ")
                .append("<button type=\"submit\" name=\"step\" value=\"next\">Jump to the next nudge</button></form>");
        return h.toString();
    }

    static String conversation(View v) {
        if (v.conversation().isEmpty()) {
            return "<p class=\"help\">Nothing yet. Make a promise above, or pick someone who has been promised something.</p>";
        }
        StringBuilder h = new StringBuilder();
        h.append("<ol class=\"messages\">");
        List<Conversations.Shown> items = v.conversation();
        for (int i = items.size() - 1; i >= 0; i--) {
            h.append("<li>").append(item(v, items.get(i), items.get(i).id())).append("</li>");
        }
        h.append("</ol>");
        return h.toString();
    }

    private static String item(View v, Conversations.Shown s, String entryId) {
        Item item = s.item();
        ZoneId zone = v.zone();
        String when = WHEN.format(Instant.ofEpochMilli(item.atMillis()).atZone(zone));
        StringBuilder h = new StringBuilder();
        String cls = Item.MINE.equals(item.kind()) ? "mine" : item.privately() ? "private" : "kept";
        h.append("<article class=\"").append(cls).append("\" id=\"m-").append(esc(s.id())).append("\">");
        h.append("<p class=\"meta\">");
        if (Item.MINE.equals(item.kind())) {
            h.append("You");
        } else {
            h.append("Kept");
            if (item.privately() && entryId != null && !"home".equals(entryId)) {
                h.append(" <span class=\"only-you\">(only visible to you)</span>");
            }
        }
        h.append(" · <time>").append(esc(when)).append("</time></p>");
        if (Item.MINE.equals(item.kind())) {
            h.append("<p>").append(esc(item.text())).append("</p>");
        } else if (Item.FORM.equals(item.kind())) {
            h.append(form(v, s));
        } else if (Item.CLOSED_FORM.equals(item.kind())) {
            h.append("<p><strong>").append(esc(item.form().title())).append("</strong>: ").append(esc(item.text()))
                    .append("</p>");
        } else {
            if (item.message() != null) {
                h.append(message(v, item.message(), entryId));
            }
            if (Item.FILE.equals(item.kind())) {
                h.append("<details><summary>File: ").append(esc(item.fileName())).append("</summary><pre>")
                        .append(esc(item.fileContent())).append("</pre></details>");
            }
        }
        h.append("</article>");
        return h.toString();
    }

    static String message(View v, Message m, String entryId) {
        StringBuilder h = new StringBuilder();
        for (Message.Block block : m.blocks()) {
            if (block instanceof Message.Text t) {
                h.append("<p>").append(markup(v, t.text())).append("</p>");
            } else if (block instanceof Message.Note n) {
                h.append("<p class=\"note\">").append(markup(v, n.text())).append("</p>");
            } else if (block instanceof Message.Fields f) {
                h.append("<dl>");
                for (Message.Field field : f.fields()) {
                    h.append("<dt>").append(esc(field.label())).append("</dt><dd>").append(markup(v, field.value()))
                            .append("</dd>");
                }
                h.append("</dl>");
            } else if (block instanceof Message.Actions a && entryId != null) {
                h.append("<div class=\"actions\">");
                for (Message.Button b : a.buttons()) {
                    h.append("<form method=\"post\" action=\"/playground/click\">")
                            .append(hidden("as", v.viewer().userId())).append(hidden("entry", entryId))
                            .append(hidden("action", b.actionId())).append(hidden("value", b.value()))
                            .append("<button type=\"submit\" class=\"")
                            .append(b.style() == null ? "default" : b.style().name().toLowerCase(Locale.ROOT))
                            .append("\">").append(esc(b.label())).append("</button></form>");
                }
                h.append("</div>");
            }
        }
        return h.toString();
    }

    static String markup(View v, Markup m) {
        StringBuilder h = new StringBuilder();
        for (Markup.Span span : m.spans()) {
            if (span instanceof Markup.Plain p) {
                h.append(esc(p.text()).replace("\n", "<br>"));
            } else if (span instanceof Markup.Bold b) {
                h.append("<strong>").append(esc(b.text()).replace("\n", "<br>")).append("</strong>");
            } else if (span instanceof Markup.PersonRef r) {
                String name = v.colleagues().stream().filter(c -> c.userId().equals(r.userId()))
                        .map(Colleague::displayName).findFirst().orElse(r.userId());
                h.append("<span class=\"mention\">@").append(esc(name)).append("</span>");
            } else if (span instanceof Markup.Code c) {
                h.append("<code>").append(esc(c.text().replace('\n', ' '))).append("</code>");
            } else if (span instanceof Markup.Link l) {
                // The url is http or https (Markup.Link accepts nothing else); escaped as an attribute value.
                h.append("<a href=\"").append(esc(l.url())).append("\" rel=\"noopener noreferrer\">")
                        .append(esc(l.label())).append("</a>");
            }
        }
        return h.toString();
    }

    private static String form(View v, Conversations.Shown s) {
        Form f = s.item().form();
        Problems problems = v.problems() != null && v.problems().entryId().equals(s.id()) ? v.problems() : null;
        ZoneId zone = v.zone();
        StringBuilder h = new StringBuilder();
        String fid = "f-" + esc(s.id());
        // data-problems: the page's live refresh leaves a form being corrected alone (playground.js).
        h.append("<form method=\"post\" action=\"/playground/submit\" class=\"kept-form\" aria-labelledby=\"")
                .append(fid).append("-t\"").append(problems != null ? " data-problems" : "").append('>')
                .append("<h3 id=\"").append(fid).append("-t\">").append(esc(f.title())).append("</h3>")
                .append(hidden("as", v.viewer().userId())).append(hidden("entry", s.id()));
        if (problems != null && !problems.errors().isEmpty()) {
            h.append("<p class=\"error\" role=\"alert\">Please look at the fields marked below.</p>");
        }
        for (Form.Input input : f.inputs()) {
            String id = fid + "-" + esc(input.id());
            String name = "in." + input.id();
            String error = problems == null ? null : problems.errors().get(input.id());
            String typed = problems == null ? null : problems.typed().get(input.id());
            String described = error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + id + "-e\"";
            h.append("<div class=\"field\">");
            if (input instanceof Form.Intro intro) {
                h.append("<p>").append(markup(v, intro.text())).append("</p>");
            } else if (input instanceof Form.TextInput t) {
                h.append(label(id, t.label(), t.optional()));
                String value = typed != null ? typed : t.initialValue();
                String max = t.maxLength() > 0 ? " maxlength=\"" + t.maxLength() + "\"" : "";
                String ph = t.placeholder() == null ? "" : " placeholder=\"" + esc(t.placeholder()) + "\"";
                if (t.multiline()) {
                    h.append("<textarea id=\"").append(id).append("\" name=\"").append(esc(name)).append("\" rows=\"3\"")
                            .append(max).append(ph).append(described).append('>').append(esc(value)).append("</textarea>");
                } else {
                    h.append("<input type=\"text\" id=\"").append(id).append("\" name=\"").append(esc(name))
                            .append("\" value=\"").append(esc(value)).append('"').append(max).append(ph)
                            .append(described).append('>');
                }
            } else if (input instanceof Form.PersonInput p) {
                h.append(label(id, p.label(), false));
                String chosen = typed != null ? typed : p.initialUserId();
                h.append("<select id=\"").append(id).append("\" name=\"").append(esc(name)).append('"')
                        .append(described).append("><option value=\"\">Choose a colleague</option>");
                for (Colleague c : v.colleagues()) {
                    h.append("<option value=\"").append(esc(c.userId())).append('"')
                            .append(c.userId().equals(chosen) ? " selected" : "").append('>')
                            .append(esc(c.displayName())).append("</option>");
                }
                h.append("</select>");
            } else if (input instanceof Form.DateTimeInput d) {
                h.append(label(id, d.label() + " (" + zone.getId() + ")", false));
                String value = typed != null ? typed
                        : d.initialValue() == null ? ""
                        : LOCAL_INPUT.format(LocalDateTime.ofInstant(d.initialValue(), zone).truncatedTo(ChronoUnit.MINUTES));
                h.append("<input type=\"datetime-local\" id=\"").append(id).append("\" name=\"").append(esc(name))
                        .append("\" value=\"").append(esc(value)).append('"').append(described).append('>');
            } else if (input instanceof Form.ChoiceInput c) {
                if (c.multiple()) {
                    h.append("<fieldset").append(described).append("><legend>").append(esc(c.label()))
                            .append(c.optional() ? " (optional)" : "").append("</legend>");
                    h.append(hidden("present." + input.id(), "1"));
                    int n = 0;
                    for (Form.Choice o : c.options()) {
                        String oid = id + "-" + (n++);
                        h.append("<label for=\"").append(oid).append("\"><input type=\"checkbox\" id=\"").append(oid)
                                .append("\" name=\"").append(esc(name)).append("\" value=\"").append(esc(o.value()))
                                .append('"').append(c.initial().contains(o.value()) ? " checked" : "").append("> ")
                                .append(esc(o.label())).append("</label> ");
                    }
                    h.append("</fieldset>");
                } else {
                    h.append(label(id, c.label(), c.optional()));
                    String chosen = typed != null ? typed : c.initial().isEmpty() ? null : c.initial().get(0);
                    h.append("<select id=\"").append(id).append("\" name=\"").append(esc(name)).append('"')
                            .append(described).append('>');
                    h.append("<option value=\"\">Choose</option>");
                    for (Form.Choice o : c.options()) {
                        h.append("<option value=\"").append(esc(o.value())).append('"')
                                .append(o.value().equals(chosen) ? " selected" : "").append('>')
                                .append(esc(o.label())).append("</option>");
                    }
                    h.append("</select>");
                }
            }
            if (error != null) {
                h.append("<p class=\"error\" id=\"").append(id).append("-e\">").append(esc(error)).append("</p>");
            }
            h.append("</div>");
        }
        h.append("<button type=\"submit\" class=\"primary\">").append(esc(f.submitLabel() == null ? "Send" : f.submitLabel()))
                .append("</button></form>");
        return h.toString();
    }

    private static String label(String id, String text, boolean optional) {
        return "<label for=\"" + id + "\">" + esc(text) + (optional ? " (optional)" : "") + "</label> ";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    private static String colleagueForm(String as, Colleague c) {
        String key = c == null ? "new" : esc(c.userId());
        StringBuilder h = new StringBuilder();
        h.append("<form method=\"post\" action=\"/playground/colleague\" class=\"colleague\">")
                .append(hidden("as", as)).append(hidden("id", c == null ? "" : c.userId()));
        if (c == null) {
            h.append("<strong>Add a colleague:</strong> ");
        } else {
            h.append("<code>@").append(esc(c.userId())).append("</code> ");
        }
        h.append("<label for=\"name-").append(key).append("\">Name</label> <input id=\"name-").append(key)
                .append("\" name=\"name\" size=\"12\" value=\"").append(c == null ? "" : esc(c.displayName())).append("\"> ")
                .append("<label for=\"zone-").append(key).append("\">Time zone</label> <input id=\"zone-").append(key)
                .append("\" name=\"zone\" size=\"18\" value=\"").append(c == null ? "" : esc(c.zone()))
                .append("\" placeholder=\"Europe/Paris\"> <button type=\"submit\">").append(c == null ? "Add" : "Save")
                .append("</button></form>\n");
        return h.toString();
    }

    /**
     * The team channel: what colleagues said there, each message with the menu a chat platform puts on it
     * ("⋯ Make this a promise", "Ask for this"), and a box to say something there as the viewer.
     */
    static String team(View v, String as) {
        StringBuilder h = new StringBuilder("<section aria-labelledby=\"team-h\"><h2 id=\"team-h\">#team</h2>\n");
        h.append("<p class=\"help\">A channel where colleagues talk. Make a promise from what was said, as with a "
                + "message's menu in Slack or Teams.</p>\n");
        for (Conversations.Shown s : v.team()) {
            Item item = s.item();
            String author = v.colleagues().stream().filter(c -> c.userId().equals(item.key())).findFirst()
                    .map(Colleague::displayName).orElse(item.key() == null ? "someone" : item.key());
            h.append("<article class=\"said\" id=\"m-").append(esc(s.id())).append("\"><b>").append(esc(author))
                    .append("</b>: <span class=\"text\">").append(esc(item.text())).append("</span>");
            for (boolean ask : new boolean[] {false, true}) {
                h.append("<form method=\"post\" action=\"/playground/from-message\" class=\"inline\">")
                        .append("<input type=\"hidden\" name=\"as\" value=\"").append(esc(as)).append("\">")
                        .append("<input type=\"hidden\" name=\"entry\" value=\"").append(esc(s.id())).append("\">")
                        .append("<input type=\"hidden\" name=\"ask\" value=\"").append(ask).append("\">")
                        .append("<button type=\"submit\">").append(ask ? "\u22EF Ask for this" : "\u22EF Make this a promise")
                        .append("</button></form>");
            }
            h.append("</article>\n");
        }
        h.append("<form method=\"post\" action=\"/playground/team\"><input type=\"hidden\" name=\"as\" value=\"")
                .append(esc(as)).append("\"><label for=\"team-text\">Say in #team</label> ")
                .append("<input id=\"team-text\" name=\"text\" maxlength=\"").append(PlaygroundController.TEAM_MESSAGE_LIMIT)
                .append("\" placeholder=\"e.g. Could you send me the Q3 deck by friday 3pm?\"> ")
                .append("<button type=\"submit\">Post</button></form>\n</section>\n");
        return h.toString();
    }
}
