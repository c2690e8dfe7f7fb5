/**
 * The core's neutral chat model and its ports: {@code Message}, {@code Markup} and its spans, {@code Form},
 * {@code Outcome} (and the {@code Outcome.Renderer} each adapter implements), {@code Person} and
 * {@code Workspace}; the ports adapters implement ({@code Messenger}, {@code Directory}, {@code PlatformText},
 * {@code ProfileCache}, {@code PendingQuestions}, {@code SettingsStore}, {@code AdapterState}); and the pieces
 * every feature shares: {@code Interactions} (a feature's buttons and forms), {@code Guard}, {@code Refusal},
 * {@code BoundedWork}. Knows no platform and no feature.
 */
package dev.kept.chat;
