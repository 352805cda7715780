package io.kondo.gateway;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.policy.TopicPolicy;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.metadata.TenantMetadataStore;
import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TopicIdRegistry;
import io.kondo.gateway.quota.TenantQuotas;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/** The tenant of one authenticated connection, as the rewrites see it; limits are read live. */
final class GatewayTenant implements TenantContext {

    private final TenantNamespace namespace;
    private final TenantMetadataStore metadata;
    private final PlanCatalog plans;
    private final TopicIdRegistry topicIds;
    private final BackingView backing;
    private final GatewaySettings settings;
    private TenantQuotas quotas;
    private Clock clock;
    private long mutationThrottleMs;

    GatewayTenant(LogicalClusterId cluster, TenantMetadataStore metadata, PlanCatalog plans, TopicIdRegistry topicIds,
                  BackingView backing, GatewaySettings settings) {
        this.namespace = new TenantNamespace(cluster);
        this.metadata = metadata;
        this.plans = plans;
        this.topicIds = topicIds;
        this.backing = backing;
        this.settings = settings;
    }

    @Override
    public TenantNamespace namespace() {
        return namespace;
    }

    @Override
    public PlanLimits limits() {
        // The plan is looked up on every use, so a plan change applies to open connections at once.
        return metadata.current().cluster(namespace.cluster())
                .flatMap(c -> plans.find(c.plan()))
                .orElse(plans.defaultPlan())
                .limits();
    }

    @Override
    public TopicIdRegistry topicIds() {
        return topicIds;
    }

    @Override
    public TopicPolicy topicPolicy() {
        return settings.topicPolicy();
    }

    @Override
    public int partitionCount() {
        return backing.partitionCount(namespace.prefix());
    }

    @Override
    public OptionalInt partitionCount(String backingTopic) {
        return namespace.owns(backingTopic) ? backing.partitionCountOf(backingTopic) : OptionalInt.empty();
    }

    @Override
    public void partitionsCreated(String backingTopic, int partitions) {
        if (namespace.owns(backingTopic)) {
            backing.recordPartitions(backingTopic, partitions);
        }
    }

    /** The tenant's quotas, once the connection is admitted (before, no request reaches the rewrites). */
    void useQuotas(TenantQuotas tenantQuotas, Clock gatewayClock) {
        this.quotas = tenantQuotas;
        this.clock = gatewayClock;
    }

    @Override
    public long tryMutatePartitions(int partitions) {
        long throttleMs = quotas.tryMutatePartitions(partitions, clock.millis());
        mutationThrottleMs = Math.max(mutationThrottleMs, throttleMs);
        return throttleMs;
    }

    /** The throttle the partition mutation quota asked for during the last request, once. */
    long takeMutationThrottleMs() {
        long throttleMs = mutationThrottleMs;
        mutationThrottleMs = 0;
        return throttleMs;
    }

    @Override
    public int maxFetchBytes() {
        return quotas.maxFetchBytes();
    }

    @Override
    public Optional<HostPort> gatewayAddress(int nodeId) {
        OptionalInt index = backing.index(nodeId);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(settings.host(), settings.bootstrapPort() + 1 + index.getAsInt()));
    }
}
