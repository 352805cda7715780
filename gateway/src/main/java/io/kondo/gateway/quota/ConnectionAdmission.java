package io.kondo.gateway.quota;

import java.util.Objects;

/** Whether a new connection of a tenant may stay open, from {@link TenantQuotaRegistry#connect}. */
public sealed interface ConnectionAdmission {

    /**
     * The connection counts against the tenant's connections until {@link TenantQuotas#connectionClosed}.
     *
     * @param quotas  the tenant's quotas, for the connection to record into
     * @param delayMs how long to hold the connection before answering it, because the tenant opens
     *                connections faster than its connection attempts per second (0 when not)
     */
    record Admitted(TenantQuotas quotas, long delayMs) implements ConnectionAdmission {
        public Admitted {
            Objects.requireNonNull(quotas, "quotas");
            if (delayMs < 0) {
                throw new IllegalArgumentException("delay must not be negative, got " + delayMs);
            }
        }
    }

    /**
     * The tenant has as many connections open as it may; the connection is to be closed.
     *
     * @param reason for the client and the log, e.g. "logical cluster lkc-abc123 has reached its limit of 10 connections"
     */
    record Refused(String reason) implements ConnectionAdmission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
