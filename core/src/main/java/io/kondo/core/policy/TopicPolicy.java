package io.kondo.core.policy;

/**
 * How tenants' topics are created on the shared cluster. Tenants cannot lower durability below it.
 *
 * @param defaultPartitions  partitions when the client leaves it to the server
 * @param replicationFactor  the replication factor every tenant topic gets
 * @param minInSyncReplicas  {@code min.insync.replicas} of every tenant topic
 */
public record TopicPolicy(int defaultPartitions, short replicationFactor, int minInSyncReplicas) {

    public TopicPolicy {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("default partitions must be at least 1, got " + defaultPartitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        if (minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor "
                    + replicationFactor + ", got " + minInSyncReplicas);
        }
    }

    /** 8 partitions, replication factor 3, {@code min.insync.replicas=2}. */
    public static TopicPolicy defaults() {
        return new TopicPolicy(8, (short) 3, 2);
    }
}
