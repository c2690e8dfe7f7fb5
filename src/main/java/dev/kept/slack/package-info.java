/**
 * The Slack adapter: the HTTP edge ({@code SlackEventsController}: signature over the exact bytes, then
 * {@code SlackShape}), Bolt, rendering to Block Kit ({@code BlockKitRenderer}, {@code SlackResponder}), the Web API
 * with Slack's retry rules ({@code SlackCalls}), and the core's ports for Slack (messenger, directory, text).
 * Registered by {@code SlackPlatform}.
 */
package dev.kept.slack;
