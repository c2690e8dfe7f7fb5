package dev.kept.slack.listeners.shortcuts;

import com.slack.api.app_backend.interactive_components.payload.GlobalShortcutPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.QuotedMessage;
import dev.kept.inbox.Inbox;
import dev.kept.promise.Invocation;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import dev.kept.slack.listeners.ListenerRegistrar;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Shortcuts (declared in {@code manifest.yml}): "Make this a promise" and "Ask for this" in a message's menu,
 * and "New promise" in the shortcuts menu. Each is acked at once; then the message's link is looked up
 * ({@code chat.getPermalink}) and the form opens with the shortcut's trigger, pre-filled by the core.
 */
@Component
class ShortcutListeners implements ListenerRegistrar {

    /** The callback ids the manifest gives the shortcuts. */
    static final String MAKE_FROM_MESSAGE = "promise.from_message";
    static final String ASK_FROM_MESSAGE = "request.from_message";
    static final String NEW_PROMISE = "promise.new_global";

    /** Said when Kept can't link to the message: it is not in that conversation. */
    static final Message CANT_SEE = Message.of(Markup.builder()
            .plain("I can't open that message: it's in a conversation I'm not part of. Add me to it first (")
            .code("/invite @Kept").plain(" in the channel), or write the promise with ")
            .code("/promise @colleague what by when").plain(".").build());

    private final Inbox inbox;
    private final SlackResponder responder;
    private final SlackWork work;

    ShortcutListeners(Inbox inbox, SlackResponder responder, SlackWork work) {
        this.inbox = inbox;
        this.responder = responder;
        this.work = work;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(MAKE_FROM_MESSAGE, (request, context) -> {
            fromMessage(request.getPayload(), false);
            return context.ack();
        });
        app.messageShortcut(ASK_FROM_MESSAGE, (request, context) -> {
            fromMessage(request.getPayload(), true);
            return context.ack();
        });
        app.globalShortcut(NEW_PROMISE, (request, context) -> {
            newPromise(request.getPayload());
            return context.ack();
        });
    }

    private void fromMessage(MessageShortcutPayload p, boolean asking) {
        Person person = SlackResponder.workspace(teamOf(p)).person(p.getUser().getId());
        Invocation in = new Invocation(person, responder.text(person.workspace()), true);
        inbox.laterOrBusy(work, () -> {
            Optional<String> link = responder.permalink(p.getChannel().getId(), p.getMessageTs());
            if (link.isEmpty()) {
                return Outcome.reply(CANT_SEE);
            }
            com.slack.api.model.Message m = p.getMessage();
            QuotedMessage quoted = new QuotedMessage(Optional.ofNullable(m == null ? null : m.getUser()),
                    m == null ? "" : m.getText(), link.get());
            return inbox.answer(new Inbox.FromMessage(in, quoted, asking));
        }, outcome -> responder.respond(person, outcome, p.getResponseUrl(), p.getTriggerId()));
    }

    private void newPromise(GlobalShortcutPayload p) {
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
        Person person = SlackResponder.workspace(team).person(p.getUser().getId());
        Invocation in = new Invocation(person, responder.text(person.workspace()), true);
        inbox.laterOrBusy(work, () -> inbox.answer(new Inbox.Command(in, "")),
                outcome -> responder.respond(person, outcome, null, p.getTriggerId()));
    }

    private static String teamOf(MessageShortcutPayload p) {
        return p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
    }
}
