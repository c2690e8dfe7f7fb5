/**
 * The one way in for every platform: {@code Inbox} routes what someone typed, wrote, clicked or submitted to the
 * feature that owns it, answers failures and unknown ids politely, and runs the work after the platform's ack
 * with one busy answer. Adapters translate to and from it.
 */
package dev.kept.inbox;
