package dev.kept.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP mode: every Slack request (slash commands, interactivity, events) arrives here. The raw
 * body is signature-checked before anything else, then handed to Bolt, whose listeners ack at once.
 */
@RestController
class SlackEventsController {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    /** Slack's largest payloads (a modal submission with its whole view) are far below this. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;
    private final SlackProperties properties;
    private final SlackShape shape;

    SlackEventsController(App app, SlackRequestVerifier verifier, SlackProperties properties,
                          SlackResponseUrls responseUrls) {
        this.shape = new SlackShape(responseUrls);
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.properties = properties;
    }

    @PostMapping(path = "/slack/events")
    ResponseEntity<String> handle(HttpServletRequest http) throws Exception {
        long started = System.nanoTime();
        int status = 500;
        try {
            ResponseEntity<String> answer = answer(http);
            status = answer.getStatusCode().value();
            return answer;
        } finally {
            dev.kept.chat.KeptMetrics.ack("slack", status, System.nanoTime() - started);
        }
    }

    private ResponseEntity<String> answer(HttpServletRequest http) throws Exception {
        if (properties.socketMode()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body("Kept is connected by Socket Mode; it does not take requests over HTTP.");
        }
        // The signature is over the bytes exactly as Slack sent them. Neither a Spring request body nor the servlet's parameters may
        // come first: for a form post Spring rebuilds the body from the parsed parameters, re-encoded (Slack's
        // %2A comes back as *), and the HMAC would be computed over bytes Slack never signed.
        byte[] bytes = readBody(http);
        if (bytes == null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body("request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (!verifier.isValid(http.getHeader("X-Slack-Request-Timestamp"), http.getHeader("X-Slack-Signature"), bytes)) {
            log.warn("Refused a request to /slack/events from {}: missing, wrong or stale Slack signature",
                    http.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid signature");
        }
        String raw = new String(bytes, StandardCharsets.UTF_8);
        Map<String, List<String>> query = query(http);
        Optional<String> problem = shape.problem(http.getContentType(), raw, query);
        if (problem.isPresent()) {
            log.warn("Refused a signed request to /slack/events that Slack would not send: {}", problem.get());
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(problem.get());
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getRequestURI())
                    .queryString(query)
                    .headers(new RequestHeaders(headers(http)))
                    .requestBody(raw)
                    .remoteAddress(http.getRemoteAddr())
                    .build());
        } catch (com.google.gson.JsonParseException | IllegalStateException | NumberFormatException
                 | ClassCastException | UnsupportedOperationException | NullPointerException e) {
            // Only the SDK's parser runs here: it reads the payload into its typed model, and a field of another
            // type than Slack sends (a number for an object, a list for a string), or one missing, fails there.
            log.warn("Refused a signed request to /slack/events whose payload does not fit Slack's format: {}",
                    e.getMessage());
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("the payload does not match Slack's format");
        }
        if (request == null) {
            return ResponseEntity.badRequest().body("not a Slack request");
        }
        Response response;
        try {
            response = app.run(request);
        } catch (RuntimeException e) {
            if (!thrownByGson(e)) {
                throw e;   // Kept's own failure: WebErrors answers it, with a request id
            }
            // An event's payload is read into the SDK's model (and by its middleware) only as the request runs.
            log.warn("Refused a signed event whose payload does not fit Slack's format: {}", e.getMessage());
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("the payload does not match Slack's format");
        }
        ResponseEntity.BodyBuilder out = ResponseEntity.status(response.getStatusCode());
        if (response.getContentType() != null) {
            out.contentType(MediaType.parseMediaType(response.getContentType()));
        }
        if (response.getHeaders() != null) {
            HttpHeaders extra = new HttpHeaders();
            response.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    extra.addAll(name, values);
                }
            });
            out.headers(extra);
        }
        return out.body(response.getBody() == null ? "" : response.getBody());
    }

    /** A failure of the JSON library itself: a field of another type than Slack sends, or null where it sends text. */
    private static boolean thrownByGson(RuntimeException e) {
        if (e instanceof com.google.gson.JsonParseException) {
            return true;
        }
        StackTraceElement[] where = e.getStackTrace();
        return where.length > 0 && where[0].getClassName().startsWith("com.google.gson.");
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        return headers;
    }

    /** The body as received, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest http) throws IOException {
        long declared = http.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = http.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    /**
     * The query string's parameters only (Slack's {@code ssl_check} may come either way). Parsed from
     * {@code getQueryString()}, never from the servlet's parameter map, which would read the form body too.
     */
    private static Map<String, List<String>> query(HttpServletRequest http) {
        Map<String, List<String>> query = SlackShape.urlEncoded(http.getQueryString());
        return query == null ? new HashMap<>() : query;   // a malformed query string carries nothing Kept reads
    }
}
