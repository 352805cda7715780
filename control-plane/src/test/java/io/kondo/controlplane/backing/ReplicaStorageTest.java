package io.kondo.controlplane.backing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplicaStorageTest {

    private static final LogicalClusterId PAYMENTS = new LogicalClusterId("lkc-abc123");
    private static final LogicalClusterId SHIPPING = new LogicalClusterId("lkc-xyz789");

    @Test
    void countsEveryReplicaOfEachTenantsPartitionsOnEveryBroker() {
        Map<String, LogDirDescription> broker1 = Map.of("/data/a", logDir(Map.of(
                new TopicPartition("lkc-abc123_orders", 0), replica(100, false),
                new TopicPartition("lkc-abc123_orders", 1), replica(10, false),
                new TopicPartition("lkc-xyz789_orders", 0), replica(7, false))));
        Map<String, LogDirDescription> broker2 = Map.of(
                "/data/a", logDir(Map.of(new TopicPartition("lkc-abc123_orders", 0), replica(100, false))),
                "/data/b", logDir(Map.of(new TopicPartition("lkc-abc123_orders", 1), replica(9, false))));

        assertThat(ReplicaStorage.byTenant(List.of(broker1, broker2)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(PAYMENTS, 219L, SHIPPING, 7L));
    }

    @Test
    void leavesOutFutureReplicasAndNamesOfNoTenant() {
        Map<String, LogDirDescription> broker = Map.of("/data/a", logDir(Map.of(
                new TopicPartition("lkc-abc123_orders", 0), replica(100, false),
                new TopicPartition("lkc-abc123_orders", 1), replica(500, true),
                new TopicPartition("__consumer_offsets", 0), replica(1_000, false),
                new TopicPartition("_kondo_tenant_metadata", 0), replica(1_000, false),
                new TopicPartition("lkc-ABC123_orders", 0), replica(1_000, false),
                new TopicPartition("lkc-abc123_", 0), replica(1_000, false))));

        assertThat(ReplicaStorage.byTenant(List.of(broker))).containsExactlyEntriesOf(Map.of(PAYMENTS, 100L));
    }

    @Test
    void findsTheOwnerOfATopicByItsPrefix() {
        assertThat(ReplicaStorage.owner("lkc-abc123_orders_v2")).contains(PAYMENTS);
        assertThat(ReplicaStorage.owner("lkc-abc1234_orders")).isEmpty();
        assertThat(ReplicaStorage.owner("orders")).isEmpty();
    }

    private static LogDirDescription logDir(Map<TopicPartition, ReplicaInfo> replicas) {
        return new LogDirDescription(null, replicas);
    }

    private static ReplicaInfo replica(long size, boolean future) {
        return new ReplicaInfo(size, 0, future);
    }
}
