package dev.kept.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Port: small records a platform adapter keeps in Kept's store where the platform keeps nothing for it
 * (Teams: how to reach each person proactively, the cards Kept sent them). Records about a person are
 * keyed by that person, so "forget me" erases them with the rest of what is theirs.
 *
 * @throws StoreUnavailableException from any method when the store cannot be reached
 */
public interface AdapterState {

    /** A lasting record about {@code person} (e.g. {@code address}); empty when there is none. */
    Optional<String> get(Person person, String field);

    void put(Person person, String field, String value);

    /** A record that lasts {@code timeToLive} (e.g. a card Kept sent, so its buttons can be checked). */
    void putFor(Person person, String name, String value, Duration timeToLive);

    /** The short-lived record, if it has not expired. */
    Optional<String> getShortLived(Person person, String name);

    /** Removes a short-lived record; true when there was one (so only one caller can act on it). */
    boolean removeShortLived(Person person, String name);

    /** A lasting record about the whole workspace (e.g. the address its platform answers at). */
    Optional<String> get(Workspace workspace, String field);

    void put(Workspace workspace, String field, String value);

    /** Remembers {@code person}'s display name, so typed text can name them ({@code @alice}). */
    void putName(Person person, String displayName);

    /** Everyone whose name is known in {@code workspace}: user id to display name. */
    Map<String, String> names(Workspace workspace);
}
