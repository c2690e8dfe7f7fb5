package dev.kept.testing.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake of Slack's Socket Mode WebSocket server, on 127.0.0.1 and a free port, for tests.
 *
 * <p>Hand {@link #url()} to {@link FakeSlackApi#socketModeUrl(String)} so that {@code apps.connections.open}
 * answers it; the SDK then dials this server. Like Slack, the server greets each new connection with a
 * {@code hello} message, sends envelopes ({@link #sendSlashCommand}, {@link #sendInteractive}, {@link #sendEvent})
 * to the newest open connection and records every message the client sends back, so a test can wait for the ack
 * of an envelope: {@code await().until(() -> socket.ack(id).isPresent())}.
 *
 * <p>Message shapes, as Slack sends them:
 * <pre>
 * {"type":"hello","num_connections":1,"debug_info":{…},"connection_info":{"app_id":"AKEPT"}}
 * {"envelope_id":"…","payload":{…},"type":"slash_commands","accepts_response_payload":true}
 * {"envelope_id":"…","payload":{…},"type":"interactive","accepts_response_payload":false}
 * {"envelope_id":"…","payload":{…},"type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":""}
 * </pre>
 * and the client acknowledges with {@code {"envelope_id":"…"}}, or {@code {"envelope_id":"…","payload":{…}}} when
 * it answers with a message or a {@code response_action}.
 */
public final class FakeSocketModeServer implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /** One message received from a client, in arrival order. */
    public record Received(String raw, JsonObject json) {

        /** The {@code envelope_id} it answers, or {@code null}. */
        public String envelopeId() {
            JsonElement id = json == null ? null : json.get("envelope_id");
            return id == null || id.isJsonNull() ? null : id.getAsString();
        }

        /** The {@code payload} it carries (an answer to the envelope), if any. */
        public Optional<JsonElement> payload() {
            JsonElement p = json == null ? null : json.get("payload");
            return p == null || p.isJsonNull() ? Optional.empty() : Optional.of(p);
        }
    }

    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Exception> startFailure = new AtomicReference<>();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();

    private FakeSocketModeServer() {
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setReuseAddr(true);
        server.setDaemon(true);
        // The client pings on its own schedule; the server only answers.
        server.setConnectionLostTimeout(0);
    }

    /** Starts on a free port of 127.0.0.1 and waits until it listens. */
    public static FakeSocketModeServer start() {
        FakeSocketModeServer fake = new FakeSocketModeServer();
        fake.server.start();
        try {
            if (!fake.started.await(10, TimeUnit.SECONDS)) {
                fake.close();
                throw new IllegalStateException("fake Socket Mode server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fake.close();
            throw new IllegalStateException("interrupted while starting the fake Socket Mode server", e);
        }
        Exception failure = fake.startFailure.get();
        if (failure != null) {
            fake.close();
            throw new IllegalStateException("fake Socket Mode server could not start: " + failure, failure);
        }
        return fake;
    }

    public int port() {
        return server.getPort();
    }

    /** The WebSocket URL, shaped like the one Slack hands out: {@code ws://127.0.0.1:PORT/link/?ticket=…}. */
    public String url() {
        return "ws://127.0.0.1:" + port() + "/link/?ticket=fake-ticket&app_id=" + FakeSlackApi.APP_ID;
    }

    // ---------------------------------------------------------------- connections

    /** True while at least one client is connected. */
    public boolean isConnected() {
        return !open.isEmpty();
    }

    /** Clients connected right now. */
    public int openConnections() {
        return open.size();
    }

    /** Connections ever opened (reconnections included). */
    public int connectionsOpened() {
        return opened.get();
    }

    /** The request path (with query) of each connection ever opened, oldest first. */
    public List<String> connectionPaths() {
        return List.copyOf(paths);
    }

    /** Errors the server saw on a connection, oldest first. */
    public List<Exception> errors() {
        return List.copyOf(errors);
    }

    // ---------------------------------------------------------------- sending envelopes

    /**
     * A {@code slash_commands} envelope for {@code command} typed by {@code userId}, with the same fields as the
     * HTTP form body {@link SlackRequests#slashCommandBody} builds. Returns its envelope id.
     */
    public String sendSlashCommand(String teamId, String userId, String userName, String command, String text,
                                   String responseUrl, String triggerId, String channelId) {
        String form = SlackRequests.slashCommandBody(teamId, userId, userName, command, text, responseUrl, triggerId,
                channelId);
        JsonObject payload = new JsonObject();
        for (Map.Entry<String, String> field : FakeSlackApi.parseForm(form).entrySet()) {
            payload.addProperty(field.getKey(), field.getValue());
        }
        return sendEnvelope("slash_commands", payload, true);
    }

    /**
     * An {@code interactive} envelope carrying {@code payloadJson} (e.g. {@link SlackRequests#blockActionPayload} or
     * {@link SlackRequests#viewSubmissionPayload}); a {@code view_submission} or {@code block_suggestion} accepts a
     * response payload, as on Slack. Returns its envelope id.
     */
    public String sendInteractive(String payloadJson) {
        JsonObject payload = parseObject(payloadJson);
        JsonElement type = payload.get("type");
        String t = type == null || type.isJsonNull() ? "" : type.getAsString();
        return sendEnvelope("interactive", payload, t.equals("view_submission") || t.equals("block_suggestion"));
    }

    /**
     * An {@code events_api} envelope carrying {@code eventCallbackJson}, the {@code event_callback} object Slack
     * would POST in HTTP mode (e.g. {@link SlackRequests#messageImEventBody}). Returns its envelope id.
     */
    public String sendEvent(String eventCallbackJson) {
        JsonObject payload = parseObject(eventCallbackJson);
        JsonObject envelope = envelope("events_api", payload, false);
        envelope.addProperty("retry_attempt", 0);
        envelope.addProperty("retry_reason", "");
        return send(envelope);
    }

    /** Any envelope: {@code {"envelope_id":…,"payload":payload,"type":type,"accepts_response_payload":…}}. */
    public String sendEnvelope(String type, JsonObject payload, boolean acceptsResponsePayload) {
        return send(envelope(type, payload, acceptsResponsePayload));
    }

    /** Sends {@code text} as is to the newest open connection. */
    public void sendRaw(String text) {
        newestConnection().send(text);
    }

    private static JsonObject envelope(String type, JsonObject payload, boolean acceptsResponsePayload) {
        JsonObject e = new JsonObject();
        e.addProperty("envelope_id", UUID.randomUUID().toString());
        e.add("payload", payload);
        e.addProperty("type", type);
        e.addProperty("accepts_response_payload", acceptsResponsePayload);
        return e;
    }

    private String send(JsonObject envelope) {
        sendRaw(GSON.toJson(envelope));
        return envelope.get("envelope_id").getAsString();
    }

    private WebSocket newestConnection() {
        for (int i = open.size() - 1; i >= 0; i--) {
            WebSocket ws = open.get(i);
            if (ws.isOpen()) {
                return ws;
            }
        }
        throw new IllegalStateException("no Socket Mode client is connected to " + url());
    }

    private static JsonObject parseObject(String json) {
        JsonElement e = JsonParser.parseString(json);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("payload must be a JSON object: " + json);
        }
        return e.getAsJsonObject();
    }

    // ---------------------------------------------------------------- what the client sent

    /** Every message received from clients, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The client's acknowledgement of envelope {@code envelopeId}, once it has arrived. */
    public Optional<Received> ack(String envelopeId) {
        return received.stream().filter(r -> envelopeId.equals(r.envelopeId())).findFirst();
    }

    /** How many messages answered {@code envelopeId} (Slack expects exactly one). */
    public int ackCount(String envelopeId) {
        return (int) received.stream().filter(r -> envelopeId.equals(r.envelopeId())).count();
    }

    /** Forgets received messages and errors; connections stay open. */
    public void reset() {
        received.clear();
        errors.clear();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Closes every connection (code 1001, as Slack does when it goes away) and stops listening. */
    @Override
    public void close() {
        try {
            server.stop(2_000, "fake Socket Mode server stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hello() {
        JsonObject debug = new JsonObject();
        debug.addProperty("host", "applink-fake-1");
        debug.addProperty("build_number", 1);
        debug.addProperty("approximate_connection_time", 18_060);
        JsonObject connection = new JsonObject();
        connection.addProperty("app_id", FakeSlackApi.APP_ID);
        JsonObject hello = new JsonObject();
        hello.addProperty("type", "hello");
        hello.addProperty("num_connections", 1);
        hello.add("debug_info", debug);
        hello.add("connection_info", connection);
        return GSON.toJson(hello);
    }

    private final class Server extends WebSocketServer {

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            paths.add(handshake.getResourceDescriptor());
            open.add(conn);
            opened.incrementAndGet();
            conn.send(hello());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            open.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonObject json = null;
            try {
                JsonElement e = JsonParser.parseString(message);
                if (e.isJsonObject()) {
                    json = e.getAsJsonObject();
                }
            } catch (RuntimeException notJson) {
                // recorded raw only
            }
            received.add(new Received(message, json));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && started.getCount() > 0) {
                startFailure.set(ex);
                started.countDown();
                return;
            }
            errors.add(ex);
        }
    }
}
