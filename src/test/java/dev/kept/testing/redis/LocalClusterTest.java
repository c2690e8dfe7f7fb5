package dev.kept.testing.redis;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Cluster is what it says (3 masters, 3 replicas, all slots covered), both ways of making it
 * work, and what Kept leans on from Spring Data Redis's Lettuce cluster connection holds on it: a pipeline
 * whose commands go to different slots, and a SCAN that visits every master.
 */
class LocalClusterTest {

    @Test
    void theSharedClusterHasThreeMastersWithAReplicaEach() {
        LocalCluster cluster = LocalCluster.shared();
        System.out.printf("LocalCluster: started in %d ms with %s from %s%n", cluster.startTime().toMillis(),
                cluster.createdWith(), LocalCluster.binary());
        assertThat(cluster.masterPorts()).hasSize(3);
        Iterable<RedisClusterNode> nodes = cluster.template().getConnectionFactory().getClusterConnection().clusterGetNodes();
        List<RedisClusterNode> all = new ArrayList<>();
        nodes.forEach(all::add);
        assertThat(all).hasSize(6);
        assertThat(all.stream().filter(RedisClusterNode::isReplica)).hasSize(3);
        assertThat(cluster.seeds().split(",")).allSatisfy(a -> assertThat(Integer.parseInt(a.split(":")[1]))
                .isLessThanOrEqualTo(RedisBinaries.HIGHEST_PORT));
    }

    @Test
    void aPipelineAcrossSlotsAnswersEveryCommandInOrder() {
        StringRedisTemplate redis = LocalCluster.shared().template();
        LocalCluster.shared().flushAll();
        for (int i = 0; i < 50; i++) {
            redis.opsForValue().set("kept-test:{ws" + i + "}:k", "v" + i);
        }
        List<Object> answers = redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (int i = 0; i < 50; i++) {
                    ops.opsForValue().get("kept-test:{ws" + i + "}:k");
                }
                return null;
            }
        });
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("v" + i);
        }
        assertThat(answers).isEqualTo(expected);
    }

    @Test
    void aScanVisitsTheKeysOfEveryMaster() {
        StringRedisTemplate redis = LocalCluster.shared().template();
        LocalCluster.shared().flushAll();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String key = "kept-test:{ws" + i + "}:k";
            redis.opsForValue().set(key, "v");
            written.add(key);
        }
        Set<String> seen = new HashSet<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("kept-test:*").count(20).build())) {
            cursor.forEachRemaining(seen::add);
        }
        assertThat(seen).isEqualTo(written);
    }

    @Test
    void withoutRedisCliTheClusterIsMadeWithClusterCommands() {
        try (LocalCluster byHand = LocalCluster.start(false)) {
            System.out.printf("LocalCluster by CLUSTER commands: started in %d ms%n", byHand.startTime().toMillis());
            assertThat(byHand.createdWith()).isEqualTo("commands");
            assertThat(byHand.masterPorts()).hasSize(3);
            byHand.template().opsForValue().set("kept-test:{a}:x", "1");
            byHand.template().opsForValue().set("kept-test:{b}:x", "2");
            assertThat(byHand.template().opsForValue().get("kept-test:{b}:x")).isEqualTo("2");
        }
    }
}
