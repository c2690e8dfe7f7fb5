package dev.kept.chat;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Messenger} the core uses: each message goes to the adapter of the recipient's platform
 * ({@link Workspace#platform()}), so Slack people get Slack messages and playground people playground
 * ones, even when both adapters run.
 */
@Primary
@Component
public class MessengerRouter implements Messenger {

    private final Map<String, PlatformMessenger> byPlatform = new HashMap<>();

    public MessengerRouter(List<PlatformMessenger> platforms) {
        for (PlatformMessenger m : platforms) {
            if (byPlatform.put(m.platform(), m) != null) {
                throw new IllegalStateException("Two messengers for the platform " + m.platform());
            }
        }
    }

    private PlatformMessenger of(Workspace workspace) {
        PlatformMessenger m = byPlatform.get(workspace.platform());
        if (m == null) {
            throw new DeliveryFailedException("Kept is not connected to " + workspace.platform() + " here", null);
        }
        return m;
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        of(recipient.workspace()).sendDirect(recipient, message);
    }

    @Override
    public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
        PlatformMessenger m = byPlatform.get(recipient.workspace().platform());
        if (m == null) {
            return new Delivery.Failed(true, "not connected to " + recipient.workspace().platform());
        }
        return m.deliver(recipient, message, idempotencyKey);
    }

    @Override
    public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
        return of(recipient.workspace()).alreadyDelivered(recipient, idempotencyKey);
    }

    @Override
    public void publishHome(Person person, Message page) {
        of(person.workspace()).publishHome(person, page);
    }

    @Override
    public void postToChannel(Workspace workspace, String channel, Message message) {
        of(workspace).postToChannel(workspace, channel, message);
    }

    @Override
    public void sendFile(Person recipient, String filename, String content, Message comment) {
        of(recipient.workspace()).sendFile(recipient, filename, content, comment);
    }
}
