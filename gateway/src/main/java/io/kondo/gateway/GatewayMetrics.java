package io.kondo.gateway;

import io.kondo.core.tenant.LogicalClusterId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-tenant gateway figures on the shared meter registry ({@code /metrics}). */
final class GatewayMetrics {

    /** One tenant's meters, held by its connections so the hot path does no lookups. */
    record TenantMeters(Counter requests, Counter bytesIn, Counter bytesOut, Counter errors) {
    }

    private final MeterRegistry registry;
    private final OpenConnections connections;
    private final Map<LogicalClusterId, TenantMeters> tenants = new ConcurrentHashMap<>();
    private final Counter authenticationFailures;

    GatewayMetrics(MeterRegistry registry, OpenConnections connections) {
        this.registry = registry;
        this.connections = connections;
        this.authenticationFailures = Counter.builder("kondo.gateway.authentication.failures")
                .description("Failed client logins").register(registry);
    }

    TenantMeters tenant(LogicalClusterId tenant) {
        return tenants.computeIfAbsent(tenant, id -> {
            String tag = id.value();
            Gauge.builder("kondo.gateway.connections", connections, c -> c.count(id)).tag("tenant", tag)
                    .description("Open client connections").register(registry);
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
}
