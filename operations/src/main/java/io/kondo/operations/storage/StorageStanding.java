package io.kondo.operations.storage;

import io.kondo.core.quota.StorageQuota;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where one tenant stood against its storage quota at its last check.
 *
 * @param tenant                   the logical cluster
 * @param plan                     the plan it was judged by
 * @param storedBytes              measured stored bytes, every replica counted
 * @param quotaBytes               the storage quota in force: the plan's, or more once auto-expanded
 * @param hardCapBytes             the plan's hard cap, past which produce trickles
 * @param state                    where the tenant stands
 * @param produceCapBytesPerSecond the produce cap the tenant is held to, empty when none
 * @param checkedAtMs              when it was measured, epoch milliseconds
 */
public record StorageStanding(
        LogicalClusterId tenant,
        String plan,
        long storedBytes,
        long quotaBytes,
        long hardCapBytes,
        StorageQuota.State state,
        OptionalLong produceCapBytesPerSecond,
        long checkedAtMs) {

    public StorageStanding {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(produceCapBytesPerSecond, "produceCapBytesPerSecond");
    }

    /** The state to carry into the tenant's next check. */
    StorageQuota.Status status() {
        return new StorageQuota.Status(state, quotaBytes);
    }
}
