package dev.kept.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkupTest {

    @Test
    void codeAndLinkAreSpansOfTheirOwn() {
        Markup m = Markup.builder().plain("Try ").code("/promise list").plain(" or read ")
                .link("https://kept.example/help?a=1&b=2", "the guide").plain(".").build();

        assertThat(m.spans()).containsExactly(new Markup.Plain("Try "), new Markup.Code("/promise list"),
                new Markup.Plain(" or read "), new Markup.Link("https://kept.example/help?a=1&b=2", "the guide"),
                new Markup.Plain("."));
    }

    @Test
    void thePlainRenderingQuotesCodeAndNamesTheLinksAddress() {
        Markup m = Markup.builder().plain("Try ").code("/promise list").plain(", see ")
                .link("https://kept.example/help", "the guide").plain(" or ")
                .link("https://kept.example/", "https://kept.example/").plain(".").build();

        assertThat(m.toPlainString()).isEqualTo("Try \u201C/promise list\u201D, see the guide (https://kept.example/help)"
                + " or https://kept.example/.").doesNotContain("`");
        assertThat(new Refusal(m).getMessage()).isEqualTo(m.toPlainString());
    }

    @Test
    void appendTakesEverySpanOfAnotherMarkup() {
        Markup first = Markup.builder().plain("a").bold("b").build();
        assertThat(Markup.builder().append(first).code("c").build().spans())
                .containsExactly(new Markup.Plain("a"), new Markup.Bold("b"), new Markup.Code("c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://kept.example", "https://kept.example/a/b?c=d&e=f#g", "HTTPS://Kept.Example:8443/x",
            "https://kept.example/%E2%9C%93"})
    void webLinksAreAccepted(String url) {
        assertThat(Markup.builder().link(url, "x").build().spans()).containsExactly(new Markup.Link(url, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>",
            "file:///etc/passwd", "vbscript:x", "mailto:bob@kept.example", "slack://channel", "//kept.example/x",
            "/relative", "kept.example", "", "https://", "https:///x", "https://user:pw@kept.example/",
            "https://kept.example/<!channel>", "https://kept.example/a|b", "https://kept.example/a b",
            "https://kept.example/\n", "https://kept.example/\u202Egnp.exe", "https://kept.example/✓", "https://kept.example/`x`"})
    void anythingButAWebLinkIsRefused(String url) {
        assertThatThrownBy(() -> Markup.builder().link(url, "click"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkNeedsALabel() {
        assertThatThrownBy(() -> Markup.builder().link("https://kept.example", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Markup.Link("https://kept.example", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Markup.Code(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void codeAndLinksSurviveTheNeutralJsonRoundTrip() {
        Markup text = Markup.builder().plain("Use ").code("/promise done K7Q2").plain(", see ")
                .link("https://kept.example/help", "the <guide>").person("U1").bold("!").build();
        Message m = Message.builder(text).text(text).note(text)
                .fields(List.of(new Message.Field("How", text))).build();

        assertThat(NeutralJson.message(NeutralJson.message(m))).isEqualTo(m);
    }
}
