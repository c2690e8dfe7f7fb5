package dev.kept.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the playground over real HTTP, the way a browser without JavaScript does: it reads
 * the page's HTML, clicks buttons by posting their little forms, and fills in forms by their labels' ids.
 */
final class PlaygroundBrowser {

    private static final Pattern BUTTON = Pattern.compile(
            "<form method=\"post\" action=\"/playground/click\"><input type=\"hidden\" name=\"as\" value=\"([^\"]*)\">"
                    + "<input type=\"hidden\" name=\"entry\" value=\"([^\"]*)\"><input type=\"hidden\" name=\"action\" value=\"([^\"]*)\">"
                    + "<input type=\"hidden\" name=\"value\" value=\"([^\"]*)\"><button type=\"submit\" class=\"[^\"]*\">([^<]*)</button>");
    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"/playground/submit\"[^>]*><h3[^>]*>([^<]*)</h3><input type=\"hidden\" name=\"as\" value=\"[^\"]*\">"
                    + "<input type=\"hidden\" name=\"entry\" value=\"([^\"]*)\">");

    record Button(String entry, String action, String value, String label) {
    }

    record Page(int status, String html) {
        List<Button> buttons() {
            List<Button> out = new ArrayList<>();
            Matcher m = BUTTON.matcher(html);
            while (m.find()) {
                out.add(new Button(unescape(m.group(2)), unescape(m.group(3)), unescape(m.group(4)), unescape(m.group(5))));
            }
            return out;
        }

        Optional<Button> button(String label) {
            return buttons().stream().filter(b -> b.label().equals(label)).findFirst();
        }

        /** The entry id of the newest open form with this title. */
        Optional<String> form(String title) {
            Matcher m = FORM.matcher(html);
            while (m.find()) {
                if (unescape(m.group(1)).equals(title)) {
                    return Optional.of(m.group(2));
                }
            }
            return Optional.empty();
        }

        /** The conversation part only (newest first), so assertions don't see the page's own help text. */
        String conversation() {
            int from = html.indexOf("<div id=\"conversation\"");
            int to = html.indexOf("<section aria-labelledby=\"home-h\">");
            return from < 0 || to < 0 ? html : html.substring(from, to);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    final String as;

    PlaygroundBrowser(int port, String as) {
        this.base = "http://127.0.0.1:" + port;
        this.as = as;
    }

    PlaygroundBrowser as(String other) {
        return new PlaygroundBrowser(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    Page page() {
        return get("/playground?as=" + as);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form as the page would; a redirect back to the page is followed, like a browser does. */
    Page post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    Page post(String path, Map<String, String> fields, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("as", as);
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        Page answer = send(request.build());
        return answer;
    }

    Page say(String text) {
        return post("/playground/say", Map.of("text", text));
    }

    Page click(Button button) {
        return post("/playground/click", Map.of("entry", button.entry(), "action", button.action(), "value", button.value()));
    }

    Page clock(String step) {
        return post("/playground/clock", Map.of("step", step));
    }

    Page submit(String entry, Map<String, String> inputs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("entry", entry);
        inputs.forEach((k, v) -> fields.put("in." + k, v));
        return post("/playground/submit", fields);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 303) {
                String location = r.headers().firstValue("Location").orElseThrow();
                HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base).resolve(location)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Page(next.statusCode(), next.body());
            }
            return new Page(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
