/** Button clicks ({@code block_actions}). */
package dev.kept.slack.listeners.actions;
