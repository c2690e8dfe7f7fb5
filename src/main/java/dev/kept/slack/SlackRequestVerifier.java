package dev.kept.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks that a request really comes from Slack: {@code X-Slack-Signature} must be
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, compared in constant time,
 * and {@code X-Slack-Request-Timestamp} within five minutes of now in either direction (an old
 * request may be a replay; a future one may have been made to be replayed later).
 */
final class SlackRequestVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Checks the signature over the body's bytes exactly as received, never over a re-encoding of them. */
    boolean isValid(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null || body == null
                || !timestampHeader.matches("\\d{1,12}")) {
            return false;
        }
        long timestamp = Long.parseLong(timestampHeader);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + hmacHex(timestampHeader, body)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.UTF_8));
    }

    private String hmacHex(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
