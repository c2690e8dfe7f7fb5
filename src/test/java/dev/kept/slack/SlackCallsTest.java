package dev.kept.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.api.ApiTestResponse;
import dev.kept.slack.SlackCalls.SlackCallFailed;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlackCallsTest {

    /** Records every wait instead of waiting. */
    private final List<Duration> waits = new ArrayList<>();
    private final SlackCalls calls = new SlackCalls(waits::add);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    // ---------------------------------------------------------------- scripted Slack

    /** Plays back one outcome per attempt: a response to return, or an exception to throw. */
    private static final class Script implements SlackCalls.Call<ApiTestResponse> {
        private final Deque<Object> outcomes = new ArrayDeque<>();
        int attempts;

        Script then(Object outcome) {
            outcomes.add(outcome);
            return this;
        }

        Script times(int n, Object outcome) {
            for (int i = 0; i < n; i++) {
                outcomes.add(outcome);
            }
            return this;
        }

        @Override
        public ApiTestResponse run() throws IOException, SlackApiException {
            attempts++;
            Object next = outcomes.isEmpty() ? ok() : outcomes.poll();
            if (next instanceof SlackApiException e) {
                throw e;
            }
            if (next instanceof IOException e) {
                throw e;
            }
            return (ApiTestResponse) next;
        }
    }

    private static ApiTestResponse ok() {
        ApiTestResponse r = new ApiTestResponse();
        r.setOk(true);
        return r;
    }

    private static ApiTestResponse notOk(String error) {
        ApiTestResponse r = new ApiTestResponse();
        r.setOk(false);
        r.setError(error);
        return r;
    }

    private static SlackApiException http(int status, String retryAfter, String body) {
        Request request = new Request.Builder().url("https://slack.com/api/chat.postMessage").build();
        Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1)
                .code(status).message("status " + status)
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return new SlackApiException(response.build(), body);
    }

    private static SlackApiException rateLimited(String retryAfter) {
        return http(429, retryAfter, "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    private static SlackApiException serverError(int status) {
        return http(status, null, "<html>oops</html>");
    }

    // ---------------------------------------------------------------- tests

    @Test
    void aSuccessfulCallIsReturnedAtOnce() {
        ApiTestResponse response = ok();
        Script script = new Script().then(response);
        assertThat(calls.call("api.test", script)).isSameAs(response);
        assertThat(script.attempts).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void rateLimitedWaitsExactlyRetryAfterThenSucceeds() {
        ApiTestResponse response = ok();
        Script script = new Script().then(rateLimited("7")).then(response);
        assertThat(calls.call("chat.postMessage", script)).isSameAs(response);
        assertThat(script.attempts).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void eachRateLimitIsHonouredInTurn() {
        Script script = new Script().then(rateLimited("2")).then(rateLimited(" 5 ")).then(rateLimited("0"));
        assertThat(calls.call("chat.postMessage", script).isOk()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-3", "1.5", "", "Wed, 21 Oct 2026 07:28:00 GMT", "1234567"})
    void rateLimitedWithoutAUsableRetryAfterWaitsOneSecond(String header) {
        Script script = new Script().then(rateLimited(header));
        calls.call("chat.postMessage", script);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitedWithoutRetryAfterHeaderWaitsOneSecond() {
        calls.call("chat.postMessage", new Script().then(rateLimited(null)));
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "Retry-After {0} -> {1} s")
    @CsvSource({"29, 29", "30, 30", "31, 30", "120, 30", "999999, 30"})
    void waitsAreCappedAtThirtySeconds(String retryAfter, long expectedSeconds) {
        calls.call("chat.postMessage", new Script().then(rateLimited(retryAfter)));
        assertThat(waits).containsExactly(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorBacksOffAndRetries(int status) {
        Script script = new Script().then(serverError(status));
        assertThat(calls.call("users.info", script).isOk()).isTrue();
        assertThat(script.attempts).isEqualTo(2);
        assertThat(waits).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(499)));
    }

    @Test
    void backOffGrowsExponentiallyWithJitter() {
        Script script = new Script().times(4, serverError(500));
        calls.call("users.info", script);
        assertThat(script.attempts).isEqualTo(5);
        assertThat(waits).hasSize(4);
        long base = 250;
        for (Duration wait : waits) {
            assertThat(wait).isBetween(Duration.ofMillis(base), Duration.ofMillis(2 * base - 1));
            base *= 2;
        }
    }

    @Test
    void backOffIsNeverLongerThanThirtySeconds() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            for (int i = 0; i < 50; i++) {
                assertThat(SlackCalls.backoff(attempt)).isPositive();
            }
        }
        // the computed back-off itself may exceed the cap; what is waited never does
        Script script = new Script().times(4, serverError(500));
        calls.call("users.info", script);
        assertThat(waits).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aNetworkErrorBacksOffAndRetries() {
        Script script = new Script().then(new SocketTimeoutException("read timed out"));
        assertThat(calls.call("users.info", script).isOk()).isTrue();
        assertThat(script.attempts).isEqualTo(2);
        assertThat(waits).singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(499)));
    }

    @Test
    void givesUpAfterFiveAttempts() {
        SlackApiException last = serverError(503);
        Script script = new Script().times(4, serverError(500)).then(last).then(ok());

        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("chat.postMessage", script), SlackCallFailed.class);

        assertThat(failed).isNotNull();
        assertThat(script.attempts).isEqualTo(5);
        assertThat(waits).as("no wait after the last attempt").hasSize(4);
        assertThat(failed.error()).startsWith("gave up after 5 attempts");
        assertThat(failed.getMessage()).startsWith("chat.postMessage failed: gave up after 5 attempts");
        assertThat(failed.getCause()).isSameAs(last);
    }

    @Test
    void givesUpAfterFiveRateLimitsToo() {
        Script script = new Script().times(5, rateLimited("3"));
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("chat.postMessage", script), SlackCallFailed.class);
        assertThat(failed).isNotNull();
        assertThat(script.attempts).isEqualTo(5);
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void givesUpAfterFiveNetworkErrors() {
        IOException down = new IOException("connection refused");
        Script script = new Script().times(5, down);
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("users.info", script), SlackCallFailed.class);
        assertThat(failed.error()).isEqualTo("gave up after 5 attempts: connection refused");
        assertThat(failed.getCause()).isSameAs(down);
        assertThat(script.attempts).isEqualTo(5);
    }

    @Test
    void okFalseFailsAtOnceWithSlacksError() {
        Script script = new Script().then(notOk("user_not_found")).then(ok());
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("users.info", script), SlackCallFailed.class);
        assertThat(failed).isNotNull();
        assertThat(failed.error()).isEqualTo("user_not_found");
        assertThat(failed.getMessage()).isEqualTo("users.info failed: user_not_found");
        assertThat(script.attempts).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void okFalseAfterARateLimitStillFailsWithoutFurtherAttempts() {
        Script script = new Script().then(rateLimited("4")).then(notOk("channel_not_found")).then(ok());
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("chat.postMessage", script), SlackCallFailed.class);
        assertThat(failed.error()).isEqualTo("channel_not_found");
        assertThat(script.attempts).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void anotherClientErrorFailsAtOnceWithTheErrorFromTheBody() {
        SlackApiException badRequest = http(400, null, "{\"ok\":false,\"error\":\"invalid_arguments\"}");
        Script script = new Script().then(badRequest).then(ok());
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("views.open", script), SlackCallFailed.class);
        assertThat(failed.error()).isEqualTo("invalid_arguments");
        assertThat(failed.getCause()).isSameAs(badRequest);
        assertThat(script.attempts).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aClientErrorWithoutSlackBodyIsNamedByItsStatus() {
        Script script = new Script().then(http(404, null, "not found")).then(ok());
        SlackCallFailed failed = catchThrowableOfType(() -> calls.call("views.open", script), SlackCallFailed.class);
        assertThat(failed.error()).isEqualTo("HTTP 404");
        assertThat(script.attempts).isEqualTo(1);
    }

    @Test
    void anInterruptedWaitStopsTryingAndKeepsTheInterrupt() {
        SlackCalls interrupted = new SlackCalls(d -> {
            throw new InterruptedException("shutting down");
        });
        Script script = new Script().then(rateLimited("7")).then(ok());
        SlackCallFailed failed = catchThrowableOfType(() -> interrupted.call("chat.postMessage", script),
                SlackCallFailed.class);
        assertThat(failed.error()).isEqualTo("interrupted while waiting to try again");
        assertThat(failed.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(script.attempts).isEqualTo(1);
    }

    @Test
    void retryAfterIsReadFromTheResponseHeader() {
        assertThat(SlackCalls.retryAfter(rateLimited("7"))).contains(Duration.ofSeconds(7));
        assertThat(SlackCalls.retryAfter(rateLimited(null))).isEmpty();
        assertThat(SlackCalls.retryAfter(rateLimited("x"))).isEmpty();
    }
}
