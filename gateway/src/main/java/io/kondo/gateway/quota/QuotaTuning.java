package io.kondo.gateway.quota;

import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.FairShareTuner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Puts each tenant's quotas in force at every step: the plan's limits (read live, so a plan change
 * applies within a step), lowered by the fair-share tuner while the tenants' demand exceeds the
 * cluster's capacity, capped by storage (a trickle past the hard cap), and cut to this instance's
 * share when other gateway instances serve the tenant too. While the backing brokers fall behind,
 * the overload governor's factor lowers every tenant's request time quota, so requests are
 * throttled at the edge rather than left to time out in the brokers' queues.
 *
 * <p>The tuner sees what each tenant uses through every instance, so all instances reach the same
 * dynamic quota; each then enforces its share of it.
 *
 * <p>Steps run on one thread; {@link #capProduce} and {@link #dynamicQuota} may be called from any.
 */
public final class QuotaTuning {

    /** A tenant's quotas after the tuner, before this instance's share: what the tenant as a whole may use. */
    public record DynamicQuota(long produceBytesPerSecond, long fetchBytesPerSecond) {
    }

    /** However loaded the brokers, a tenant keeps this part of its plan's request time. */
    private static final double MIN_REQUEST_TIME_FACTOR = 0.05;

    private final TenantQuotaRegistry registry;
    private final Function<String, Optional<PlanLimits>> plans;
    private final FairShareTuner produceTuner;
    private final FairShareTuner fetchTuner;
    private final Map<String, Long> produceCaps = new ConcurrentHashMap<>();
    private final Map<String, DynamicQuota> dynamic = new ConcurrentHashMap<>();

    /**
     * @param plans the plan limits of a tenant now; empty once the tenant is gone (its quotas are
     *              then left as they are until its connections close)
     */
    public QuotaTuning(TenantQuotaRegistry registry, Function<String, Optional<PlanLimits>> plans,
                       FairShareTuner.Settings tuning) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.produceTuner = new FairShareTuner(tuning);
        this.fetchTuner = new FairShareTuner(tuning);
    }

    /** Caps the tenant's produce at {@code bytesPerSecond} (a storage trickle), or lifts the cap. */
    public void capProduce(String tenantId, OptionalLong bytesPerSecond) {
        if (bytesPerSecond.isPresent()) {
            produceCaps.put(tenantId, bytesPerSecond.getAsLong());
        } else {
            produceCaps.remove(tenantId);
        }
    }

    /** The tenant's quotas after the last step's tuning, if it has connections here. */
    public Optional<DynamicQuota> dynamicQuota(String tenantId) {
        return Optional.ofNullable(dynamic.get(tenantId));
    }

    /**
     * One step: tune and put every known tenant's limits in force.
     *
     * @param produceLimit          what all tenants together may produce, bytes/s
     * @param fetchLimit            what all tenants together may fetch, bytes/s
     * @param requestTimeFactor     the part of their plans' request time tenants get now, in (0, 1]:
     *                              below 1 while the overload governor holds back requests
     */
    public void step(long nowMs, long produceLimit, long fetchLimit, double requestTimeFactor, GatewayPeers peers) {
        List<FairShareTuner.TenantUsage> produce = new ArrayList<>();
        List<FairShareTuner.TenantUsage> fetch = new ArrayList<>();
        List<TenantQuotas> tenants = new ArrayList<>();
        for (TenantQuotas quotas : registry.tenants()) {
            Optional<PlanLimits> plan = plans.apply(quotas.tenantId());
            if (plan.isEmpty()) {
                continue;
            }
            QuotaUsage usage = quotas.usage(nowMs);
            String id = quotas.tenantId();
            produce.add(new FairShareTuner.TenantUsage(id, plan.get().produceBytesPerSecond(), demand(
                    usage.produceBytesPerSecond() + peers.peersProduceBytesPerSecond(id),
                    usage.heldBack(QuotaKind.PRODUCE), plan.get().produceBytesPerSecond())));
            fetch.add(new FairShareTuner.TenantUsage(id, plan.get().consumeBytesPerSecond(), demand(
                    usage.fetchBytesPerSecond() + peers.peersFetchBytesPerSecond(id),
                    usage.heldBack(QuotaKind.FETCH), plan.get().consumeBytesPerSecond())));
            tenants.add(quotas);
        }
        FairShareTuner.Allocation produceQuotas = produceTuner.step(nowMs, produceLimit, produce);
        FairShareTuner.Allocation fetchQuotas = fetchTuner.step(nowMs, fetchLimit, fetch);
        dynamic.keySet().retainAll(produceQuotas.quotas().keySet());
        for (TenantQuotas quotas : tenants) {
            String id = quotas.tenantId();
            DynamicQuota tuned = new DynamicQuota(produceQuotas.quotaOf(id), fetchQuotas.quotaOf(id));
            dynamic.put(id, tuned);
            quotas.update(limits(plans.apply(id).orElseThrow(), tuned, peers.shareOf(id), produceCaps.get(id), requestTimeFactor));
        }
    }

    /**
     * What the tuner is told a tenant uses. A tenant held back by a throttle within the last rate
     * window ({@link QuotaUsage#heldBack}) used what it was allowed, not what it wants: its measured
     * rate (over Kafka's 11-second window, which lags the quota it is given and is lowered by the
     * throttles themselves) would make it look satisfied, and it would stay below its share. So it
     * counts as wanting its whole plan quota; the tuner then gives it its fair share, and the
     * tenants not held back get their usage plus headroom.
     *
     * <p>Why the whole window and not just "throttled since the last step": a throttle mutes a
     * connection for up to the maximum throttle (5 s), so a tenant held down may send nothing, and
     * be throttled no further, for several steps. Judged on those steps alone it would look
     * satisfied and be given less than its share, which throttles it harder: a spiral down.
     */
    private static double demand(double measured, boolean throttled, long planQuota) {
        return throttled ? Math.max(measured, planQuota) : measured;
    }

    private static QuotaLimits limits(PlanLimits plan, DynamicQuota tuned, double share, Long produceCap,
                                      double requestTimeFactor) {
        QuotaLimits limits = new QuotaLimits(
                Math.max(1, Math.round(tuned.produceBytesPerSecond() * share)),
                Math.max(1, Math.round(tuned.fetchBytesPerSecond() * share)),
                plan.requestTimePercent() * Math.max(MIN_REQUEST_TIME_FACTOR, Math.min(1.0, requestTimeFactor)), plan.partitionMutationsPerSecond(), plan.maxConnections(),
                plan.connectionAttemptsPerSecond(), OptionalLong.empty());
        return produceCap == null ? limits : limits.withProduceCap(Math.max(1, Math.round(produceCap * share)));
    }
}
