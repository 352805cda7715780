package io.kondo.gateway.quota;

import java.util.Collection;

/**
 * The other gateway instances serving the same tenants, as far as quotas are concerned: what the
 * tenants use through them, and this instance's share of each tenant's quota. The defaults are
 * those of a gateway serving its tenants alone.
 */
public interface GatewayPeers {

    /** A gateway serving its tenants alone: no peers, the whole quota. */
    GatewayPeers NONE = new GatewayPeers() {
    };

    /** What the tenant produces through the other instances, bytes/s. */
    default double peersProduceBytesPerSecond(String tenantId) {
        return 0;
    }

    /** What the tenant fetches through the other instances, bytes/s. */
    default double peersFetchBytesPerSecond(String tenantId) {
        return 0;
    }

    /** This instance's part of the tenant's quota, in (0, 1]. */
    default double shareOf(String tenantId) {
        return 1.0;
    }

    /** Tells the peers what the tenants use through this instance, once per quota step. */
    default void report(long nowMs, Collection<QuotaUsage> local) {
    }
}
