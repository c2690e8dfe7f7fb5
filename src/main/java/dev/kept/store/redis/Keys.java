package dev.kept.store.redis;

import dev.kept.chat.Person;
import dev.kept.chat.Workspace;
import dev.kept.promise.PromiseId;
import dev.kept.promise.Side;

/**
 * Every Redis key Kept uses, in one place. All keys of one workspace share the hash tag
 * {@code {platform:workspace}}, so a script touching several of them stays in one Redis Cluster slot:
 * <pre>
 * kept:{slack:T123}:promise:K7Q2           hash: the promise
 * kept:{slack:T123}:history:K7Q2           list: its history, oldest first
 * kept:{slack:T123}:made:open:U111         sorted set of ids, scored by due epoch millis
 * kept:{slack:T123}:made:closed:U111       (and received:open / received:closed)
 * kept:{slack:T123}:touched                sorted set of every promise id, scored by its last change (epoch ms)
 * kept:{slack:T123}:due                    sorted set of every promise id, scored by its current due time (epoch ms)
 * kept:{slack:T123}:profile:U111           hash: a cached profile, with a TTL
 * kept:{slack:T123}:asking:U111            string with a TTL: the question Kept is waiting for U111 to answer
 * kept:{slack:T123}:settings:U111          hash: U111's own settings
 * kept:{slack:T123}:nudge:…               the nudge queue: see {@link NudgeKeys}
 * kept:{teams:T1}:state:U111              hash: what an adapter keeps about U111 (Teams: how to reach them)
 * kept:{teams:T1}:short:U111:card:C9       string with a TTL: a record an adapter keeps a while (a card Kept sent)
 * kept:{teams:T1}:state                    hash: what an adapter keeps about the workspace
 * kept:{teams:T1}:names                    hash: user id to display name, for people an adapter has heard from
 * kept:{playground:local}:people          hash: the hosted workspace's people, user id → "name\nzone"
 * kept:{playground:local}:chat:dm:bob      list: a hosted conversation, "entry id\nbody", oldest first
 * kept:workspaces                          set of workspace tags in which a promise was ever made (no hash tag: read
 *                                          alone; the weekly digest goes through it)
 * kept:once:&lt;key&gt;                          string with a TTL: {@link RedisOnce}'s "first caller wins" marker
 * </pre>
 * These are the only places key names are spelled; the Lua scripts (resources under
 * {@code dev/kept/store/redis/lua/}) get every key they touch from these methods, through KEYS.
 */
final class Keys {

    private final String prefix;

    Keys(String prefix) {
        this.prefix = prefix;
    }

    /** The part every key of a workspace starts with, e.g. {@code kept:{slack:T123}:}. */
    String workspace(Workspace workspace) {
        return prefix + "{" + workspace.key() + "}:";
    }

    String promise(Workspace workspace, PromiseId id) {
        return promise(workspace, id.value());
    }

    /** The same, for an id read back from Redis (which may not be a well-formed one). */
    String promise(Workspace workspace, String id) {
        return workspace(workspace) + "promise:" + id;
    }

    String history(Workspace workspace, PromiseId id) {
        return workspace(workspace) + "history:" + id.value();
    }

    String touched(Workspace workspace) {
        return workspace(workspace) + "touched";
    }

    String due(Workspace workspace) {
        return workspace(workspace) + "due";
    }

    String workspaces() {
        return prefix + "workspaces";
    }

    String asking(Person person) {
        return workspace(person.workspace()) + "asking:" + person.userId();
    }

    String settings(Person person) {
        return workspace(person.workspace()) + "settings:" + person.userId();
    }

    String open(Person person, Side side) {
        return index(person, side, "open");
    }

    String closed(Person person, Side side) {
        return index(person, side, "closed");
    }

    /** The nudge queue's keys in {@code workspace}. */
    NudgeKeys nudges(Workspace workspace) {
        return new NudgeKeys(workspace(workspace));
    }

    String nudgeWorkspaces() {
        return NudgeKeys.workspaces(prefix);
    }

    String nudgePaused() {
        return NudgeKeys.paused(prefix);
    }

    /** The hosted workspace's people. */
    String people(Workspace workspace) {
        return workspace(workspace) + "people";
    }

    /** A hosted conversation. */
    String chat(Workspace workspace, String conversation) {
        return workspace(workspace) + "chat:" + conversation;
    }

    /** {@link RedisOnce}'s marker for {@code key}. */
    String once(String key) {
        return prefix + "once:" + key;
    }

    String profile(Person person) {
        return workspace(person.workspace()) + "profile:" + person.userId();
    }

    String state(Person person) {
        return workspace(person.workspace()) + "state:" + person.userId();
    }

    String shortLived(Person person, String name) {
        return shortLived(person) + name;
    }

    /** The part every short-lived record of a person starts with, e.g. {@code kept:{teams:T1}:short:U111:}. */
    String shortLived(Person person) {
        return workspace(person.workspace()) + "short:" + person.userId() + ":";
    }

    String state(Workspace workspace) {
        return workspace(workspace) + "state";
    }

    String names(Workspace workspace) {
        return workspace(workspace) + "names";
    }

    private String index(Person person, Side side, String state) {
        String sideName = side == Side.MADE ? "made" : "received";
        return workspace(person.workspace()) + sideName + ":" + state + ":" + person.userId();
    }
}
