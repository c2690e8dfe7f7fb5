package dev.kept.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: what a chat platform that Kept hosts itself (the local playground) keeps, where Slack would
 * keep it: its people, and each conversation as a list of entries. An entry's body is opaque to the
 * store (the adapter encodes its messages); its id lets one entry be replaced (a clicked message).
 *
 * @throws StoreUnavailableException from any method when the store cannot be reached
 */
public interface HostedChatStore {

    /** A person of the hosted workspace: a fixed id, a name and a time zone that can be edited. */
    record Colleague(String userId, String displayName, String zone) {
    }

    record Entry(String id, String body) {
    }

    /** Everyone in the workspace, ordered by id. */
    List<Colleague> colleagues(Workspace workspace);

    /** Adds the colleague, or changes their name and zone. */
    void saveColleague(Workspace workspace, Colleague colleague);

    /** A conversation's entries, oldest first ({@code conversation} names it, e.g. {@code dm:bob}). */
    List<Entry> conversation(Workspace workspace, String conversation);

    void append(Workspace workspace, String conversation, Entry entry);

    /** Replaces the entry with the same id; false when there is none. */
    boolean replace(Workspace workspace, String conversation, Entry entry);

    /** The earliest due time in the workspace's own nudge queue, or empty when none is queued. */
    Optional<Instant> nextNudge(Workspace workspace);

    /** Deletes every key of the workspace: its people, conversations, promises, nudges, settings… */
    void forgetWorkspace(Workspace workspace);
}
