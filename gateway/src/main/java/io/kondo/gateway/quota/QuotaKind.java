package io.kondo.gateway.quota;

/** The quotas a tenant's traffic is measured against; used to name sensors and to total throttle time. */
public enum QuotaKind {
    /** Produce request bytes per second. */
    PRODUCE("produce"),
    /** Fetch response bytes per second. */
    FETCH("fetch"),
    /** Share of one gateway thread's time spent on the tenant's requests, in percent. */
    REQUEST_TIME("request-time"),
    /** Partitions created or deleted per second (KIP-599). */
    PARTITION_MUTATIONS("partition-mutations"),
    /** New connections per second (KIP-612's connection rate, per tenant). */
    CONNECTION_ATTEMPTS("connection-attempts");

    private final String label;

    QuotaKind(String label) {
        this.label = label;
    }

    /** The lower-case, dash-separated name used in sensor and metric names. */
    public String label() {
        return label;
    }
}
