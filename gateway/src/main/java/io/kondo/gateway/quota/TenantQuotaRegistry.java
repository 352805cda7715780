package io.kondo.gateway.quota;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.Metrics;

/**
 * The {@link TenantQuotas} of every tenant with connections on this gateway, by tenant id. A
 * tenant's quotas are made on its first connection and forgotten (their sensors removed from the
 * shared {@link Metrics}) once it has had no connection and no activity for
 * {@link QuotaSettings#idleExpiry()}, so tenants coming and going leave nothing behind.
 *
 * <p>Admitting a connection and forgetting a tenant are atomic with respect to each other (both
 * run inside {@link ConcurrentHashMap#compute} on the tenant's entry): a tenant is never forgotten
 * between being looked up and having its connection counted, and never has two {@link TenantQuotas}.
 *
 * <p>Thread-safe. {@link #expireIdle} is to be called periodically (say every few seconds).
 */
public final class TenantQuotaRegistry {

    private final Metrics metrics;
    private final QuotaSettings settings;
    private final ConcurrentHashMap<String, TenantQuotas> tenants = new ConcurrentHashMap<>();

    /**
     * @param metrics  shared by the whole gateway; its {@code Time} is the gateway's clock
     * @param settings how quotas are measured
     */
    public TenantQuotaRegistry(Metrics metrics, QuotaSettings settings) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Records a connection attempt of the tenant and counts the connection if the tenant may open
     * another. The tenant's quotas are made with {@code limits} if it has none yet; otherwise
     * {@code limits} is ignored (limits change through {@link #update}, so that a share set by a
     * tuner is not overwritten by a connection arriving with the plan's figures).
     *
     * <p>An attempt counts towards the connection attempt rate whether admitted or refused.
     */
    public ConnectionAdmission connect(String tenantId, QuotaLimits limits, long nowMs) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(limits, "limits");
        ConnectionAdmission[] admission = new ConnectionAdmission[1];
        tenants.compute(tenantId, (id, existing) -> {
            TenantQuotas quotas = existing != null ? existing : new TenantQuotas(id, limits, metrics, settings, nowMs);
            long delayMs = quotas.connectionAttemptDelayMs(nowMs);
            Optional<String> refusal = quotas.tryOpenConnection(nowMs);
            admission[0] = refusal.isPresent()
                    ? new ConnectionAdmission.Refused(refusal.get())
                    : new ConnectionAdmission.Admitted(quotas, delayMs);
            return quotas;
        });
        return admission[0];
    }

    /** The tenant's quotas, if it is known to this gateway. */
    public Optional<TenantQuotas> find(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    /**
     * Puts new limits in force for the tenant (see {@link TenantQuotas#update}).
     *
     * @return false if the tenant is not known here (its next connection brings the current limits)
     */
    public boolean update(String tenantId, QuotaLimits limits) {
        Objects.requireNonNull(limits, "limits");
        TenantQuotas quotas = tenants.get(tenantId);
        if (quotas == null) {
            return false;
        }
        quotas.update(limits);
        return true;
    }

    /**
     * Forgets the tenants idle at {@code nowMs} (no connection, no activity for the idle expiry, no
     * partition mutation debt) and removes their sensors from the shared {@link Metrics}.
     *
     * @return the ids of the tenants forgotten
     */
    public List<String> expireIdle(long nowMs) {
        List<String> expired = new ArrayList<>();
        for (String tenantId : tenants.keySet()) {
            tenants.computeIfPresent(tenantId, (id, quotas) -> {
                if (!quotas.idleAt(nowMs)) {
                    return quotas;
                }
                quotas.retire();
                expired.add(id);
                return null;
            });
        }
        return expired;
    }

    /** The tenants known now. */
    public Collection<TenantQuotas> tenants() {
        return List.copyOf(tenants.values());
    }

    public int size() {
        return tenants.size();
    }
}
