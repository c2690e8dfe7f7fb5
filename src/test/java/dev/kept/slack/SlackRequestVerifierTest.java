package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackRequestVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long NOW = 1_795_424_400L; // 2026-11-23T09:00:00Z
    private static final String BODY = "token=xyz&team_id=T123&user_id=UALICE&command=%2Fpromise"
            + "&text=%3C%40UBOB%7Cbob%3E+the+Q3+deck+by+friday&trigger_id=1.2.3";

    private final SlackRequestVerifier verifier =
            new SlackRequestVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    /** Signs as Slack documents it: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)). */
    private static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean signedAt(long timestamp) {
        String ts = Long.toString(timestamp);
        return check(verifier, ts, sign(SECRET, ts, BODY), BODY);
    }

    @Test
    void aCorrectlySignedFreshRequestIsAccepted() {
        assertThat(signedAt(NOW)).isTrue();
    }

    @Test
    void slacksOwnDocumentedExampleIsAccepted() {
        // https://api.slack.com/authentication/verifying-requests-from-slack
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        SlackRequestVerifier docs = new SlackRequestVerifier(SECRET,
                Clock.fixed(Instant.ofEpochSecond(1_531_420_618L), ZoneOffset.UTC));
        assertThat(check(docs, "1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body)).isTrue();
    }

    @Test
    void aUnicodeBodyIsSignedAsUtf8() {
        String body = "{\"text\":\"Grüße, 日本 ✓\"}";
        String ts = Long.toString(NOW);
        assertThat(check(verifier, ts, sign(SECRET, ts, body), body)).isTrue();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String ts = Long.toString(NOW);
        assertThat(check(verifier, ts, sign("another-secret", ts, BODY), BODY)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0=", "v0=deadbeef", "garbage", "v1=0000000000000000000000000000000000000000000000000000000000000000"})
    void aWrongSignatureIsRefused(String signature) {
        assertThat(check(verifier, Long.toString(NOW), signature, BODY)).isFalse();
    }

    @Test
    void aSignatureInUpperCaseOrWithoutPrefixIsRefused() {
        String ts = Long.toString(NOW);
        String good = sign(SECRET, ts, BODY);
        assertThat(check(verifier, ts, "v0=" + good.substring(3).toUpperCase(), BODY)).isFalse();
        assertThat(check(verifier, ts, good.substring(3), BODY)).isFalse();
        assertThat(check(verifier, ts, good + "0", BODY)).isFalse();
    }

    @Test
    void theSignatureCoversTheTimestamp() {
        String signedTs = Long.toString(NOW);
        String otherTs = Long.toString(NOW - 1);
        assertThat(check(verifier, otherTs, sign(SECRET, signedTs, BODY), BODY)).isFalse();
    }

    @Test
    void aBodyChangedByOneByteIsRefused() {
        String ts = Long.toString(NOW);
        String signature = sign(SECRET, ts, BODY);
        char[] tampered = BODY.toCharArray();
        int i = BODY.indexOf("UALICE");
        tampered[i + 1] = 'B';
        assertThat(check(verifier, ts, signature, new String(tampered))).isFalse();
        assertThat(check(verifier, ts, signature, BODY + " ")).isFalse();
        assertThat(check(verifier, ts, signature, BODY.substring(1))).isFalse();
        // and the untouched body still passes, so the refusals above are about the change
        assertThat(check(verifier, ts, signature, BODY)).isTrue();
    }

    @Test
    void missingHeadersOrBodyAreRefused() {
        String ts = Long.toString(NOW);
        String signature = sign(SECRET, ts, BODY);
        assertThat(check(verifier, null, signature, BODY)).isFalse();
        assertThat(check(verifier, ts, null, BODY)).isFalse();
        assertThat(check(verifier, ts, signature, null)).isFalse();
        assertThat(check(verifier, null, null, null)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "17954244OO", "1795424400.5", "-1795424400", "+1795424400", " 1795424400",
            "1795424400 ", "1795424400000"})
    void aNonNumericOrMalformedTimestampIsRefused(String ts) {
        // signed with the malformed timestamp itself, so only the timestamp check can refuse it
        assertThat(check(verifier, ts, sign(SECRET, String.valueOf(ts), BODY), BODY)).isFalse();
    }

    @Test
    void exactlyFiveMinutesOldIsAccepted() {
        assertThat(signedAt(NOW - 300)).isTrue();
    }

    @Test
    void fiveMinutesAndOneSecondOldIsRefused() {
        assertThat(signedAt(NOW - 301)).isFalse();
    }

    @Test
    void exactlyFiveMinutesInTheFutureIsAccepted() {
        assertThat(signedAt(NOW + 300)).isTrue();
    }

    @Test
    void fiveMinutesAndOneSecondInTheFutureIsRefused() {
        assertThat(signedAt(NOW + 301)).isFalse();
    }

    @Test
    void aReplayFromLongAgoIsRefused() {
        assertThat(signedAt(0)).isFalse();
        assertThat(signedAt(NOW - 86_400)).isFalse();
    }

    /** The verifier over the UTF-8 bytes of {@code body}, as the controller hands it the bytes received. */
    private static boolean check(SlackRequestVerifier verifier, String ts, String signature, String body) {
        return verifier.isValid(ts, signature, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
