/** Events: direct messages, the App Home, uninstalls. */
package dev.kept.slack.listeners.events;
