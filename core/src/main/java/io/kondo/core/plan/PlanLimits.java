package io.kondo.core.plan;

/**
 * What a plan allows one logical cluster. All rates are tenant-wide (shared by all its connections).
 *
 * <p>Storage counts every replica's log on the backing cluster (leader and followers alike), so a
 * topic with replication factor 3 uses three times its data. At 80% of the quota in force the
 * tenant is warned, or, when {@code storageAutoExpand} is set, the quota grows in steps up to
 * {@code storageHardCapBytes}; past the hard cap the tenant's produce is slowed to a trickle,
 * never refused.
 *
 * @param produceBytesPerSecond       produce bandwidth
 * @param consumeBytesPerSecond       fetch bandwidth
 * @param storageBytes                retained bytes on the backing cluster, all replicas counted: the
 *                                    storage quota the plan includes
 * @param maxPartitions               partitions across all the tenant's topics
 * @param maxConnections              open connections at once
 * @param connectionAttemptsPerSecond new connections per second
 * @param requestTimePercent          share of one gateway thread's time spent on the tenant's requests
 * @param partitionMutationsPerSecond partitions created or deleted per second (KIP-599)
 * @param maxMessageBytes             largest record batch a producer may send
 * @param storageHardCapBytes         past this much storage, produce trickles; at least {@code storageBytes}
 * @param storageAutoExpand           whether the storage quota grows with use up to the hard cap
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
        int maxMessageBytes,
        long storageHardCapBytes,
        boolean storageAutoExpand) {

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
        if (storageHardCapBytes < storageBytes) {
            throw new IllegalArgumentException("storage_hard_cap_bytes must be at least storage_bytes (" + storageBytes
                    + "), got " + storageHardCapBytes);
        }
    }

    /** Limits whose storage quota is fixed: no auto-expansion, the hard cap is the quota itself. */
    public PlanLimits(long produceBytesPerSecond, long consumeBytesPerSecond, long storageBytes, int maxPartitions,
                      int maxConnections, int connectionAttemptsPerSecond, double requestTimePercent,
                      int partitionMutationsPerSecond, int maxMessageBytes) {
        this(produceBytesPerSecond, consumeBytesPerSecond, storageBytes, maxPartitions, maxConnections,
                connectionAttemptsPerSecond, requestTimePercent, partitionMutationsPerSecond, maxMessageBytes,
                storageBytes, false);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
