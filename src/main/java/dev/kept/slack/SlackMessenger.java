package dev.kept.slack;

import com.slack.api.methods.MethodsClient;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.Person;
import org.springframework.stereotype.Component;

/**
 * Sends DMs as the bot. Posting with the user id as the channel lands in the person's direct
 * conversation with Kept (its App Home "Messages" tab) and costs one Web API call.
 */
@Component
class SlackMessenger implements Messenger {

    private final MethodsClient methods;
    private final SlackCalls calls;

    SlackMessenger(MethodsClient methods, SlackCalls calls) {
        this.methods = methods;
        this.calls = calls;
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        post(recipient.userId(), message);
    }

    /** Posts into a conversation Kept already knows (e.g. the DM a person wrote in). */
    void post(String channel, Message message) {
        try {
            calls.call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel)
                    .text(BlockKitRenderer.fallbackText(message))
                    .blocks(BlockKitRenderer.blocks(message))
                    .unfurlLinks(false).unfurlMedia(false)));
        } catch (SlackCalls.SlackCallFailed e) {
            throw new DeliveryFailedException(e.getMessage(), e);
        }
    }
}
