package dev.kept.playground;

import dev.kept.chat.HostedChatStore;
import dev.kept.chat.HostedChatStore.Entry;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Each colleague's conversation with Kept, stored as JSON items; every change is pushed to their open pages. */
@Component
class Conversations {

    record Shown(String id, Item item) {
    }

    private final HostedChatStore store;
    private final PlaygroundEvents events;

    Conversations(HostedChatStore store, PlaygroundEvents events) {
        this.store = store;
        this.events = events;
    }

    /** The simulated team channel, where colleagues talk and promises can be made from what they say. */
    static final String TEAM = "channel:team";

    static String dm(String userId) {
        return "dm:" + userId;
    }

    List<Shown> of(String conversation) {
        List<Shown> out = new ArrayList<>();
        for (Entry e : store.conversation(Colleagues.WORKSPACE, conversation)) {
            out.add(new Shown(e.id(), ItemCodec.read(e.body())));
        }
        return out;
    }

    Optional<Shown> find(String conversation, String id) {
        return of(conversation).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    String add(String userId, Item item) {
        String id = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        store.append(Colleagues.WORKSPACE, dm(userId), new Entry(id, ItemCodec.write(item)));
        events.conversationChanged(userId);
        return id;
    }

    boolean replace(String userId, String id, Item item) {
        boolean done = store.replace(Colleagues.WORKSPACE, dm(userId), new Entry(id, ItemCodec.write(item)));
        events.conversationChanged(userId);
        return done;
    }

    /** Conversations that are not one person's DMs: a home page ({@code home:bob}) or a channel. */
    void put(String conversation, Item item, String notify) {
        Entry entry = new Entry("only", ItemCodec.write(item));
        if (!store.replace(Colleagues.WORKSPACE, conversation, entry)) {
            store.append(Colleagues.WORKSPACE, conversation, entry);
        }
        if (notify != null) {
            events.conversationChanged(notify);
        }
    }

    void append(String conversation, Item item) {
        store.append(Colleagues.WORKSPACE, conversation,
                new Entry(UUID.randomUUID().toString().substring(0, 8), ItemCodec.write(item)));
        events.everyone("conversation");
    }
}
