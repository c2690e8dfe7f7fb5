package dev.kept.teams;

import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.StoreUnavailableException;
import dev.kept.inbox.Inbox;
import dev.kept.promise.Invocation;
import dev.kept.promise.PromiseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What follows a Teams activity once {@link TeamsController} has checked and routed it: answers in the person's
 * chat (their {@code Outcome.Renderer}), clicks and form submissions of Kept's cards ({@code Action.Execute} and
 * {@code Action.Submit}), and the message extension's dialogs ({@link TeamsMessageActions}), each through the
 * core's {@link Inbox}.
 */
@Component
class TeamsInteractions {

    static final long CARD_ANSWER_WITHIN_SECONDS = TeamsController.CARD_ANSWER_WITHIN_SECONDS;
    static final String PERSONAL_ONLY = TeamsController.PERSONAL_ONLY;
    static final String BUSY = TeamsController.BUSY;

    private static final Logger log = LoggerFactory.getLogger(TeamsInteractions.class);

    private final TeamsPeople people;
    private final TeamsCards cards;
    private final BotConnector connector;
    private final TeamsWork work;
    private final Inbox inbox;
    private final PromiseService promises;

    TeamsInteractions(TeamsPeople people, TeamsCards cards, BotConnector connector, TeamsWork work, Inbox inbox,
                      PromiseService promises) {
        this.people = people;
        this.cards = cards;
        this.connector = connector;
        this.work = work;
        this.inbox = inbox;
        this.promises = promises;
    }

    /** "Busy", said in the chat the activity came from (Teams' 200 carries no words). */
    void tellBusy(Person person, JsonNode activity) {
        connector.send(TeamsPeople.text(activity.get("serviceUrl")),
                TeamsPeople.text(activity.path("conversation").get("id")),
                cards.channelMessage(person.workspace(), Message.of(BUSY)));
    }

    void remember(Person person, JsonNode activity) {
        try {
            people.remember(person, activity);
        } catch (StoreUnavailableException e) {
            log.warn("Could not remember how to reach {}: {}", person.userId(), e.getMessage());
        }
    }

    Invocation invocation(Person person) {
        return new Invocation(person, new TeamsText(people.idsByName(person.workspace())), true);
    }

    /** The chat the activity came from (the person's personal chat with Kept). */
    TeamsAddress address(Person person, JsonNode activity) {
        return new TeamsAddress(TeamsPeople.text(activity.get("serviceUrl")),
                TeamsPeople.text(activity.path("conversation").get("id")), null, null, null);
    }

    /** Sends what the core answered into the person's chat: a message, or a form card. */
    void reply(Person person, TeamsAddress to, Outcome outcome) {
        reply(person, to, outcome, null);
    }

    /** The same; {@code refresh} is the command the answer shows (see {@link TeamsCards.Shown#refresh}). */
    void reply(Person person, TeamsAddress to, Outcome outcome, String refresh) {
        ObjectNode[] rendered = new ObjectNode[1];
        outcome.renderWith(new Outcome.Renderer() {
            @Override
            public void reply(Message message) {
                rendered[0] = cards.message(person, message, refresh);
            }

            @Override
            public void replace(Message message) {
                // in the chat: the clicked card itself is replaced by the invoke's answer (see handle)
                rendered[0] = cards.message(person, message);
            }

            @Override
            public void openForm(Form form, Message fallback) {
                rendered[0] = cards.form(person, form, promises.zoneOf(person));
            }
        });
        ObjectNode activity = rendered[0];
        try {
            connector.send(to.serviceUrl(), to.conversationId(), activity);
        } catch (DeliveryFailedException e) {
            log.warn("Could not answer {} in Teams: {}", person.userId(), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- clicks and forms

    /**
     * A click or a form's submission. For {@code Action.Execute} the result is the invoke response (the card
     * that replaces the clicked one); for {@code Action.Submit} the clicked card is updated through the
     * Bot Connector and the result is not used.
     */
    ObjectNode clickOrSubmit(Person person, JsonNode activity, boolean execute) {
        Optional<CardInput> input = CardInput.read(activity);
        if (input.isEmpty()) {
            return AdaptiveCards.messageResponse("I didn't understand that click. Type help to see what I can do.");
        }
        // The card is where it was clicked; Kept's answers are for the person alone, in their personal chat,
        // even when the card sits in a channel or a group chat.
        TeamsAddress cardAt = address(person, activity);
        boolean personal = "personal".equals(TeamsPeople.text(activity.path("conversation").get("conversationType")));
        String replyToId = TeamsPeople.text(activity.get("replyToId"));
        Optional<CompletableFuture<ObjectNode>> running = work.call(() -> {
            remember(person, activity);
            TeamsAddress to = personal ? cardAt : personalChat(person);
            if (to == null) {
                return AdaptiveCards.messageResponse(PERSONAL_ONLY);
            }
            try {
                return handle(person, to, input.get());
            } catch (RuntimeException e) {
                reply(person, to, Guard.answer(() -> {
                    throw e;
                }));
                return null;
            }
        });
        if (running.isEmpty()) {
            if (!execute) {
                // An Action.Submit is a message: its answer is never shown, so "busy" is said in the chat.
                work.tell(() -> tellBusy(person, activity));
            }
            return AdaptiveCards.messageResponse(BUSY);
        }
        if (!execute) {
            running.get().thenAccept(card -> update(cardAt, replyToId, card));
            return null;
        }
        try {
            ObjectNode card = running.get().get(CARD_ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
            if (card != null && AdaptiveCards.MESSAGE_CONTENT_TYPE.equals(TeamsPeople.text(card.get("type")))) {
                return card;   // already an invoke response
            }
            return card == null ? AdaptiveCards.messageResponse(personal ? "I've answered in our chat."
                    : "I've answered you in your personal chat with Kept.")
                    : AdaptiveCards.cardResponse(card);
        } catch (TimeoutException slow) {
            running.get().thenAccept(card -> update(cardAt, replyToId, card));
            return AdaptiveCards.messageResponse("Working on it: this card will change when it's done.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AdaptiveCards.messageResponse(BUSY);
        } catch (ExecutionException e) {
            log.error("A Teams card action failed", e.getCause());
            return AdaptiveCards.messageResponse("Something went wrong on my side and nothing was changed. Please try again.");
        }
    }

    /** The person's personal chat with Kept, or null when Teams won't open one (Kept is not installed for them). */
    TeamsAddress personalChat(Person person) {
        try {
            return people.reach(person);
        } catch (DeliveryFailedException e) {
            log.warn("Could not reach {} in a personal chat: {}", person.userId(), e.getMessage());
            return null;
        }
    }

    private void update(TeamsAddress to, String activityId, ObjectNode card) {
        if (card == null || activityId == null) {
            return;
        }
        try {
            connector.update(to.serviceUrl(), to.conversationId(), activityId, AdaptiveCards.activity(card, null));
        } catch (DeliveryFailedException e) {
            log.warn("Could not update a card in Teams: {}", e.getMessage());
        }
    }

    /** The card that replaces the clicked one (null: keep it as it is); answers go to the chat. */
    private ObjectNode handle(Person person, TeamsAddress to, CardInput input) {
        String cardId = TeamsPeople.text(input.data().get(TeamsCards.CARD_ID));
        Optional<TeamsCards.Shown> shown = cards.shown(person, cardId);
        if (input.isClick()) {
            if (!inbox.ownsButton(input.actionId()) || shown.isEmpty()
                    || !shown.get().hasButton(input.actionId(), input.value())) {
                reply(person, to, Outcome.reply("That button isn't on any of your messages any more."));
                return null;
            }
            Outcome outcome = inbox.answer(new Inbox.Clicked(person, input.actionId(), input.value()));
            if (outcome instanceof Outcome.ReplaceOriginal r) {
                cards.spend(person, cardId);
                return cards.messageCard(person, r.message(), null);
            }
            reply(person, to, outcome);
            String refresh = shown.get().refresh();
            if (refresh != null && inbox.answer(new Inbox.Command(invocation(person), refresh)) instanceof Outcome.Reply now) {
                return cards.messageCard(person, now.message(), cardId, refresh);   // e.g. the list, as it is now
            }
            return cards.messageCard(person, shown.get().message(), cardId);   // unchanged: it can be clicked again
        }
        Form form = shown.map(TeamsCards.Shown::form).orElse(null);
        if (form == null || !inbox.ownsForm(form.formId())) {
            reply(person, to, Outcome.reply("That form was sent already, or it has expired. Please start again."));
            return null;
        }
        return submitForm(person, to, input, cardId, form, false);
    }

    /**
     * A form's inputs, sent: the same card with the problems named under their fields (kept under the same id),
     * or, once it is sent, the answer in the person's chat and a closed card (null: it was sent twice at once).
     * In a dialog ({@code dialog}) the card with problems is a dialog's card.
     */
    private ObjectNode submitForm(Person person, TeamsAddress to, CardInput input, String cardId, Form form,
                                  boolean dialog) {
        ZoneId zone = promises.zoneOf(person);
        Map<String, String> typed = new HashMap<>();
        Map<String, String> unknownNames = new HashMap<>();
        CardInput named = input.withNamedPeople(form, people.idsByName(person.workspace()), unknownNames);
        FormSubmission submission = named.submission(form, zone, typed);
        Map<String, String> errors = new HashMap<>(inbox.check(person, submission));
        unknownNames.forEach((inputId, name) -> {
            typed.put(inputId + AdaptiveCards.NAME_SUFFIX, name);
            errors.put(inputId, "I don't know anyone called \u201c" + name + "\u201d yet. Pick them in the search, "
                    + "or ask them to write to Kept once.");
        });
        if (!errors.isEmpty()) {
            ObjectNode again = cards.formCard(person, form, zone, errors, typed, cardId);
            return dialog ? FormCards.forDialog(again) : again;
        }
        if (!cards.spend(person, cardId)) {
            return null;   // sent twice at once: the other one does it
        }
        Outcome outcome = inbox.answer(new Inbox.Submitted(person, submission));
        reply(person, to, outcome);
        return AdaptiveCards.closed(form.title(), "Sent.");
    }

    // ---------------------------------------------------------------- "Make this a promise" on a message

    /**
     * {@code composeExtension/fetchTask} from a message's "⋯" menu: the promise (or request) form, pre-filled from
     * the message by the core, as a dialog; anything the core says instead (a refusal) as the dialog's message.
     */
    ObjectNode fetchTask(Person person, JsonNode activity) {
        Optional<TeamsMessageActions.Asked> asked = TeamsMessageActions.read(activity);
        if (asked.isEmpty()) {
            return TeamsMessageActions.message("Open this from the \u22EF menu of a message, and I'll fill the form in from it.");
        }
        TeamsText text = new TeamsText(people.idsByName(person.workspace()));
        Invocation in = new Invocation(person, text, true);
        Optional<CompletableFuture<ObjectNode>> running = work.call(() -> {
            remember(person, activity);
            Outcome outcome = inbox.answer(new Inbox.FromMessage(in, asked.get().message(), asked.get().asking()));
            if (outcome instanceof Outcome.OpenForm f) {
                ObjectNode card = cards.formCard(person, f.form(), promises.zoneOf(person), Map.of(), Map.of(), null);
                return TeamsMessageActions.dialog(f.form().title(), FormCards.forDialog(card));
            }
            return TeamsMessageActions.message(TeamsMessageActions.words(outcome));
        });
        return answerWithin(running);
    }

    /** {@code composeExtension/submitAction}: the dialog's form, sent; problems keep it open with them named. */
    ObjectNode submitAction(Person person, JsonNode activity) {
        JsonNode data = activity.path("value").path("data");
        Optional<CardInput> input = CardInput.fromDialog(data);
        if (input.isEmpty() || input.get().isClick()) {
            return TeamsMessageActions.message("That form was sent already, or it has expired. Please start again.");
        }
        Optional<CompletableFuture<ObjectNode>> running = work.call(() -> {
            remember(person, activity);
            String cardId = TeamsPeople.text(data.get(TeamsCards.CARD_ID));
            Form form = cards.shown(person, cardId).map(TeamsCards.Shown::form).orElse(null);
            if (form == null || !inbox.ownsForm(form.formId())) {
                return TeamsMessageActions.message("That form was sent already, or it has expired. Please start again.");
            }
            TeamsAddress to = personalChat(person);
            if (to == null) {
                return TeamsMessageActions.message(PERSONAL_ONLY);
            }
            ObjectNode card = submitForm(person, to, input.get(), cardId, form, true);
            if (card != null && FormCards.isDialog(card)) {
                return TeamsMessageActions.dialog(form.title(), card);
            }
            return TeamsMessageActions.message("Sent. I've answered you in your personal chat with Kept.");
        });
        return answerWithin(running);
    }

    /** The invoke's answer, when the work is done within Teams' limit; "busy" when it could not be taken. */
    private static ObjectNode answerWithin(Optional<CompletableFuture<ObjectNode>> running) {
        if (running.isEmpty()) {
            return TeamsMessageActions.message(BUSY);
        }
        try {
            return running.get().get(CARD_ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            return TeamsMessageActions.message("That is taking me longer than it should. Please try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TeamsMessageActions.message(BUSY);
        } catch (ExecutionException e) {
            log.error("A Teams message action failed", e.getCause());
            return TeamsMessageActions.message("Something went wrong on my side and nothing was changed. Please try again.");
        }
    }

    // ---------------------------------------------------------------- typed text

    void answerText(Person person, JsonNode activity) {
        TeamsText text = new TeamsText(people.idsByName(person.workspace()));
        String typed = text.command(TeamsPeople.text(activity.get("text")) == null ? "" : activity.get("text").asString());
        if (typed.isBlank() && activity.path("attachments").size() > 0) {
            // A picture or a file with no words (Teams may wrap an inline image in HTML, which reads as
            // nothing): no command to read, and no reason to open a promise form.
            reply(person, address(person, activity), new Outcome.Reply(Message.of(TeamsController.ONLY_WORDS)));
            return;
        }
        Outcome outcome = inbox.answer(new Inbox.Wrote(new Invocation(person, text, true), typed));
        reply(person, address(person, activity), outcome, TeamsController.SHOWS_AFRESH.contains(typed.strip().toLowerCase(java.util.Locale.ROOT))
                ? typed.strip() : null);
    }

    /** Kept was added to someone's personal apps: it says hello with its help. */
    void sayHello(Person person, JsonNode activity) {
        reply(person, address(person, activity), inbox.answer(new Inbox.Command(invocation(person), "help")));
    }
}
