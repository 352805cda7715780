package io.kondo.controlplane.tenants;

import io.kondo.core.tenant.LogicalClusterId;

/**
 * Live traffic figures of a tenant, measured where the traffic flows (the gateway). The control
 * plane only reports them; {@link #NONE} stands in where no gateway runs in this process.
 */
@FunctionalInterface
public interface TenantTraffic {

    /** Reports zero traffic for every tenant. */
    TenantTraffic NONE = id -> Figures.ZERO;

    Figures of(LogicalClusterId tenant);

    /**
     * @param ingressBytesPerSecond produce bytes per second
     * @param egressBytesPerSecond  fetch bytes per second
     * @param connections           open client connections
     * @param throttleTimeMs        throttle time handed to the tenant's clients per second
     */
    record Figures(double ingressBytesPerSecond, double egressBytesPerSecond, int connections, double throttleTimeMs) {
        public static final Figures ZERO = new Figures(0, 0, 0, 0);
    }
}
