package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which workspaces have nudges, for the pollers, and which of them are paused (Kept was uninstalled there):
 * the registry the nudge queue keeps beside each workspace's own queue. The registry and the paused hash are
 * global keys, so they are read in a pipeline of their own, never inside a workspace's script.
 */
final class NudgeWorkspaces {

    private final StringRedisTemplate redis;
    private final Keys keys;

    NudgeWorkspaces(StringRedisTemplate redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * The workspaces with nudges, less the paused ones (their jobs wait untouched); entries that are not
     * workspace keys are ignored.
     */
    List<Workspace> polled() {
        List<Object> sets = RedisFailures.guard("list the workspaces with nudges", () -> Pipelines.run(redis, ops -> {
            ops.opsForSet().members(keys.nudgeWorkspaces());
            ops.opsForHash().keys(keys.nudgePaused());
        }));
        Collection<?> members = sets.size() > 0 && sets.get(0) instanceof Collection<?> c ? c : List.of();
        Collection<?> paused = sets.size() > 1 && sets.get(1) instanceof Collection<?> c ? c : List.of();
        List<Workspace> workspaces = new ArrayList<>(members.size());
        for (Object member : members) {
            if (!paused.contains(member)) {
                workspaceOf(String.valueOf(member)).ifPresent(workspaces::add);
            }
        }
        workspaces.sort(Comparator.comparing(Workspace::key));
        return workspaces;
    }

    private static Optional<Workspace> workspaceOf(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Workspace(key.substring(0, colon), key.substring(colon + 1)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    void pause(Workspace workspace, String reason) {
        RedisFailures.guard("pause the nudges of " + workspace.key(), () -> {
            redis.opsForHash().put(keys.nudgePaused(), workspace.key(), reason);
            return null;
        });
    }

    boolean resume(Workspace workspace) {
        Long removed = RedisFailures.guard("resume the nudges of " + workspace.key(),
                () -> redis.opsForHash().delete(keys.nudgePaused(), workspace.key()));
        return removed != null && removed > 0;
    }

    Map<Workspace, String> paused() {
        Map<Object, Object> entries = RedisFailures.guard("list the paused workspaces",
                () -> redis.opsForHash().entries(keys.nudgePaused()));
        Map<Workspace, String> paused = new java.util.TreeMap<>(Comparator.comparing(Workspace::key));
        entries.forEach((key, reason) -> workspaceOf(String.valueOf(key))
                .ifPresent(ws -> paused.put(ws, String.valueOf(reason))));
        return paused;
    }

    long queued(Workspace workspace) {
        List<Object> sizes = RedisFailures.guard("count the nudges of " + workspace.key(), () -> Pipelines.run(redis, ops -> {
            ops.opsForZSet().zCard(keys.nudges(workspace).due());
            ops.opsForZSet().zCard(keys.nudges(workspace).leased());
        }));
        long total = 0;
        for (Object size : sizes) {
            if (size instanceof Number n) {
                total += n.longValue();
            }
        }
        return total;
    }

    /**
     * Registers the workspace for pollers before its jobs are written (another slot in Cluster, so not
     * in the same script): a job is never queued in a workspace nobody polls. The set is never shrunk,
     * since removing a workspace could race with another instance queueing there.
     */
    void register(Workspace ws) {
        RedisFailures.guard("register workspace " + ws.key() + " for nudges",
                () -> redis.opsForSet().add(keys.nudgeWorkspaces(), ws.key()));
    }
}
