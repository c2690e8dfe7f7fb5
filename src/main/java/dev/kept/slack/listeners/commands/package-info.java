/** The {@code /promise} slash command. */
package dev.kept.slack.listeners.commands;
