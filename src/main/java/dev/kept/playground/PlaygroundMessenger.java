package dev.kept.playground;

import dev.kept.chat.Delivery;
import dev.kept.chat.Message;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformMessenger;
import dev.kept.chat.Workspace;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Kept's messages to playground colleagues: each lands in the person's DM list in Redis (as JSON of
 * the neutral message) and their open pages are told at once.
 */
@Component
class PlaygroundMessenger implements PlatformMessenger {

    private final Conversations conversations;
    private final Clock clock;

    PlaygroundMessenger(Conversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return Colleagues.WORKSPACE.platform();
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        conversations.add(recipient.userId(), Item.message(clock.millis(), false, message, null));
    }

    @Override
    public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
        conversations.add(recipient.userId(), Item.message(clock.millis(), false, message, idempotencyKey));
        return new Delivery.Sent();
    }

    @Override
    public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
        return conversations.of(Conversations.dm(recipient.userId())).stream()
                .anyMatch(s -> idempotencyKey.equals(s.item().key()));
    }

    @Override
    public void publishHome(Person person, Message page) {
        conversations.put("home:" + person.userId(), Item.message(clock.millis(), true, page, null), person.userId());
    }

    @Override
    public void postToChannel(Workspace workspace, String channel, Message message) {
        conversations.append("channel:" + channel.replaceAll("[^A-Za-z0-9._-]", ""),
                Item.message(clock.millis(), false, message, null));
    }

    @Override
    public void sendFile(Person recipient, String filename, String content, Message comment) {
        conversations.add(recipient.userId(), Item.file(clock.millis(), filename, content, comment));
    }
}
