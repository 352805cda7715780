package io.kondo.core.quota;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Splits one tenant's quota among the gateway instances that serve it, by the demand each
 * reports, so that together they enforce the tenant-wide quota without asking each other per
 * request.
 *
 * <p>The rule: of the instances whose latest report is fresh (not older than
 * {@code stalenessMs}), each gets a floor of {@code floorFraction} × quota / n (rounded down);
 * the rest of the quota is shared in proportion to the reported demand, share_i ∝ demand_i /
 * Σ demand, or equally when no instance reports any demand. The shares add up to the quota exactly
 * (cumulative rounding to whole units).
 *
 * <p>Why a floor: a split by demand alone gives an instance that is idle now a share of zero,
 * and a client that connects to it next would be throttled to nothing until the next report.
 * The floor lets it admit the newcomer at a small rate, whose demand then shows in the next
 * split. Why ignore stale reports: an instance that stopped reporting has most likely stopped
 * serving (crashed, drained, partitioned); keeping its share would strand part of the quota.
 * The instances left out get no share here; one that is alive but cut off cannot learn this
 * split anyway and keeps its last one. Reports carry the reporting instance's clock, so the
 * staleness window should be several report intervals wide to absorb clock skew.
 *
 * @param stalenessMs   a report older than this at {@code nowMs} is ignored
 * @param floorFraction the part of the quota reserved as equal floors, in [0, 1]; e.g. 0.1
 */
public record QuotaSplit(long stalenessMs, double floorFraction) {

    /**
     * What one instance last reported for the tenant.
     *
     * @param instanceId   the gateway instance
     * @param demand       the tenant's traffic seen there, per second (same unit as the quota)
     * @param reportedAtMs when it was measured
     */
    public record InstanceDemand(String instanceId, double demand, long reportedAtMs) {
        public InstanceDemand {
            Objects.requireNonNull(instanceId, "instanceId");
            if (!(demand >= 0) || Double.isInfinite(demand)) {
                throw new IllegalArgumentException("demand must be non-negative and finite, got " + demand);
            }
        }
    }

    public QuotaSplit {
        if (stalenessMs < 0) {
            throw new IllegalArgumentException("staleness must not be negative, got " + stalenessMs);
        }
        if (!(floorFraction >= 0 && floorFraction <= 1)) {
            throw new IllegalArgumentException("floor fraction must be in [0, 1], got " + floorFraction);
        }
    }

    /**
     * The share of {@code tenantQuota} for each instance with a fresh report, by instance id in
     * ascending order; empty when none is fresh.
     */
    public Map<String, Long> shares(long tenantQuota, Collection<InstanceDemand> reports, long nowMs) {
        if (tenantQuota < 0) {
            throw new IllegalArgumentException("quota must not be negative, got " + tenantQuota);
        }
        List<InstanceDemand> fresh = fresh(reports, nowMs);
        if (fresh.isEmpty()) {
            return Map.of();
        }
        long floor = (long) Math.floor(floorFraction * tenantQuota / fresh.size());
        long byDemand = tenantQuota - floor * fresh.size();
        return split(fresh, floor, byDemand);
    }

    private List<InstanceDemand> fresh(Collection<InstanceDemand> reports, long nowMs) {
        Set<String> seen = new HashSet<>();
        List<InstanceDemand> fresh = new ArrayList<>();
        for (InstanceDemand report : reports) {
            if (!seen.add(report.instanceId())) {
                throw new IllegalArgumentException("instance '" + report.instanceId() + "' reported twice");
            }
            if (nowMs - report.reportedAtMs() <= stalenessMs) {
                fresh.add(report);
            }
        }
        fresh.sort(Comparator.comparing(InstanceDemand::instanceId));
        return fresh;
    }

    /** Each instance gets the floor plus its part of {@code pool}; rounding the running total keeps the sum exact. */
    private static Map<String, Long> split(List<InstanceDemand> instances, long floor, long pool) {
        double totalDemand = instances.stream().mapToDouble(InstanceDemand::demand).sum();
        boolean equally = totalDemand == 0;
        double totalWeight = equally ? instances.size() : totalDemand;
        Map<String, Long> shares = new LinkedHashMap<>();
        double runningWeight = 0;
        long given = 0;
        for (InstanceDemand instance : instances) {
            runningWeight += equally ? 1 : instance.demand();
            long upTo = Math.min(pool, Math.round(pool * (runningWeight / totalWeight)));
            shares.put(instance.instanceId(), floor + upTo - given);
            given = upTo;
        }
        String last = instances.get(instances.size() - 1).instanceId();
        shares.merge(last, pool - given, Long::sum);
        return Collections.unmodifiableMap(shares);
    }
}
