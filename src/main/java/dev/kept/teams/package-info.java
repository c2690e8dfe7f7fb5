/**
 * The Microsoft Teams adapter: the Bot Framework edge ({@code TeamsController}: the token first, then
 * {@code TeamsShape}), Adaptive Cards ({@code AdaptiveCards}, {@code TeamsCards}, {@code CardInput}), the Bot
 * Connector ({@code BotConnector}, {@code AppTokens}), and the core's ports for Teams. Registered by
 * {@code TeamsPlatform}.
 */
package dev.kept.teams;
