package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.gateway.GatewayFixture.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unmodified Java clients through the gateway: admin, producers, consumers in groups, transactions. */
@ExtendWith(SharedGateway.class)
class GatewayCompatibilityIT {

    static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
    }

    @Test
    void adminCreatesTopicsWithThePolicyDefaultsAndSeesOnlyItsOwn() throws Exception {
        Tenant tenant = fixture.tenant("admin");
        Tenant neighbour = fixture.tenant("admin-neighbour");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"));
             Admin other = Admin.create(fixture.client(neighbour, "PLAIN"));
             Admin backing = fixture.backingAdmin()) {
            admin.createTopics(List.of(new NewTopic("events", Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
            other.createTopics(List.of(new NewTopic("secrets", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

            TopicDescription onBacking = backing.describeTopics(List.of(tenant.prefix() + "events")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(tenant.prefix() + "events");
            assertThat(onBacking.partitions()).hasSize(8);
            assertThat(onBacking.partitions().get(0).replicas()).hasSize(3);
            Config config = backing.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, tenant.prefix() + "events")))
                    .all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");

            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsExactly("events");
            TopicDescription seen = admin.describeTopics(List.of("events")).allTopicNames().get(30, TimeUnit.SECONDS).get("events");
            assertThat(seen.name()).isEqualTo("events");
            assertThat(seen.partitions().get(0).leader().port()).isBetween(fixture.bootstrapPort + 1, fixture.bootstrapPort + 3);
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(tenant.id().value());
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3)
                    .allSatisfy(node -> assertThat(node.port()).isBetween(fixture.bootstrapPort + 1, fixture.bootstrapPort + 3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "consumer"})
    void anIdempotentProducerAndAConsumerGroupRoundTripRecords(String groupProtocol) throws Exception {
        Tenant tenant = fixture.tenant("roundtrip-" + groupProtocol);
        Map<String, Object> client = fixture.client(tenant, "SCRAM-SHA-256");
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic("orders", 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = Clients.producer(client, Map.of("enable.idempotence", true))) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>("orders", "key-" + (i % 7), "value-" + i));
            }
            producer.flush();
        }
        try (KafkaConsumer<String, String> consumer = Clients.consumer(client, Map.of("group.id", "billing",
                "group.protocol", groupProtocol, "enable.auto.commit", false))) {
            consumer.subscribe(List.of("orders"));
            List<ConsumerRecord<String, String>> records = Clients.poll(consumer, 300, Duration.ofSeconds(60));
            consumer.commitSync(Duration.ofSeconds(30));

            assertThat(records).hasSize(300);
            assertThat(records).extracting(ConsumerRecord::topic).containsOnly("orders");
            assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
        }
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("billing")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(300);
            assertThat(committed.keySet()).extracting(TopicPartition::topic).containsOnly("orders");
            assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).extracting(g -> g.groupId()).containsExactly("billing");
        }
        try (Admin backing = fixture.backingAdmin()) {
            assertThat(backing.listGroups().all().get(30, TimeUnit.SECONDS)).extracting(g -> g.groupId())
                    .contains(tenant.prefix() + "billing");
        }
    }

    @Test
    void transactionsCommitAndAbortForReadCommittedConsumers() throws Exception {
        Tenant tenant = fixture.tenant("transactions");
        Map<String, Object> client = fixture.client(tenant, "PLAIN");
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic("payments", 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = Clients.producer(client, Map.of("transactional.id", "payments-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("payments", "committed-" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("payments", "aborted-" + i));
            }
            producer.flush();
            producer.abortTransaction();
        }
        try (KafkaConsumer<String, String> consumer = Clients.consumer(client, Map.of("group.id", "auditors",
                "isolation.level", "read_committed"))) {
            consumer.subscribe(List.of("payments"));
            List<ConsumerRecord<String, String>> records = Clients.poll(consumer, 10, Duration.ofSeconds(60));
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);

            assertThat(records).extracting(ConsumerRecord::value).hasSize(10).allMatch(v -> v.startsWith("committed-"));
        }
        try (Admin admin = Admin.create(client)) {
            assertThat(admin.listTransactions().all().get(30, TimeUnit.SECONDS))
                    .extracting(t -> t.transactionalId()).containsExactly("payments-tx");
            assertThat(admin.describeTransactions(Set.of("payments-tx")).all().get(30, TimeUnit.SECONDS))
                    .containsKey("payments-tx");
        }
    }
}
