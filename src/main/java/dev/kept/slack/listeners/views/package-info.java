/** Modal submissions and closings. */
package dev.kept.slack.listeners.views;
