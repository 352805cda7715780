package io.kondo.bench;

import io.kondo.core.policy.TopicPolicy;
import java.util.ArrayList;
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

    /** The settings named in {@code names} (comma-separated, e.g. {@code rf3,rf1}), in that order. */
    static List<BenchSetting> named(String names) {
        List<BenchSetting> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(all().stream().filter(s -> s.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown setting '" + name.trim() + "'; known: rf3, rf1")));
        }
        return List.copyOf(chosen);
    }

    /** The gateway's policy for this setting, so tenants' topics get exactly this replication. */
    TopicPolicy topicPolicy() {
        return new TopicPolicy(PARTITIONS, replicationFactor, minInSyncReplicas);
    }

    String label() {
        return "RF " + replicationFactor + ", acks=" + acks;
    }
}
