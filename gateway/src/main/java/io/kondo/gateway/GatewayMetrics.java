package io.kondo.gateway;

import io.kondo.core.plan.PlanLimits;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.gateway.quota.QuotaKind;
import io.kondo.gateway.quota.QuotaTuning.DynamicQuota;
import io.kondo.gateway.quota.TenantQuotas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Per-tenant gateway figures on the shared meter registry ({@code /metrics}): traffic counters,
 * open connections, and the tenant's quotas — the plan's, the fair-share tuner's (tenant-wide) and
 * the one this instance enforces — with the throttle time handed out by each quota.
 *
 * <p>Quota gauges read the quota loop's figures when scraped; a tenant not seen here recently (its
 * quota state expired) shows its plan quota and no dynamic or enforced quota (NaN).
 */
final class GatewayMetrics {

    /** One tenant's meters, held by its connections so the hot path does no lookups. */
    record TenantMeters(Counter requests, Counter bytesIn, Counter bytesOut, Counter errors) {
    }

    /** Where the quota gauges read a tenant's figures. */
    interface QuotaFigures {
        Optional<PlanLimits> plan(LogicalClusterId tenant);

        Optional<DynamicQuota> dynamic(LogicalClusterId tenant);

        /** The tenant's quota state here, if it has been seen recently. */
        Optional<TenantQuotas> quotas(LogicalClusterId tenant);
    }

    private final MeterRegistry registry;
    private final OpenConnections connections;
    private final QuotaFigures quotas;
    private final Map<LogicalClusterId, TenantMeters> tenants = new ConcurrentHashMap<>();
    private final Counter authenticationFailures;

    GatewayMetrics(MeterRegistry registry, OpenConnections connections, QuotaFigures quotas) {
        this.registry = registry;
        this.connections = connections;
        this.quotas = quotas;
        this.authenticationFailures = Counter.builder("kondo.gateway.authentication.failures")
                .description("Failed client logins").register(registry);
    }

    TenantMeters tenant(LogicalClusterId tenant) {
        return tenants.computeIfAbsent(tenant, id -> {
            String tag = id.value();
            Gauge.builder("kondo.gateway.connections", connections, c -> c.count(id)).tag("tenant", tag)
                    .description("Open client connections").register(registry);
            registerQuotaMeters(id);
            return new TenantMeters(
                    Counter.builder("kondo.gateway.requests").tag("tenant", tag).description("Requests handled").register(registry),
                    Counter.builder("kondo.gateway.bytes.in").tag("tenant", tag).baseUnit("bytes")
                            .description("Request bytes from clients").register(registry),
                    Counter.builder("kondo.gateway.bytes.out").tag("tenant", tag).baseUnit("bytes")
                            .description("Response bytes to clients").register(registry),
                    Counter.builder("kondo.gateway.errors").tag("tenant", tag)
                            .description("Requests refused or answered by the gateway with an error").register(registry));
        });
    }

    void authenticationFailed() {
        authenticationFailures.increment();
    }

    private void registerQuotaMeters(LogicalClusterId id) {
        quotaGauge(id, "kondo.gateway.quota.plan", "produce", "The plan's produce quota",
                q -> q.plan(id).map(p -> (double) p.produceBytesPerSecond()));
        quotaGauge(id, "kondo.gateway.quota.plan", "fetch", "The plan's fetch quota",
                q -> q.plan(id).map(p -> (double) p.consumeBytesPerSecond()));
        quotaGauge(id, "kondo.gateway.quota.dynamic", "produce",
                "The tenant's produce quota after the fair-share tuner, across all gateway instances",
                q -> q.dynamic(id).map(d -> (double) d.produceBytesPerSecond()));
        quotaGauge(id, "kondo.gateway.quota.dynamic", "fetch",
                "The tenant's fetch quota after the fair-share tuner, across all gateway instances",
                q -> q.dynamic(id).map(d -> (double) d.fetchBytesPerSecond()));
        quotaGauge(id, "kondo.gateway.quota.enforced", "produce",
                "The produce quota this gateway instance enforces (its share, storage cap included)",
                q -> q.quotas(id).map(t -> (double) t.limits().effectiveProduceBytesPerSecond()));
        quotaGauge(id, "kondo.gateway.quota.enforced", "fetch", "The fetch quota this gateway instance enforces",
                q -> q.quotas(id).map(t -> (double) t.limits().fetchBytesPerSecond()));
        for (QuotaKind kind : QuotaKind.values()) {
            FunctionCounter.builder("kondo.gateway.throttle.time", quotas,
                            q -> q.quotas(id).map(t -> (double) t.throttleTimeMs(kind)).orElse(0.0))
                    .tag("tenant", id.value()).tag("quota", kind.label()).baseUnit("milliseconds")
                    .description("Throttle time asked of the tenant's clients by this quota (resets when the"
                            + " tenant's quota state expires after it has been idle)")
                    .register(registry);
        }
    }

    private void quotaGauge(LogicalClusterId id, String name, String quota, String description,
                            Function<QuotaFigures, Optional<Double>> figure) {
        ToDoubleFunction<QuotaFigures> value = q -> figure.apply(q).orElse(Double.NaN);
        Gauge.builder(name, quotas, value).tag("tenant", id.value()).tag("quota", quota).baseUnit("bytes.per.second")
                .description(description).register(registry);
    }
}
