package io.kondo.operations.storage;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.Map;

/**
 * Measures every tenant's stored bytes on the backing cluster in one pass. The app wires the
 * control plane's measure (every replica's log size, from one DescribeLogDirs over all brokers), so
 * the usage API and this loop count storage the same way.
 */
@FunctionalInterface
public interface StorageMeasurement {

    /**
     * Stored bytes of each tenant holding any; a tenant absent from the answer stores nothing.
     *
     * @throws RuntimeException when the backing cluster cannot be measured completely (a partial sum
     *                          would understate tenants); the loop then keeps its decisions and retries
     */
    Map<LogicalClusterId, Long> storedBytesByTenant();
}
