package dev.kept.playground;

import dev.kept.chat.HostedChatStore.Colleague;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kept's markup on the playground page: spans become HTML elements, every piece of text is escaped. */
class PageRendererTest {

    private static final Colleague ALICE = new Colleague("alice", "Alice <b>", "Europe/Paris");
    private static final PageRenderer.View VIEW = new PageRenderer.View(ALICE, ZoneId.of("Europe/Paris"),
            List.of(ALICE), List.of(), List.of(), List.of(), List.of(), Instant.parse("2026-11-23T09:00:00Z"), true, null, null,
            false, null, null);

    private static String html(Markup m) {
        return PageRenderer.markup(VIEW, m);
    }

    @Test
    void spansBecomeTheirElements() {
        Markup m = Markup.builder().plain("Hi ").person("alice").plain(", ").bold("the deck").plain(" is due. Try ")
                .code("/promise list").plain(" or read ").link("https://kept.example/help?a=1&b=2", "the guide")
                .plain(".").build();
        assertThat(html(m)).isEqualTo("Hi <span class=\"mention\">@Alice &lt;b&gt;</span>, <strong>the deck</strong>"
                + " is due. Try <code>/promise list</code> or read <a href=\"https://kept.example/help?a=1&amp;b=2\""
                + " rel=\"noopener noreferrer\">the guide</a>.");
    }

    @Test
    void backticksInPlainTextStayBackticks() {
        // Only a Code span is code: text with backticks (as a person types it) is shown as typed.
        assertThat(html(Markup.plain("`/promise list` and `<b>x</b>`")))
                .isEqualTo("`/promise list` and `&lt;b&gt;x&lt;/b&gt;`");
    }

    @Test
    void aCodeSpanCannotCloseItselfOrAddMarkup() {
        Markup m = Markup.builder().code("*x* <!channel> `y` </code><script>alert(1)</script> \"q\" 'a'\nline2").build();
        assertThat(html(m)).isEqualTo("<code>*x* &lt;!channel&gt; `y` &lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                + "&quot;q&quot; &#39;a&#39; line2</code>");
    }

    @Test
    void aLinksUrlAndLabelAreEscaped() {
        Markup m = Markup.builder().link("https://kept.example/a?x='1'&y=\"2\"".replace("\"", "%22").replace("'", "%27"),
                "</a><script>alert(1)</script> \"onmouseover=").build();
        assertThat(html(m)).isEqualTo("<a href=\"https://kept.example/a?x=%271%27&amp;y=%222%22\" rel=\"noopener noreferrer\">"
                + "&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=</a>");
        assertThatThrownBy(() -> Markup.builder().link("javascript:alert(1)", "click"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageShowsCodeInTextsNotesAndFields() {
        Markup hint = Markup.builder().plain("Use ").code("/promise done K7Q2").build();
        Message message = Message.builder(hint).text(hint).note(hint)
                .fields(List.of(new Message.Field("How", hint))).build();
        String shown = PageRenderer.message(VIEW, message, null);
        assertThat(shown).isEqualTo("<p>Use <code>/promise done K7Q2</code></p>"
                + "<p class=\"note\">Use <code>/promise done K7Q2</code></p>"
                + "<dl><dt>How</dt><dd>Use <code>/promise done K7Q2</code></dd></dl>");
    }
}
