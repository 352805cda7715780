package io.kondo.bench;

import io.kondo.core.policy.TopicPolicy;
import java.util.List;

/**
 * One durability setting measured on both routes.
 *
 * @param name              short name, used in topic names
 * @param replicationFactor replication factor of the benchmark topics
 * @param minInSyncReplicas {@code min.insync.replicas} of the benchmark topics
 * @param acks              the producers' {@code acks}
 */
record BenchSetting(String name, short replicationFactor, int minInSyncReplicas, String acks) {

    static final int PARTITIONS = 8;

    /** (1) replication factor 3, acks=all; (2) replication factor 1, acks=1. */
    static List<BenchSetting> all() {
        return List.of(new BenchSetting("rf3", (short) 3, 2, "all"), new BenchSetting("rf1", (short) 1, 1, "1"));
    }

    /** The gateway's policy for this setting, so tenants' topics get exactly this replication. */
    TopicPolicy topicPolicy() {
        return new TopicPolicy(PARTITIONS, replicationFactor, minInSyncReplicas);
    }

    String label() {
        return "RF " + replicationFactor + ", acks=" + acks;
    }
}
