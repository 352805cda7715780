package io.kondo.controlplane.backing;

import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Kondo's one measure of a tenant's storage: the log size of <em>every replica</em> of the
 * tenant's partitions, leader and followers alike, as the brokers report them in one
 * DescribeLogDirs answer. It is what the disks hold, so a topic with replication factor 3 counts
 * three times (not leader size × replicas, which misses lagging or extra replicas). A future
 * replica (a move between log dirs in progress) is left out until it replaces the current one, so a
 * move does not count twice; a log dir the broker reports as failed holds no replicas to count.
 */
final class ReplicaStorage {

    private ReplicaStorage() {
    }

    /** Stored bytes per tenant owning at least one replica; names of no tenant (internal, Kondo's own) are skipped. */
    static Map<LogicalClusterId, Long> byTenant(Collection<Map<String, LogDirDescription>> logDirsPerBroker) {
        Map<LogicalClusterId, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> logDirs : logDirsPerBroker) {
            for (LogDirDescription logDir : logDirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : logDir.replicaInfos().entrySet()) {
                    if (replica.getValue().isFuture()) {
                        continue;
                    }
                    owner(replica.getKey().topic()).ifPresent(
                            tenant -> bytes.merge(tenant, replica.getValue().size(), Long::sum));
                }
            }
        }
        return bytes;
    }

    /** The tenant whose namespace holds {@code topic}, if any. */
    static Optional<LogicalClusterId> owner(String topic) {
        int separator = topic.indexOf('_');
        if (separator < 0 || !LogicalClusterId.isValid(topic.substring(0, separator))) {
            return Optional.empty();
        }
        LogicalClusterId tenant = new LogicalClusterId(topic.substring(0, separator));
        return new TenantNamespace(tenant).owns(topic) ? Optional.of(tenant) : Optional.empty();
    }
}
