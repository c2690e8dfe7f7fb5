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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP mode: every Slack request (slash commands, interactivity, events) arrives here. The raw
 * body is signature-checked before anything else, then handed to Bolt, whose listeners ack at once.
 */
@RestController
class SlackEventsController {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackRequestVerifier verifier;
    private final SlackProperties properties;

    SlackEventsController(App app, SlackRequestVerifier verifier, SlackProperties properties) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = verifier;
        this.properties = properties;
    }

    @PostMapping(path = "/slack/events")
    ResponseEntity<String> handle(@RequestBody(required = false) String body, HttpServletRequest http) throws Exception {
        if (properties.socketMode()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body("Kept is connected by Socket Mode; it does not take requests over HTTP.");
        }
        String raw = body == null ? "" : body;
        if (!verifier.isValid(http.getHeader("X-Slack-Request-Timestamp"), http.getHeader("X-Slack-Signature"), raw)) {
            log.warn("Refused a request to /slack/events from {}: missing, wrong or stale Slack signature",
                    http.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid signature");
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(http.getRequestURI())
                .queryString(query(http))
                .headers(new RequestHeaders(headers(http)))
                .requestBody(raw)
                .remoteAddress(http.getRemoteAddr())
                .build());
        if (request == null) {
            return ResponseEntity.badRequest().body("not a Slack request");
        }
        Response response = app.run(request);
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

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        return headers;
    }

    private static Map<String, List<String>> query(HttpServletRequest http) {
        Map<String, List<String>> query = new HashMap<>();
        http.getParameterMap().forEach((k, v) -> query.put(k, List.of(v)));
        return query;
    }
}
