package dev.kept.chat;

import java.time.ZoneId;

/**
 * What the chat platform tells Kept about a person.
 *
 * @param bot    true for bots and apps, who cannot keep or receive promises
 * @param active false for deactivated accounts
 */
public record Profile(Person person, String displayName, ZoneId zone, boolean bot, boolean active) {
}
