package io.kondo.protocol;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.policy.TopicPolicy;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.Uuid;

/** What the rewrites need to know about the tenant of a connection and the gateway serving it. */
public interface TenantContext {

    TenantNamespace namespace();

    /** The tenant's plan limits now (a plan change applies to open connections). */
    PlanLimits limits();

    TopicIdRegistry topicIds();

    /** How the tenant's topics are created (partitions by default, replication, min ISR). */
    TopicPolicy topicPolicy();

    /** Partitions across all the tenant's topics, as last measured on the backing cluster. */
    int partitionCount();

    /** Partitions of one of the tenant's topics (backing name), if it is known to exist. */
    OptionalInt partitionCount(String backingTopic);

    /**
     * Tells the gateway that the tenant's topic now has {@code partitions} partitions (a create
     * succeeded), so partition limits count it before the next measurement of the backing cluster.
     */
    void partitionsCreated(String backingTopic, int partitions);

    /**
     * Asks the tenant's partition mutation quota for {@code partitions} created or deleted (KIP-599).
     *
     * @return 0 when accepted (and counted), otherwise how long the tenant must wait, in ms
     */
    long tryMutatePartitions(int partitions);

    /** The largest fetch response the tenant's fetch quota can deliver; Fetch requests ask for no more. */
    int maxFetchBytes();

    /** Where tenants reach backing broker {@code nodeId} through the gateway; empty if it has no gateway port. */
    Optional<HostPort> gatewayAddress(int nodeId);

    /** The topic-id's backing name if the tenant owns it. */
    default Optional<String> ownedTopic(Uuid id) {
        return topicIds().backingName(id).filter(namespace()::owns);
    }

    record HostPort(String host, int port) {
    }
}
