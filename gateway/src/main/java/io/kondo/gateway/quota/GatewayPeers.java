package io.kondo.gateway.quota;

/**
 * The other gateway instances serving the same tenants, as far as quotas are concerned: what the
 * tenants use through them, and this instance's share of each tenant's quota.
 */
public interface GatewayPeers {

    /** A gateway serving its tenants alone: no peers, the whole quota. */
    GatewayPeers NONE = new GatewayPeers() {
        @Override
        public double peersProduceBytesPerSecond(String tenantId) {
            return 0;
        }

        @Override
        public double peersFetchBytesPerSecond(String tenantId) {
            return 0;
        }

        @Override
        public double shareOf(String tenantId) {
            return 1.0;
        }

        @Override
        public void report(long nowMs, java.util.Collection<QuotaUsage> local) {
        }
    };

    /** What the tenant produces through the other instances, bytes/s. */
    double peersProduceBytesPerSecond(String tenantId);

    /** What the tenant fetches through the other instances, bytes/s. */
    double peersFetchBytesPerSecond(String tenantId);

    /** This instance's part of the tenant's quota, in (0, 1]. */
    double shareOf(String tenantId);

    /** Tells the peers what the tenants use through this instance, once per quota step. */
    void report(long nowMs, java.util.Collection<QuotaUsage> local);
}
