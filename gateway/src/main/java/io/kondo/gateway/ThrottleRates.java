package io.kondo.gateway;

import io.kondo.gateway.quota.QuotaUsage;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttle time handed to each tenant's clients per second, from the running totals of its quotas
 * at each quota step; tenants no longer tracked are dropped. Updated by the quota loop, read by any.
 */
final class ThrottleRates {

    private record Point(long atMs, long totalMs) {
    }

    private final Map<String, Point> last = new HashMap<>();
    private final Map<String, Double> perSecond = new ConcurrentHashMap<>();

    void update(long nowMs, Collection<QuotaUsage> usages) {
        Map<String, Point> seen = new HashMap<>();
        for (QuotaUsage usage : usages) {
            long total = usage.throttleTimeMs().values().stream().mapToLong(Long::longValue).sum();
            Point previous = last.get(usage.tenantId());
            if (previous != null && nowMs > previous.atMs()) {
                perSecond.put(usage.tenantId(), (total - previous.totalMs()) * 1000.0 / (nowMs - previous.atMs()));
            }
            seen.put(usage.tenantId(), new Point(nowMs, total));
        }
        last.keySet().retainAll(seen.keySet());
        last.putAll(seen);
        perSecond.keySet().retainAll(seen.keySet());
    }

    double perSecond(String tenantId) {
        return perSecond.getOrDefault(tenantId, 0.0);
    }
}
