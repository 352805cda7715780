package io.kondo.bench.quota;

import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;

/** Plans made for the quota runs: the byte quotas under test, everything else out of the way. */
final class BenchPlans {

    private static final long STORAGE_BYTES = 1L << 40;
    private static final int MAX_PARTITIONS = 1_000;
    private static final int MAX_CONNECTIONS = 100;
    private static final int CONNECTION_ATTEMPTS_PER_SECOND = 100;
    private static final double REQUEST_TIME_PERCENT = 100.0;
    private static final int PARTITION_MUTATIONS_PER_SECOND = 100;
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final List<Plan> plans = new ArrayList<>();

    /** Adds a plan with these produce and consume quotas, bytes/s. */
    BenchPlans with(String name, long produceBytesPerSecond, long consumeBytesPerSecond) {
        plans.add(new Plan(name, "Quota benchmark: " + name, new PlanLimits(produceBytesPerSecond, consumeBytesPerSecond,
                STORAGE_BYTES, MAX_PARTITIONS, MAX_CONNECTIONS, CONNECTION_ATTEMPTS_PER_SECOND, REQUEST_TIME_PERCENT,
                PARTITION_MUTATIONS_PER_SECOND, MAX_MESSAGE_BYTES)));
        return this;
    }

    PlanCatalog catalog() {
        return new PlanCatalog(plans);
    }
}
