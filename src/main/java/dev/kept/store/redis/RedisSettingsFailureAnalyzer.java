package dev.kept.store.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns Redis settings that contradict each other into a short, exact message at start-up. */
class RedisSettingsFailureAnalyzer extends AbstractFailureAnalyzer<KeptRedisProperties.RedisSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeptRedisProperties.RedisSettingsException cause) {
        String description = "Kept can't tell which Redis to use:\n  - " + String.join("\n  - ", cause.problems());
        String action = "Name one Redis: REDIS_URL for one server, KEPT_REDIS_CLUSTER_NODES for a Redis Cluster, or "
                + "KEPT_REDIS_SENTINEL_MASTER with KEPT_REDIS_SENTINEL_NODES for Sentinel (none of them: Kept runs "
                + "its own). docs/operations.md lists the settings.";
        return new FailureAnalysis(description, action, cause);
    }
}
