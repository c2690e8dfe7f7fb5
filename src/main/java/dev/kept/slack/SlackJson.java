package dev.kept.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.json.GsonFactory;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;

/**
 * JSON for Kept's two hottest Slack calls, {@code chat.postMessage} and the POST to a
 * {@code response_url}, with one Gson made once. The Slack SDK (1.51) builds a new Gson for every
 * response it parses and every JSON body it writes, and a new Gson looks every type up again by
 * reflection: in a JFR profile of the ack-path benchmark that was on the stack of two thirds of the
 * samples of Kept's work threads (docs/benchmarks.md, "Profiling"). Gson is thread-safe and caches its adapters, so
 * one is made here, with the SDK's own settings ({@link GsonFactory#createSnakeCase}).
 *
 * <p>The semantics are the SDK's: a non-2xx answer throws {@link SlackApiException} (so a 429's
 * {@code Retry-After} is read as before), a 2xx is parsed into the response type with its headers,
 * and the SDK's response listeners run.
 */
public final class SlackJson {

    private static final MediaType JSON = MediaType.parse("application/json; charset=utf-8");

    private final Slack slack;
    private final Gson gson;

    public SlackJson(Slack slack) {
        this.slack = slack;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    /** What the SDK's {@code methods.chatPostMessage(request)} does, parsed with the shared Gson. */
    public ChatPostMessageResponse chatPostMessage(MethodsClient methods, String token, ChatPostMessageRequest request)
            throws IOException, SlackApiException {
        String tokenToUse = request.getToken() != null ? request.getToken() : token;
        try (Response response = methods.runPostFormWithToken(RequestFormBuilder.toForm(request),
                Methods.CHAT_POST_MESSAGE, tokenToUse)) {
            return parse(response, ChatPostMessageResponse.class);
        }
    }

    /** POSTs {@code body} as snake_case JSON (what the SDK's {@code postJsonBody} does); the caller closes the response. */
    public Response postJson(String url, Object body) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(gson.toJson(body), JSON)).build();
        return slack.getHttpClient().getOkHttpClient().newCall(request).execute();
    }

    <T extends SlackApiTextResponse> T parse(Response response, Class<T> type) throws IOException, SlackApiException {
        String body = response.body() == null ? "" : response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(slack.getConfig(), response, body);
        }
        try {
            T parsed = gson.fromJson(body, type);
            if (parsed != null) {
                parsed.setHttpResponseHeaders(response.headers().toMultimap()); // OkHttp lower-cases the names
            }
            return parsed;
        } finally {
            slack.getHttpClient().runHttpResponseListeners(response, body);
        }
    }
}
