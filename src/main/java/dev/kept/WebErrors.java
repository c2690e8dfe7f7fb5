package dev.kept;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.security.SecureRandom;

/**
 * The last word on any failure no endpoint foresaw: logged once, with a request id, and answered with a
 * short plain sentence that names the id, never Spring's error page or a stack trace. (Bad input is answered
 * 4xx by the endpoints themselves, before it gets this far.)
 */
@RestControllerAdvice
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // Spring's own answers to a wrong method, media type, path or missing part: a 4xx, said briefly.
            return ResponseEntity.status(known.getStatusCode()).contentType(MediaType.TEXT_PLAIN)
                    .body(known.getStatusCode().value() + ": that request isn't one Kept takes.");
        }
        String id = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        log.error("Request {} to {} {} failed unexpectedly", id, request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_PLAIN)
                .body("Something went wrong on Kept's side (request " + id + "). Nothing was changed; please try again.");
    }
}
