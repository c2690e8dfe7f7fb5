package dev.kept.testing.core;

import dev.kept.chat.Delivery;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.Messenger;
import dev.kept.chat.Person;
import dev.kept.chat.Workspace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Messenger} that records what Kept sends. Direct messages, deliveries, files (their comment) and
 * home pages all land in {@link #sent}; home pages are also kept in {@link #homes}. Posting to a channel is
 * refused unless the test asked for {@link #acceptingChannelPosts()} (then it lands in {@link #posts}), and
 * files can be refused with {@link #refusingFiles()}, so a test that expects neither fails if Kept does it.
 * Thread-safe.
 */
public final class RecordingMessenger implements Messenger {

    public record Sent(Person to, Message message) {
    }

    public record Posted(Workspace workspace, String channel, Message message) {
    }

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<Message> homes = new CopyOnWriteArrayList<>();
    public final List<Posted> posts = new CopyOnWriteArrayList<>();
    /** Every person is unreachable: direct messages, deliveries, files and homes fail. */
    public volatile boolean failing;
    /** Every channel is unreachable (only with {@link #acceptingChannelPosts()}). */
    public volatile boolean channelFailing;

    private boolean channelPosts;
    private boolean files = true;

    /** Channel posts are recorded in {@link #posts} instead of refused. */
    public RecordingMessenger acceptingChannelPosts() {
        channelPosts = true;
        return this;
    }

    /** A file sent fails the test: nothing here should send one. */
    public RecordingMessenger refusingFiles() {
        files = false;
        return this;
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        if (failing) {
            throw new DeliveryFailedException("not reachable", null);
        }
        sent.add(new Sent(recipient, message));
    }

    @Override
    public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
        sendDirect(recipient, message);
        return new Delivery.Sent();
    }

    @Override
    public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
        return false;
    }

    @Override
    public void publishHome(Person person, Message page) {
        sendDirect(person, page);
        homes.add(page);
    }

    @Override
    public void postToChannel(Workspace workspace, String channel, Message message) {
        if (!channelPosts) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
        if (channelFailing) {
            throw new DeliveryFailedException("channel_not_found", null);
        }
        posts.add(new Posted(workspace, channel, message));
    }

    @Override
    public void sendFile(Person recipient, String filename, String content, Message comment) {
        if (!files) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
        sendDirect(recipient, comment);
    }
}
