package io.kondo.protocol;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.plan.PlanLimits;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/** What the rewrites need to know about the tenant of a connection and the gateway serving it. */
public interface TenantContext {

    TenantNamespace namespace();

    /** The tenant's plan limits now (a plan change applies to open connections). */
    PlanLimits limits();

    TopicIdRegistry topicIds();

    /** Where tenants reach backing broker {@code nodeId} through the gateway; empty if it has no gateway port. */
    Optional<HostPort> gatewayAddress(int nodeId);

    /** The topic-id's backing name if the tenant owns it. */
    default Optional<String> ownedTopic(Uuid id) {
        return topicIds().backingName(id).filter(namespace()::owns);
    }

    record HostPort(String host, int port) {
    }
}
