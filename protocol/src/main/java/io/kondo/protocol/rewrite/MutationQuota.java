package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import java.util.Optional;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;

/**
 * The tenant's partition mutation quota (KIP-599), asked topic by topic in request order as
 * Kafka's controller does: a topic is refused with THROTTLING_QUOTA_EXCEEDED once the quota is
 * exhausted, and the ones before it go ahead. Validate-only requests mutate nothing and are not
 * counted.
 */
final class MutationQuota {

    private MutationQuota() {
    }

    /** Empty when {@code partitions} may be created or deleted now; otherwise the error to answer with. */
    static Optional<ThrottlingQuotaExceededException> take(TenantContext tenant, int partitions) {
        long throttleMs = tenant.tryMutatePartitions(partitions);
        if (throttleMs <= 0) {
            return Optional.empty();
        }
        ThrottlingQuotaExceededException error = new ThrottlingQuotaExceededException((int) throttleMs,
                "the partition mutation rate of " + tenant.limits().partitionMutationsPerSecond()
                        + " per second is exceeded; retry in " + throttleMs + " ms");
        return Optional.of(error);
    }
}
