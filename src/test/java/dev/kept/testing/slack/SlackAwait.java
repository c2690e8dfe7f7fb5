package dev.kept.testing.slack;

import dev.kept.testing.slack.FakeSlackApi.Call;

import java.time.Duration;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Waiting for what Kept sends to the fake Slack Web API: the first matching call, once it has come (Kept
 * answers Slack first and does the work after). The one home of these waits for every Slack test.
 */
public final class SlackAwait {

    /** How long a call may take to come, unless a test says otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private SlackAwait() {
    }

    /** The first call of {@code method} that matches, waited for at most {@link #WAIT}. */
    public static Call call(FakeSlackApi slack, String method, Predicate<Call> matching) {
        return call(slack, method, matching, WAIT);
    }

    /** The first call of {@code method} that matches, waited for at most {@code atMost}. */
    public static Call call(FakeSlackApi slack, String method, Predicate<Call> matching, Duration atMost) {
        return await(method).atMost(atMost).until(
                () -> slack.calls(method).stream().filter(matching).findFirst().orElse(null), c -> c != null);
    }

    /** A DM Kept opened to {@code user} (posted to their user id) that matches. */
    public static Call dm(FakeSlackApi slack, String user, Predicate<Call> matching) {
        return call(slack, "chat.postMessage", c -> user.equals(c.param("channel")) && matching.test(c));
    }

    /** Kept's answer in the DM a person wrote in (channel {@code D<user>}). */
    public static Call answerIn(FakeSlackApi slack, String user, Predicate<Call> matching) {
        return call(slack, "chat.postMessage", c -> ("D" + user).equals(c.param("channel")) && matching.test(c));
    }

    /** A response_url answer that replaced the message it answered. */
    public static Call replaced(FakeSlackApi slack, Predicate<Call> matching) {
        return call(slack, FakeSlackApi.RESPONSE_URL,
                c -> "true".equals(c.param("replace_original")) && matching.test(c));
    }

    /** The App Home page published for {@code userId}. */
    public static Call home(FakeSlackApi slack, String userId) {
        return call(slack, "views.publish", c -> userId.equals(c.param("user_id")));
    }
}
