package dev.kept.store.redis;

import dev.kept.chat.Workspace;
import dev.kept.promise.FollowUps;
import dev.kept.promise.HistoryEntry;
import dev.kept.promise.HistoryEntry.Event;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseDraft;
import dev.kept.testing.redis.LocalCluster;
import dev.kept.testing.redis.TestRedis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A master of the Cluster is killed (SIGKILL) under Kept's own connection factory (RedisConfig's, with its
 * topology refresh): its replica takes over, and every promise stored before can be read and new ones
 * made, without a restart. Prints how long Kept could not write. Its own cluster, so the shared one
 * stays whole. Run with -Pfaults.
 */
@Tag("faults")
class ClusterMasterKilledFaultIT {

    @Test
    void aKilledMastersReplicaTakesOverAndKeptGoesOnWithEveryPromise() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        try (LocalCluster cluster = LocalCluster.start()) {
            KeptRedisProperties properties = KeptRedisProperties.defaults().withCluster(cluster.seeds());
            LettuceConnectionFactory factory = RedisConfig.connectionFactory(properties, EmbeddedRedis.none(), null);
            factory.afterPropertiesSet();
            try {
                RedisPromiseStore store = new RedisPromiseStore(TestRedis.template(factory), properties);
                List<Workspace> workspaces = IntStream.range(0, 30).mapToObj(i -> new Workspace("slack", "T" + i)).toList();
                List<Promise> made = new ArrayList<>();
                for (Workspace ws : workspaces) {
                    made.add(create(store, ws, now));
                }
                // every write reached a replica before the kill
                cluster.masterPorts().forEach(p -> cluster.waitForReplicas(p));

                int victim = cluster.masterPorts().get(0);
                long killed = System.nanoTime();
                cluster.kill(victim);

                List<Promise> after = new ArrayList<>();
                await("Kept writes in every workspace again").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                            for (Workspace ws : workspaces.subList(after.size(), workspaces.size())) {
                                after.add(create(store, ws, now));
                            }
                            return after.size() == workspaces.size();
                        });
                Duration pause = Duration.ofNanos(System.nanoTime() - killed);
                System.out.printf("Cluster: master %d killed; Kept wrote in all %d workspaces again after %d ms%n",
                        victim, workspaces.size(), pause.toMillis());
                for (Promise p : made) {
                    assertThat(store.find(p.workspace(), p.id())).as("promise %s made before", p.id()).isPresent();
                }
                assertThat(cluster.masterPorts()).hasSize(3).doesNotContain(victim);
            } finally {
                factory.destroy();
            }
        }
    }

    private static Promise create(RedisPromiseStore store, Workspace ws, Instant now) {
        return store.create(new PromiseDraft(ws, "U1", "U2", "deck", "", now.plusSeconds(3600), now),
                new HistoryEntry(now, "U1", Event.CREATED, ""), p -> FollowUps.Plan.none());
    }
}
