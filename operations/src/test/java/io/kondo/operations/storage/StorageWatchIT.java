package io.kondo.operations.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.StorageQuota.State;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.metadata.TenantMetadataStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage watch measuring a real 3-node embedded cluster, wired as the app wires it. */
class StorageWatchIT {

    private static final long KIB = 1024;

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaCluster kafka;
    private static Admin admin;
    private static TenantMetadataStore store;
    private static BackingCluster backing;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(dataDir));
        admin = Admin.create(kafka.clientProperties());
        store = TenantMetadataStore.open(kafka.clientProperties(), TenantMetadataStore.DEFAULT_TOPIC, Duration.ofSeconds(8));
        backing = new BackingCluster(kafka.clientProperties(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopKafka() {
        for (AutoCloseable closeable : new AutoCloseable[] {backing, store, admin, kafka}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing down the test cluster; nothing left to protect
                }
            }
        }
    }

    @Test
    void measuresATenantsRecordsOnEveryReplicaAndWarnsAtEightyPercentOfATinyPlan() throws Exception {
        // 64 KiB included, fixed, with a grace band up to 1 GiB: past 80% it warns, and nothing trickles.
        Plan tiny = new Plan("tiny", "for this test", new PlanLimits(
                1 << 20, 1 << 20, 64 * KIB, 10, 10, 10, 10.0, 10, 1 << 20, 1L << 30, false));
        LogicalClusterId id = LogicalClusterId.random(new SecureRandom());
        store.putCluster(new LogicalCluster(id, "tiny-tenant", "tiny", "cell-0", ClusterState.ACTIVE, 0));
        admin.createTopics(List.of(new NewTopic(id.value() + "_events", 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
        List<OptionalLong> caps = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        try (StorageWatch watch = new StorageWatch(new StorageWatchSettings(Duration.ofMillis(250), 64 * KIB, Optional.empty()),
                () -> store.current().clusters(), new PlanCatalog(List.of(tiny)), backing::storageByTenant,
                (tenant, cap) -> caps.add(cap), metrics, Clock.systemUTC())) {
            watch.start();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(watch.latest(id)).map(StorageStanding::state).contains(State.NORMAL));

            produce(id.value() + "_events", 100, 1024);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                StorageStanding standing = watch.latest(id).orElseThrow();
                // 100 KiB of values on 3 replicas each, plus batch overhead.
                assertThat(standing.storedBytes()).isGreaterThan(3 * 100 * KIB);
                assertThat(standing.state()).isEqualTo(State.WARNING);
            });
            Counter warnings = metrics.find(StorageWatch.EVENTS).tag("tenant", id.value()).tag("kind", "warning").counter();
            assertThat(warnings).isNotNull();
            assertThat(warnings.count()).isEqualTo(1);
            assertThat(metrics.get(StorageWatch.STORED).tag("tenant", id.value()).gauge().value()).isGreaterThan(3 * 100 * KIB);
            assertThat(caps).isEmpty();
        }
    }

    private static void produce(String topic, int records, int size) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, new byte[size]));
            }
            producer.flush();
        }
    }
}
