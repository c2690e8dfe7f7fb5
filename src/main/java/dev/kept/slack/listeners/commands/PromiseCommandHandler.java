package dev.kept.slack.listeners.commands;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.kept.chat.Person;
import dev.kept.promise.Invocation;
import dev.kept.inbox.Inbox;
import dev.kept.slack.SlackResponder;
import dev.kept.slack.SlackWork;
import org.springframework.stereotype.Component;

/** {@code /promise …}: ack at once; the core reads the text and the answer follows privately. */
@Component
class PromiseCommandHandler implements SlashCommandHandler {

    static final String BUSY = dev.kept.chat.BoundedWork.BUSY;

    private final Inbox inbox;
    private final SlackResponder responder;
    private final SlackWork work;

    PromiseCommandHandler(Inbox inbox, SlackResponder responder, SlackWork work) {
        this.inbox = inbox;
        this.responder = responder;
        this.work = work;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload p = request.getPayload();
        Person person = SlackResponder.workspace(p.getTeamId()).person(p.getUserId());
        Invocation in = new Invocation(person, responder.text(person.workspace()), true);
        boolean taken = inbox.later(work, () -> inbox.answer(new Inbox.Command(in, p.getText())),
                outcome -> responder.respond(person, outcome, p.getResponseUrl(), p.getTriggerId()));
        return taken ? context.ack() : context.ack(BUSY);
    }
}
