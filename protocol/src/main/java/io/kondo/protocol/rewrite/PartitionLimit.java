package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import org.apache.kafka.common.errors.PolicyViolationException;

/** The plan's limit on partitions across all the tenant's topics, checked before topics or partitions are created. */
final class PartitionLimit {

    private PartitionLimit() {
    }

    /** Refuses adding {@code adding} partitions if the tenant would then have more than its plan allows. */
    static void check(TenantContext tenant, long adding) {
        int limit = tenant.limits().maxPartitions();
        int current = tenant.partitionCount();
        if (adding > 0 && current + adding > limit) {
            throw new PolicyViolationException("adding " + adding + " partitions to the " + current
                    + " the cluster has would exceed the plan's limit of " + limit + " partitions");
        }
    }
}
