/** Bolt listeners, one package per kind of request; each translates a payload into the inbox's terms. */
package dev.kept.slack.listeners;
