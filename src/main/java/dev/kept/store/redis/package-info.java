/**
 * The Redis adapter for every store port: promises and their history, the nudge queue, profiles, pending
 * questions, settings, forget-me and the hosted chat of the playground. Key names live in {@code Keys} and
 * {@code NudgeKeys}; every Lua script is a resource under {@code lua/} and receives all its keys in KEYS.
 */
package dev.kept.store.redis;
