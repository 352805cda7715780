package io.kondo.core.quota;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one resource (produce bytes/s on a broker, say) within its limit by lowering the dynamic
 * quotas of the tenants sharing it: the auto-tuned fair share.
 *
 * <p>Why: plan quotas are overcommitted. The tenants placed on a broker together hold plan
 * quotas far above what it can carry, because most use a fraction of their plan most of the
 * time. While their demand fits, every tenant gets its plan quota. When it does not, static
 * quotas would let the heaviest tenants take the broker; this tuner gives each active tenant a
 * share of the limit proportional to its plan, and hands what quiet tenants leave unused to
 * the busy ones.
 *
 * <h2>The rule, at each {@link #step}</h2>
 * <ol>
 * <li><b>Active tenants.</b> A tenant is active from a step where its usage is above
 *     {@code activeThreshold} until {@code activityWindowMs} later. Only active tenants take part;
 *     the others get their plan quota (they use nothing now; if they wake up, the next step
 *     counts them). The window keeps a tenant that sends in bursts from escaping the limit
 *     between its bursts. Tenants not active within the window are forgotten.
 * <li><b>Need.</b> need = min(plan, usage × {@code headroomFactor} + {@code headroomFloor}),
 *     rounded to whole bytes/s. The headroom is what lets growth show: a tenant allowed exactly
 *     its usage could never be seen wanting more. It also tells a throttled tenant (whose usage
 *     equals its quota) from a satisfied one.
 * <li><b>Contention.</b> The limit is contended when the active tenants' needs add up to more
 *     than the limit. Otherwise every tenant gets its plan quota. Counting needs rather than raw
 *     usage is deliberate: throttled tenants' usage adds up to the limit, and comparing that with
 *     the limit would lift the quotas at the next step and throttle again at the one after.
 * <li><b>Water-filling</b> (weighted max-min fairness, weights = plan quotas). The fair share of
 *     a tenant in a pool P shared by a set S is P × plan / Σ<sub>S</sub> plan. A tenant whose need
 *     fits within its fair share is below its share: it gets its need, which comes out of the pool
 *     first, and leaves the set. That raises the others' shares, so the test repeats until no
 *     remaining tenant's need fits; those get their fair share of what is left (rounded down to
 *     whole bytes/s). Done in one pass over the tenants sorted by need / plan, which is the order
 *     in which the repeated rounds would satisfy them.
 * </ol>
 *
 * <p>Guarantees: no dynamic quota exceeds the plan quota (need never does, and a share is only
 * given when it is below the need); when contended the active tenants' quotas add up to at most
 * the limit; a tenant below its share gets headroom above its usage. Inactive tenants are not
 * counted against the limit, so the broker can briefly exceed it when one wakes up.
 *
 * <p>Not thread-safe: one tuning loop drives it.
 */
public final class FairShareTuner {

    /**
     * @param activityWindowMs    a tenant stays active this long after its usage was last above the threshold
     * @param activeThreshold     usage (bytes/s) above which a tenant counts as active
     * @param headroomFactor      need = usage × this + floor; at least 1 (1.1 lets usage grow 10% per step)
     * @param headroomFloor       bytes/s added to every need, so that a quiet tenant can start sending
     */
    public record Settings(long activityWindowMs, double activeThreshold, double headroomFactor, long headroomFloor) {

        /** Five minutes of activity, active above 1 KiB/s, headroom usage × 1.1 + 16 KiB/s. */
        public static final Settings DEFAULTS = new Settings(300_000, 1024, 1.1, 16 * 1024);

        public Settings {
            if (activityWindowMs <= 0) {
                throw new IllegalArgumentException("activity window must be positive, got " + activityWindowMs);
            }
            if (!(activeThreshold >= 0) || !(headroomFactor >= 1) || headroomFloor < 0) {
                throw new IllegalArgumentException("need threshold >= 0, headroom factor >= 1 and floor >= 0, got "
                        + activeThreshold + ", " + headroomFactor + ", " + headroomFloor);
            }
        }
    }

    /**
     * One tenant's standing at a step.
     *
     * @param tenantId  the tenant
     * @param planQuota its plan quota for this resource, bytes/s
     * @param usage     what it used over the last measurement window, bytes/s
     */
    public record TenantUsage(String tenantId, long planQuota, double usage) {
        public TenantUsage {
            Objects.requireNonNull(tenantId, "tenantId");
            if (planQuota <= 0) {
                throw new IllegalArgumentException("plan quota of " + tenantId + " must be positive, got " + planQuota);
            }
            if (!(usage >= 0) || Double.isInfinite(usage)) {
                throw new IllegalArgumentException("usage of " + tenantId + " must be non-negative, got " + usage);
            }
        }
    }

    /**
     * The dynamic quotas decided at a step.
     *
     * @param quotas    bytes/s per tenant, for every tenant of the step
     * @param contended whether the active tenants' needs exceeded the limit (quotas were lowered)
     */
    public record Allocation(Map<String, Long> quotas, boolean contended) {
        public Allocation {
            quotas = Map.copyOf(quotas);
        }

        /** The dynamic quota of {@code tenantId}, which must have been part of the step. */
        public long quotaOf(String tenantId) {
            Long quota = quotas.get(tenantId);
            if (quota == null) {
                throw new IllegalArgumentException("tenant " + tenantId + " was not part of this step");
            }
            return quota;
        }
    }

    /** An active tenant's claim on the pool. */
    private record Claim(String tenantId, long plan, long need) {
        double needPerPlan() {
            return (double) need / plan;
        }
    }

    private final Settings settings;
    private final Map<String, Long> lastActiveAtMs = new HashMap<>();

    public FairShareTuner(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Decides every tenant's dynamic quota at {@code nowMs} under {@code limit} bytes/s. */
    public Allocation step(long nowMs, long limit, Collection<TenantUsage> tenants) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        recordActivity(nowMs, tenants);
        Map<String, Long> quotas = new HashMap<>();
        List<Claim> claims = new ArrayList<>();
        for (TenantUsage tenant : tenants) {
            if (quotas.put(tenant.tenantId(), tenant.planQuota()) != null) {
                throw new IllegalArgumentException("tenant " + tenant.tenantId() + " appears twice");
            }
            if (lastActiveAtMs.containsKey(tenant.tenantId())) {
                claims.add(new Claim(tenant.tenantId(), tenant.planQuota(), need(tenant)));
            }
        }
        long totalNeed = claims.stream().mapToLong(Claim::need).sum();
        if (totalNeed <= limit) {
            return new Allocation(quotas, false);
        }
        quotas.putAll(waterFill(claims, limit));
        return new Allocation(quotas, true);
    }

    /** Tenants remembered as recently active (for tests and metrics). */
    public int trackedTenants() {
        return lastActiveAtMs.size();
    }

    private void recordActivity(long nowMs, Collection<TenantUsage> tenants) {
        for (TenantUsage tenant : tenants) {
            if (tenant.usage() > settings.activeThreshold()) {
                lastActiveAtMs.put(tenant.tenantId(), nowMs);
            }
        }
        lastActiveAtMs.values().removeIf(lastMs -> nowMs - lastMs >= settings.activityWindowMs());
    }

    private long need(TenantUsage tenant) {
        double padded = tenant.usage() * settings.headroomFactor() + settings.headroomFloor();
        return Math.round(Math.min(tenant.planQuota(), padded));
    }

    private static Map<String, Long> waterFill(List<Claim> claims, long limit) {
        claims.sort(Comparator.comparingDouble(Claim::needPerPlan));
        Map<String, Long> quotas = new HashMap<>();
        long pool = limit;
        long weight = claims.stream().mapToLong(Claim::plan).sum();
        int next = 0;
        while (next < claims.size() && fitsFairShare(claims.get(next), pool, weight)) {
            Claim below = claims.get(next++);
            quotas.put(below.tenantId(), below.need());
            pool -= below.need();
            weight -= below.plan();
        }
        long left = pool;
        for (Claim above : claims.subList(next, claims.size())) {
            long fairShare = (long) Math.floor((double) pool * above.plan() / weight);
            long share = Math.min(left, Math.min(above.need(), fairShare));
            quotas.put(above.tenantId(), share);
            left -= share;
        }
        return quotas;
    }

    private static boolean fitsFairShare(Claim claim, long pool, long weight) {
        return (double) claim.need() * weight <= (double) pool * claim.plan();
    }
}
