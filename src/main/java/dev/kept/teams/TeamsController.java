package dev.kept.teams;

import dev.kept.chat.Message;
import dev.kept.chat.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * {@code POST /api/messages}: the activities Teams sends Kept through the Bot Framework. Every request's
 * token is checked first ({@link BotTokenValidator}); nothing of a refused request is read further. Then
 * the answer goes back at once and the work follows on {@link TeamsWork}: typed text goes to the same
 * core entry points as Slack's DMs, card clicks and form submissions to the feature that owns their id.
 * A click ({@code Action.Execute}) is answered with the card that replaces the clicked one, when the
 * work is done within {@link #CARD_ANSWER_WITHIN_SECONDS}; otherwise the card is updated when it is.
 */
@RestController
class TeamsController {

    static final long CARD_ANSWER_WITHIN_SECONDS = 5;
    static final String ONLY_WORDS = "I can only read words, not pictures or files. Type help to see what I can do.";
    static final String PERSONAL_ONLY = "I work in our personal chat: open Kept from the apps on the left and "
            + "write to me there. Type help to see what I can do.";
    /** Commands whose answer only shows the person's promises: a click on it shows it again, as it is now. */
    static final java.util.Set<String> SHOWS_AFRESH = java.util.Set.of("list");
    static final String BUSY = dev.kept.chat.BoundedWork.BUSY;

    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BotTokenValidator validator;
    private final TeamsSettings settings;
    private final TeamsPeople people;
    private final TeamsCards cards;
    private final TeamsFiles files;
    private final BotConnector connector;
    private final TeamsWork work;
    private final TeamsInteractions interactions;

    TeamsController(BotTokenValidator validator, TeamsSettings settings, TeamsPeople people, TeamsCards cards,
                    TeamsFiles files, BotConnector connector, TeamsWork work, TeamsInteractions interactions) {
        this.validator = validator;
        this.settings = settings;
        this.people = people;
        this.cards = cards;
        this.files = files;
        this.connector = connector;
        this.work = work;
        this.interactions = interactions;
    }

    @PostMapping(path = "/api/messages")
    ResponseEntity<?> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
                              @RequestBody(required = false) String body) {
        long started = System.nanoTime();
        int status = 500;
        try {
            ResponseEntity<?> answer = answer(authorization, body);
            status = answer.getStatusCode().value();
            return answer;
        } finally {
            dev.kept.chat.KeptMetrics.ack("teams", status, System.nanoTime() - started);
        }
    }

    private ResponseEntity<?> answer(String authorization, String body) {
        JsonNode activity = parse(body);
        if (activity == null || !activity.isObject()) {
            // Still checked: an unauthenticated caller learns nothing from a 400 it would not get with a token.
            return refused(authorization, null, null).orElse(ResponseEntity.badRequest().build());
        }
        String channelId = TeamsPeople.text(activity.get("channelId"));
        String serviceUrl = TeamsPeople.text(activity.get("serviceUrl"));
        Optional<ResponseEntity<?>> refusal = refused(authorization, channelId, serviceUrl);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<String> problem = TeamsShape.problem(activity);
        if (problem.isPresent()) {
            log.warn("Refused an activity to /api/messages that Teams would not send: {}", problem.get());
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(problem.get());
        }
        if (!settings.tenantId().equals(TeamsPeople.tenantOf(activity))) {
            log.warn("Refused a Teams activity from another tenant than {}", settings.tenantId());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Optional<Person> sender = TeamsPeople.sender(activity);
        if (sender.isEmpty()) {
            return ResponseEntity.ok().build();
        }
        Person person = sender.get();
        String type = String.valueOf(TeamsPeople.text(activity.get("type")));
        String name = TeamsPeople.text(activity.get("name"));
        if ("invoke".equals(type) && CardInput.INVOKE_NAME.equals(name)) {
            if ("automatic".equals(TeamsPeople.text(activity.path("value").get("trigger")))) {
                // A card's refresh, run by Teams when someone looks at it, never a person's click. Kept's cards
                // ask for none; one that does is left as it is, and no action is run on nobody's behalf.
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(
                        AdaptiveCards.messageResponse("This card is up to date.")));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(
                    interactions.clickOrSubmit(person, activity, true)));
        }
        if ("invoke".equals(type) && TeamsFiles.CONSENT_INVOKE.equals(name)) {
            later(person, activity, () -> files.answer(person, interactions.address(person, activity), activity));
            return ResponseEntity.ok().build();
        }
        if ("invoke".equals(type) && TeamsMessageActions.FETCH_TASK.equals(name)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(
                    interactions.fetchTask(person, activity)));
        }
        if ("invoke".equals(type) && TeamsMessageActions.SUBMIT_ACTION.equals(name)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(
                    interactions.submitAction(person, activity)));
        }
        if ("invoke".equals(type)) {
            // As the Bot Framework SDKs answer an invoke no handler takes (message extensions, task modules,
            // sign-in): 501, so Teams tells the person the app can't do that, instead of waiting for an answer.
            log.debug("Teams invoke {} is not one Kept handles", name);
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).build();
        }
        if ("message".equals(type)) {
            if (activity.get("value") != null && activity.get("value").isObject()) {
                interactions.clickOrSubmit(person, activity, false);
            } else if (!"personal".equals(TeamsPeople.text(activity.path("conversation").get("conversationType")))) {
                later(person, activity, () -> connector.send(serviceUrl,
                        TeamsPeople.text(activity.path("conversation").get("id")),
                        cards.channelMessage(person.workspace(), Message.of(PERSONAL_ONLY))));
            } else {
                later(person, activity, () -> interactions.answerText(person, activity));
            }
            return ResponseEntity.ok().build();
        }
        if (installed(activity)) {
            later(person, activity,
                    () -> interactions.sayHello(person, activity));
        } else {
            later(person, activity, () -> { });
        }
        return ResponseEntity.ok().build();
    }

    /**
     * Remembers how to reach the sender (whenever they write, click or install Kept, so nudges can reach them
     * later), then does {@code task}: both after Teams has its answer.
     */
    private void later(Person person, JsonNode activity, Runnable task) {
        work.submitOrTell(() -> {
            interactions.remember(person, activity);
            task.run();
        }, () -> {
            // Only someone who wrote or clicked is waiting for an answer; an install or a member change is not.
            if ("message".equals(TeamsPeople.text(activity.get("type")))) {
                interactions.tellBusy(person, activity);
            }
        });
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Optional<ResponseEntity<?>> refused(String authorization, String channelId, String serviceUrl) {
        try {
            validator.validate(authorization, channelId, serviceUrl);
            return Optional.empty();
        } catch (TeamsAuthException e) {
            log.warn("Refused a request to /api/messages ({}): {}", e.status(), e.reason());
            return Optional.of(ResponseEntity.status(e.status()).build());
        }
    }

    /**
     * Kept was added to someone's personal apps: their personal chat gained Kept as a member. (Teams also sends an
     * {@code installationUpdate} then; answering only this one says hello once.)
     */
    private static boolean installed(JsonNode activity) {
        String type = TeamsPeople.text(activity.get("type"));
        if ("conversationUpdate".equals(type)
                && "personal".equals(TeamsPeople.text(activity.path("conversation").get("conversationType")))) {
            String bot = TeamsPeople.text(activity.path("recipient").get("id"));
            for (JsonNode member : activity.path("membersAdded")) {
                if (bot != null && bot.equals(TeamsPeople.text(member.get("id")))) {
                    return true;
                }
            }
        }
        return false;
    }
}
