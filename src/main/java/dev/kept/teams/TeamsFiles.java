package dev.kept.teams;

import dev.kept.chat.AdapterState;
import dev.kept.chat.Message;
import dev.kept.chat.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Files Kept sends in Teams (a person's export). A bot can't just drop a file into a personal chat:
 * Kept offers it with a file consent card, and when the person accepts, Teams gives an upload address
 * in their OneDrive; Kept puts the bytes there and shows the file in the chat. The content waits in
 * Kept's store for {@link #OFFER_LASTS} and is removed once uploaded or declined.
 */
@Component
class TeamsFiles {

    static final Duration OFFER_LASTS = Duration.ofDays(1);
    static final String CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
    static final String INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
    static final String CONSENT_INVOKE = "fileConsent/invoke";

    private static final Logger log = LoggerFactory.getLogger(TeamsFiles.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdapterState state;
    private final BotConnector connector;
    private final TeamsCards cards;
    private final HttpClient http;
    private final boolean allowLoopbackHttp;

    TeamsFiles(AdapterState state, BotConnector connector, TeamsCards cards, HttpClient teamsHttp, TeamsSettings settings) {
        this.state = state;
        this.connector = connector;
        this.cards = cards;
        this.http = teamsHttp;
        this.allowLoopbackHttp = settings.allowLoopbackHttp();
    }

    /** Offers {@code content} as a file to {@code recipient}, in the chat at {@code to}. */
    void offer(Person recipient, TeamsAddress to, String filename, String content) {
        String id = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        ObjectNode kept = JSON.createObjectNode();
        kept.put("name", filename);
        kept.put("content", content);
        state.putFor(recipient, key(id), JSON.writeValueAsString(kept), OFFER_LASTS);

        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", "message");
        ObjectNode attachment = activity.putArray("attachments").addObject();
        attachment.put("contentType", CONSENT_CARD);
        attachment.put("name", filename);
        ObjectNode consent = attachment.putObject("content");
        consent.put("description", "Everything Kept holds about you, as a CSV file.");
        consent.put("sizeInBytes", content.getBytes(StandardCharsets.UTF_8).length);
        consent.putObject("acceptContext").put("file", id);
        consent.putObject("declineContext").put("file", id);
        connector.send(to.serviceUrl(), to.conversationId(), activity);
    }

    /**
     * The person's answer to a file consent card ({@code invoke} named {@value #CONSENT_INVOKE}): upload the
     * file and show it, or drop it. Answers in the chat either way.
     */
    void answer(Person person, TeamsAddress to, JsonNode activity) {
        JsonNode value = activity.path("value");
        String id = TeamsPeople.text(value.path("context").get("file"));
        Optional<String> offered = id == null ? Optional.empty() : state.getShortLived(person, key(id));
        if (offered.isEmpty()) {
            say(person, to, "That file offer has expired or was answered already. Write export to get a new one.");
            return;
        }
        if (!"accept".equals(TeamsPeople.text(value.get("action")))) {
            state.removeShortLived(person, key(id));
            say(person, to, "All right, I didn't send the file. Write export whenever you want it.");
            return;
        }
        JsonNode upload = value.path("uploadInfo");
        String uploadUrl = TeamsPeople.text(upload.get("uploadUrl"));
        if (uploadUrl == null || !allowed(uploadUrl)) {
            log.warn("Refused a file upload address from Teams that is not https");
            say(person, to, "Teams gave me an upload address I can't use, so the file wasn't sent. Please try again.");
            return;
        }
        JsonNode file = JSON.readTree(offered.get());
        byte[] bytes = file.path("content").asString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest put = HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(Duration.ofSeconds(30))
                    .header("Content-Range", "bytes 0-" + (bytes.length - 1) + "/" + bytes.length)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            HttpResponse<Void> response = http.send(put, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("Uploading an export to OneDrive answered HTTP {}", response.statusCode());
                say(person, to, "OneDrive refused the file, so it wasn't sent. Please write export again.");
                return;
            }
        } catch (IOException e) {
            log.warn("Uploading an export to OneDrive failed: {}", e.getMessage());
            say(person, to, "I couldn't reach OneDrive, so the file wasn't sent. Please write export again.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        state.removeShortLived(person, key(id));
        ObjectNode shown = JSON.createObjectNode();
        shown.put("type", "message");
        ObjectNode info = shown.putArray("attachments").addObject();
        info.put("contentType", INFO_CARD);
        info.put("contentUrl", TeamsPeople.text(upload.get("contentUrl")));
        info.put("name", TeamsPeople.text(upload.get("name")));
        ObjectNode content = info.putObject("content");
        content.put("uniqueId", TeamsPeople.text(upload.get("uniqueId")));
        content.put("fileType", TeamsPeople.text(upload.get("fileType")));
        connector.send(to.serviceUrl(), to.conversationId(), shown);
    }

    private void say(Person person, TeamsAddress to, String text) {
        connector.send(to.serviceUrl(), to.conversationId(), cards.message(person, Message.of(text)));
    }

    private boolean allowed(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri.getHost() != null;
        }
        if (scheme.equals("http") && allowLoopbackHttp && uri.getHost() != null) {
            try {
                return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static String key(String id) {
        return "file:" + id;
    }
}
