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
     * Rates are bytes per second. A quota figure of 0 means the gateway does not know it (the tenant
     * has no connection there, or no gateway runs here); the usage API then shows the plan's figure.
     *
     * @param ingressBytesPerSecond          produce bytes per second
     * @param egressBytesPerSecond           fetch bytes per second
     * @param connections                    open client connections
     * @param throttleTimeMs                 throttle time handed to the tenant's clients per second
     * @param producePlanQuotaBytesPerSecond the plan's produce quota
     * @param fetchPlanQuotaBytesPerSecond   the plan's fetch quota
     * @param produceQuotaBytesPerSecond     the produce quota in force now: the plan's, or less when a
     *                                       fair-share tuner lowered it or a storage trickle caps it
     * @param fetchQuotaBytesPerSecond       the fetch quota in force now
     */
    record Figures(double ingressBytesPerSecond, double egressBytesPerSecond, int connections, double throttleTimeMs,
                   long producePlanQuotaBytesPerSecond, long fetchPlanQuotaBytesPerSecond,
                   long produceQuotaBytesPerSecond, long fetchQuotaBytesPerSecond) {

        public static final Figures ZERO = new Figures(0, 0, 0, 0);

        public Figures {
            if (producePlanQuotaBytesPerSecond < 0 || fetchPlanQuotaBytesPerSecond < 0
                    || produceQuotaBytesPerSecond < 0 || fetchQuotaBytesPerSecond < 0) {
                throw new IllegalArgumentException("quota figures must not be negative");
            }
        }

        /** Traffic without quota figures (the gateway reports none). */
        public Figures(double ingressBytesPerSecond, double egressBytesPerSecond, int connections, double throttleTimeMs) {
            this(ingressBytesPerSecond, egressBytesPerSecond, connections, throttleTimeMs, 0, 0, 0, 0);
        }
    }
}
