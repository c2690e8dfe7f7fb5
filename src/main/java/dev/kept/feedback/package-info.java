/**
 * Explore and service in reverse: what matters to the receiver, their answer when a promise slips, feedback both
 * ways after the rating, and the provider's thanks and reply reaching the receiver.
 */
package dev.kept.feedback;
