package dev.kept.store.redis;

import dev.kept.chat.HostedChatStore.Colleague;
import dev.kept.chat.HostedChatStore.Entry;
import dev.kept.chat.Workspace;
import dev.kept.testing.redis.LocalCluster;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work that spans workspaces, and so slots and masters, on a real Redis Cluster: the keyspace SCAN
 * behind forgetting a hosted workspace, and the pipelined reads of the nudge registry.
 */
class ClusterWideWorkTest {

    static final String PREFIX = "kept-test:";
    final KeptRedisProperties properties = KeptRedisProperties.defaults().withKeyPrefix(PREFIX);
    final StringRedisTemplate redis = LocalCluster.shared().template();

    @BeforeEach
    void clean() {
        LocalCluster.shared().flushAll();
    }

    @Test
    void forgettingAHostedWorkspaceDeletesItsKeysWhereverTheyLiveAndNoOtherWorkspaces() {
        RedisHostedChatStore store = new RedisHostedChatStore(redis, properties);
        // forty workspaces hash to slots spread over all three masters
        List<Workspace> workspaces = IntStream.range(0, 40).mapToObj(i -> new Workspace("playground", "w" + i)).toList();
        for (Workspace ws : workspaces) {
            store.saveColleague(ws, new Colleague("alice", "Alice", "Europe/Berlin"));
            for (int c = 0; c < 30; c++) {
                store.append(ws, "dm:" + c, new Entry("e" + c, "hello"));
            }
        }
        assertThat(LocalCluster.shared().masterPorts()).hasSize(3);
        Workspace gone = workspaces.get(7);
        int before = TestRedis.snapshot(redis).size();

        store.forgetWorkspace(gone);

        assertThat(TestRedis.snapshot(redis).keySet()).noneMatch(k -> k.contains("{playground:w7}"))
                .hasSize(before - 31);
        assertThat(store.colleagues(workspaces.get(8))).hasSize(1);
    }

    @Test
    void theNudgeRegistryReadsEveryWorkspaceAcrossSlots() {
        NudgeWorkspaces registry = new NudgeWorkspaces(redis, new Keys(PREFIX));
        List<Workspace> workspaces = IntStream.range(0, 30).mapToObj(i -> new Workspace("slack", "T" + i)).toList();
        workspaces.forEach(registry::register);
        registry.pause(workspaces.get(3), "token revoked");
        assertThat(registry.polled()).hasSize(29).doesNotContain(workspaces.get(3));
        assertThat(registry.paused()).containsOnlyKeys(workspaces.get(3));
        assertThat(registry.queued(workspaces.get(5))).isZero();
    }
}
