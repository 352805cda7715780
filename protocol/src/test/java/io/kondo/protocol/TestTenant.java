package io.kondo.protocol;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.policy.TopicPolicy;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tenant {@code lkc-abc123} (default topic policy, partitions as recorded with {@link #withTopic}) behind a gateway at {@code gateway.test}, where backing broker n is
 * reached at port 19092 + n and broker 9 has no gateway port. Limits are the basic plan's.
 */
public final class TestTenant implements TenantContext {

    public static final String PREFIX = "lkc-abc123_";
    public static final String OTHER_PREFIX = "lkc-zzz999_";
    public static final String GATEWAY_HOST = "gateway.test";

    private final TenantNamespace namespace = new TenantNamespace(new LogicalClusterId("lkc-abc123"));
    private final TopicIdRegistry topicIds;
    private PlanLimits limits = PlanCatalog.defaults().defaultPlan().limits();
    private TopicPolicy topicPolicy = TopicPolicy.defaults();
    private final Map<String, Integer> partitions = new HashMap<>();
    private long mutationTokens = Long.MAX_VALUE;
    private int maxFetchBytes = Integer.MAX_VALUE;

    public TestTenant() {
        this(new TopicIdRegistry());
    }

    public TestTenant(TopicIdRegistry topicIds) {
        this.topicIds = topicIds;
    }

    public TestTenant withLimits(PlanLimits newLimits) {
        this.limits = newLimits;
        return this;
    }

    public TestTenant withTopicPolicy(TopicPolicy policy) {
        this.topicPolicy = policy;
        return this;
    }

    /** Records that the tenant has topic {@code name} (tenant name) with {@code count} partitions. */
    public TestTenant withTopic(String name, int count) {
        partitions.put(namespace.toBacking(name), count);
        return this;
    }

    /**
     * A partition mutation quota with {@code tokens} left: requests are accepted while tokens are
     * not negative and take their partitions; then each is refused with a throttle of 1 s per
     * missing token (a rate of one mutation per second).
     */
    public TestTenant withMutationTokens(long tokens) {
        this.mutationTokens = tokens;
        return this;
    }

    public TestTenant withMaxFetchBytes(int bytes) {
        this.maxFetchBytes = bytes;
        return this;
    }

    @Override
    public long tryMutatePartitions(int count) {
        if (mutationTokens < 0) {
            return -mutationTokens * 1000;
        }
        mutationTokens -= count;
        return 0;
    }

    @Override
    public int maxFetchBytes() {
        return maxFetchBytes;
    }

    @Override
    public TopicPolicy topicPolicy() {
        return topicPolicy;
    }

    @Override
    public int partitionCount() {
        return partitions.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public OptionalInt partitionCount(String backingTopic) {
        Integer count = partitions.get(backingTopic);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    @Override
    public void partitionsCreated(String backingTopic, int count) {
        partitions.put(backingTopic, count);
    }

    @Override
    public TenantNamespace namespace() {
        return namespace;
    }

    @Override
    public PlanLimits limits() {
        return limits;
    }

    @Override
    public TopicIdRegistry topicIds() {
        return topicIds;
    }

    @Override
    public Optional<HostPort> gatewayAddress(int nodeId) {
        return nodeId == 9 ? Optional.empty() : Optional.of(new HostPort(GATEWAY_HOST, 19092 + nodeId));
    }
}
