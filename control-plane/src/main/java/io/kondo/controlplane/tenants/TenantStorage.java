package io.kondo.controlplane.tenants;

import io.kondo.core.quota.StorageQuota;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's standing against its storage quota as the storage loop of the operations module last
 * judged it. The control plane only reports it; {@link #NONE} stands in where no such loop runs.
 */
@FunctionalInterface
public interface TenantStorage {

    /** Knows of no tenant. */
    TenantStorage NONE = id -> Optional.empty();

    /** The last judgement of the tenant, or empty before the first (or where no loop runs). */
    Optional<Standing> of(LogicalClusterId tenant);

    /**
     * @param storedBytes stored bytes at that check, every replica counted
     * @param quotaBytes  the storage quota in force (the plan's, or more once auto-expanded)
     * @param state       where the tenant stands against it
     * @param checkedAtMs when it was measured, epoch milliseconds
     */
    record Standing(long storedBytes, long quotaBytes, StorageQuota.State state, long checkedAtMs) {
        public Standing {
            Objects.requireNonNull(state, "state");
        }
    }
}
