/**
 * Delivering on time: {@code NudgePlanner} (what to send when, in each person's working hours),
 * {@code NudgeDispatcher} (claim, send, settle, under a daily cap), snoozes, job ids ({@code NudgeIds}) and the
 * {@code NudgeQueue} port.
 */
package dev.kept.nudge;
