package io.kondo.core.tenant;

import java.util.Objects;

/**
 * A tenant's logical cluster as the control plane records it.
 *
 * @param id          stable id, also the tenant's namespace root on the backing cluster
 * @param name        human-readable name, unique among live clusters
 * @param plan        name of the plan whose limits apply
 * @param cell        the group of backing brokers serving this cluster
 * @param state       lifecycle state
 * @param createdAtMs creation time, epoch milliseconds
 */
public record LogicalCluster(
        LogicalClusterId id, String name, String plan, String cell, ClusterState state, long createdAtMs) {

    public LogicalCluster {
        Objects.requireNonNull(id, "id");
        ClusterName.validate(name);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(state, "state");
    }

    public LogicalCluster withPlan(String newPlan) {
        return new LogicalCluster(id, name, newPlan, cell, state, createdAtMs);
    }

    public LogicalCluster withName(String newName) {
        return new LogicalCluster(id, newName, plan, cell, state, createdAtMs);
    }

    public LogicalCluster withState(ClusterState newState) {
        return new LogicalCluster(id, name, plan, cell, newState, createdAtMs);
    }

    public boolean isActive() {
        return state == ClusterState.ACTIVE;
    }
}
