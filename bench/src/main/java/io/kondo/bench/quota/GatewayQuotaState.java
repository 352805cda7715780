package io.kondo.bench.quota;

import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.quota.TenantQuotas;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Metrics;

/**
 * How much quota state a gateway holds: the tenants it tracks (those with quota figures through
 * {@link Gateway#quotaUsage}) and the sensors and metrics of its quota {@link Metrics}.
 *
 * <p>The gateway does not expose its {@code Metrics}; this benchmark-only probe reads the private
 * field {@code quotaMetrics} of {@link Gateway}, and the {@code sensors} map of {@link Metrics}, by
 * reflection. If either is renamed the counts are reported as unavailable rather than failing the run.
 */
final class GatewayQuotaState {

    /** Sensors whose names the gateway's tenant quotas use ({@code kondo-quota:<kind>:<tenant>}). */
    private static final String SENSOR_PREFIX = "kondo-quota:";

    private final Gateway gateway;
    private final Optional<Metrics> metrics;

    GatewayQuotaState(Gateway gateway) {
        this.gateway = gateway;
        this.metrics = quotaMetrics(gateway);
    }

    /**
     * One reading.
     *
     * @param trackedTenants tenants among those asked about that the gateway has quota figures for
     * @param sensors        tenant quota sensors in the gateway's quota {@code Metrics}, or -1 if unreadable
     * @param metrics        metrics of the group {@value TenantQuotas#METRIC_GROUP}, or -1 if unreadable
     */
    record Reading(int trackedTenants, int sensors, int metrics) {
    }

    Reading read(Collection<LogicalClusterId> tenants) {
        int tracked = 0;
        for (LogicalClusterId tenant : tenants) {
            if (gateway.quotaUsage(tenant).isPresent()) {
                tracked++;
            }
        }
        return new Reading(tracked, sensorCount(), metricCount());
    }

    private int metricCount() {
        return metrics.map(m -> (int) m.metrics().keySet().stream()
                .filter(name -> name.group().equals(TenantQuotas.METRIC_GROUP)).count()).orElse(-1);
    }

    private int sensorCount() {
        if (metrics.isEmpty()) {
            return -1;
        }
        try {
            Field field = Metrics.class.getDeclaredField("sensors");
            field.setAccessible(true);
            Map<?, ?> sensors = (Map<?, ?>) field.get(metrics.get());
            return (int) sensors.keySet().stream().filter(name -> name.toString().startsWith(SENSOR_PREFIX)).count();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Optional<Metrics> quotaMetrics(Gateway gateway) {
        try {
            Field field = Gateway.class.getDeclaredField("quotaMetrics");
            field.setAccessible(true);
            return Optional.of((Metrics) field.get(gateway));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
