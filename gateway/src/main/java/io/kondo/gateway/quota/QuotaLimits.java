package io.kondo.gateway.quota;

import io.kondo.core.plan.PlanLimits;
import java.util.OptionalLong;

/**
 * What one tenant may use, as measured by {@link TenantQuotas}. All rates are tenant-wide: every
 * connection of the tenant counts against the same figures. These are the limits this gateway
 * enforces, which may be less than the plan's: a fair-share tuner or a per-gateway share (when
 * several gateways serve one tenant) hands each gateway its part.
 *
 * @param produceBytesPerSecond       produce request bytes per second
 * @param fetchBytesPerSecond         fetch response bytes per second
 * @param requestTimePercent          share of one gateway thread's time spent on the tenant's
 *                                    requests, in percent; more than 100 gives more than one thread
 * @param partitionMutationsPerSecond partitions created or deleted per second (KIP-599); the
 *                                    bucket holds {@code samples × window} seconds of it
 * @param maxConnections              open connections at once
 * @param connectionAttemptsPerSecond new connections per second (over-rate attempts are delayed, not refused)
 * @param produceCapBytesPerSecond    an additional bound on produce, such as a storage trickle when
 *                                    the tenant is near its storage limit; the lower of the two applies.
 *                                    It slows producers, it does not stop them: refusing produce when
 *                                    storage is full is not a quota's job
 */
public record QuotaLimits(
        long produceBytesPerSecond,
        long fetchBytesPerSecond,
        double requestTimePercent,
        int partitionMutationsPerSecond,
        int maxConnections,
        int connectionAttemptsPerSecond,
        OptionalLong produceCapBytesPerSecond) {

    public QuotaLimits {
        positive("produce bytes per second", produceBytesPerSecond);
        positive("fetch bytes per second", fetchBytesPerSecond);
        if (!(requestTimePercent > 0) || Double.isInfinite(requestTimePercent)) {
            throw new IllegalArgumentException("request time percent must be positive and finite, got " + requestTimePercent);
        }
        positive("partition mutations per second", partitionMutationsPerSecond);
        positive("max connections", maxConnections);
        positive("connection attempts per second", connectionAttemptsPerSecond);
        if (produceCapBytesPerSecond == null) {
            throw new IllegalArgumentException("produce cap must be given (OptionalLong.empty() for none)");
        }
        produceCapBytesPerSecond.ifPresent(cap -> positive("produce cap bytes per second", cap));
    }

    /** The plan's limits, taken whole (no produce cap). */
    public static QuotaLimits of(PlanLimits plan) {
        return new QuotaLimits(plan.produceBytesPerSecond(), plan.consumeBytesPerSecond(), plan.requestTimePercent(),
                plan.partitionMutationsPerSecond(), plan.maxConnections(), plan.connectionAttemptsPerSecond(),
                OptionalLong.empty());
    }

    /** These limits with produce further capped at {@code bytesPerSecond}. */
    public QuotaLimits withProduceCap(long bytesPerSecond) {
        return new QuotaLimits(produceBytesPerSecond, fetchBytesPerSecond, requestTimePercent,
                partitionMutationsPerSecond, maxConnections, connectionAttemptsPerSecond, OptionalLong.of(bytesPerSecond));
    }

    /** These limits without a produce cap. */
    public QuotaLimits withoutProduceCap() {
        return new QuotaLimits(produceBytesPerSecond, fetchBytesPerSecond, requestTimePercent,
                partitionMutationsPerSecond, maxConnections, connectionAttemptsPerSecond, OptionalLong.empty());
    }

    /** The produce rate enforced: the produce quota, or the cap when that is lower. */
    public long effectiveProduceBytesPerSecond() {
        return Math.min(produceBytesPerSecond, produceCapBytesPerSecond.orElse(Long.MAX_VALUE));
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
