package io.kondo.controlplane.backing;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.controlplane.tenants.TenantRequestException;
import io.kondo.controlplane.tenants.TenantRequestException.Reason;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's view of the backing Kafka cluster, through one Admin client. Every call is
 * bounded by the timeout and turns an unreachable cluster into {@link Reason#BACKING_UNAVAILABLE}.
 */
public final class BackingCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackingCluster.class);

    private final Admin admin;
    private final Duration timeout;

    public BackingCluster(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kondo-control-plane");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(props);
        this.timeout = timeout;
    }

    /** The brokers the backing cluster reports, or a {@link Reason#BACKING_UNAVAILABLE} failure. */
    public Collection<Node> brokers() {
        return await(admin.describeCluster().nodes(), "describe the backing cluster");
    }

    /** Partitions and stored bytes (every replica counted, see {@link ReplicaStorage}) of the tenant's topics. */
    public TenantUsage usage(TenantNamespace tenant) {
        Set<String> topics = tenantTopics(tenant);
        if (topics.isEmpty()) {
            return new TenantUsage(0, 0);
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames(), "describe topics");
        int partitions = descriptions.values().stream().mapToInt(d -> d.partitions().size()).sum();
        long bytes = storageByTenant().getOrDefault(tenant.cluster(), 0L);
        return new TenantUsage(partitions, bytes);
    }

    /**
     * Every tenant's stored bytes (every replica counted, see {@link ReplicaStorage}) from one
     * DescribeLogDirs pass over all brokers: as cheap for all tenants as for one. Tenants without
     * any replica are absent. Fails as a whole, never with a partial answer: a broker missing from
     * the sum would make tenants look smaller than they are.
     */
    public Map<LogicalClusterId, Long> storageByTenant() {
        List<Integer> brokerIds = brokers().stream().map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> logDirs =
                await(admin.describeLogDirs(brokerIds).allDescriptions(), "describe log dirs");
        return ReplicaStorage.byTenant(logDirs.values());
    }

    /** Deletes every topic and consumer group of the tenant. Safe to repeat. */
    public void deleteTenantResources(TenantNamespace tenant) {
        Set<String> topics = tenantTopics(tenant);
        if (!topics.isEmpty()) {
            try {
                await(admin.deleteTopics(topics).all(), "delete topics");
            } catch (TenantRequestException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        Collection<GroupListing> groups = await(admin.listGroups().all(), "list groups");
        List<String> owned = groups.stream().map(GroupListing::groupId).filter(tenant::owns).toList();
        if (!owned.isEmpty()) {
            try {
                await(admin.deleteConsumerGroups(owned).all(), "delete groups");
            } catch (TenantRequestException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException || e.getCause() instanceof GroupNotEmptyException)) {
                    throw e;
                }
                // A group that still has members lingers until they leave; it is unreachable to anyone
                // once the tenant's keys are gone, and its offsets expire with the broker's retention.
                LOG.warn("Some groups of a deleted tenant could not be removed yet: tenant={} reason={}",
                        tenant.cluster(), e.getCause().getMessage());
            }
        }
        LOG.info("Deleted backing resources: tenant={} topics={} groups={}", tenant.cluster(), topics.size(), owned.size());
    }

    private Set<String> tenantTopics(TenantNamespace tenant) {
        Set<String> all = await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(), "list topics");
        return all.stream().filter(tenant::owns).collect(java.util.stream.Collectors.toSet());
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TenantRequestException(Reason.BACKING_UNAVAILABLE,
                    "the backing cluster could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TenantRequestException(Reason.BACKING_UNAVAILABLE,
                    "the backing cluster did not " + what + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantRequestException(Reason.BACKING_UNAVAILABLE, "interrupted while waiting to " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
