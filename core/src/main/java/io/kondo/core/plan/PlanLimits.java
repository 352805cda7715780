package io.kondo.core.plan;

/**
 * What a plan allows one logical cluster. All rates are tenant-wide (shared by all its connections).
 *
 * @param produceBytesPerSecond       produce bandwidth
 * @param consumeBytesPerSecond       fetch bandwidth
 * @param storageBytes                retained bytes on the backing cluster, all replicas counted
 * @param maxPartitions               partitions across all the tenant's topics
 * @param maxConnections              open connections at once
 * @param connectionAttemptsPerSecond new connections per second
 * @param requestTimePercent          share of one gateway thread's time spent on the tenant's requests
 * @param partitionMutationsPerSecond partitions created or deleted per second (KIP-599)
 * @param maxMessageBytes             largest record batch a producer may send
 */
public record PlanLimits(
        long produceBytesPerSecond,
        long consumeBytesPerSecond,
        long storageBytes,
        int maxPartitions,
        int maxConnections,
        int connectionAttemptsPerSecond,
        double requestTimePercent,
        int partitionMutationsPerSecond,
        int maxMessageBytes) {

    public PlanLimits {
        positive("produce_bytes_per_second", produceBytesPerSecond);
        positive("consume_bytes_per_second", consumeBytesPerSecond);
        positive("storage_bytes", storageBytes);
        positive("max_partitions", maxPartitions);
        positive("max_connections", maxConnections);
        positive("connection_attempts_per_second", connectionAttemptsPerSecond);
        if (!(requestTimePercent > 0 && requestTimePercent <= 100)) {
            throw new IllegalArgumentException("request_time_percent must be in (0, 100], got " + requestTimePercent);
        }
        positive("partition_mutations_per_second", partitionMutationsPerSecond);
        positive("max_message_bytes", maxMessageBytes);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
