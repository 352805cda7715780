package io.kondo.gateway.quota;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One tenant's quota figures at one instant, for metrics and the usage API.
 *
 * @param tenantId                    the logical cluster
 * @param limits                      the quotas in force
 * @param produceBytesPerSecond       measured produce rate over the sliding window
 * @param fetchBytesPerSecond         measured fetch rate (responses answered empty because of a
 *                                    throttle are not counted)
 * @param requestTimePercent          measured share of one gateway thread, in percent
 * @param partitionMutationsPerSecond measured partition mutation rate (accepted mutations only)
 * @param partitionMutationTokens     tokens left in the mutation bucket; negative after a large
 *                                    accepted request, and then further mutations are refused
 * @param connectionAttemptsPerSecond measured connection attempt rate
 * @param openConnections             connections open now
 * @param throttleTimeMs              total throttle time asked for by each quota since the tenant
 *                                    was first seen, in milliseconds (each quota's own figure, even
 *                                    when another quota asked for a longer throttle on the same request)
 * @param heldBack                    the quotas that throttled the tenant within the last rate window
 *                                    (counted from the end of the throttle): while so, its measured
 *                                    rate shows what it was allowed, not what it wants
 */
public record QuotaUsage(
        String tenantId,
        QuotaLimits limits,
        double produceBytesPerSecond,
        double fetchBytesPerSecond,
        double requestTimePercent,
        double partitionMutationsPerSecond,
        double partitionMutationTokens,
        double connectionAttemptsPerSecond,
        int openConnections,
        Map<QuotaKind, Long> throttleTimeMs,
        Set<QuotaKind> heldBack) {

    public QuotaUsage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(limits, "limits");
        throttleTimeMs = Map.copyOf(throttleTimeMs);
        heldBack = Set.copyOf(heldBack);
    }

    /** Whether {@code kind} throttled the tenant within the last rate window. */
    public boolean heldBack(QuotaKind kind) {
        return heldBack.contains(kind);
    }

    /** Total throttle time asked for by one quota, in milliseconds. */
    public long throttleTimeMs(QuotaKind kind) {
        return throttleTimeMs.getOrDefault(kind, 0L);
    }
}
