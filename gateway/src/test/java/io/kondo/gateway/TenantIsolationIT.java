package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.gateway.GatewayFixture.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two tenants using the same names do not interfere, and a hostile tenant cannot reach another's
 * topics, groups or transactions by name, prefixed name, topic id, listing, describing, deleting or
 * reading offsets — and learns nothing from the errors.
 */
@ExtendWith(SharedGateway.class)
class TenantIsolationIT {

    static GatewayFixture fixture;
    static Tenant victim;
    static Tenant twin;
    static Tenant hostile;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
        victim = fixture.tenant("victim");
        twin = fixture.tenant("twin");
        hostile = fixture.tenant("hostile");
        for (Tenant tenant : List.of(victim, twin)) {
            Map<String, Object> client = fixture.client(tenant, "PLAIN");
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic("users", 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = Clients.producer(client, Map.of("transactional.id", "tx-1"))) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>("users", tenant.id().value() + "-" + i));
                }
                producer.commitTransaction();
            }
            try (KafkaConsumer<String, String> consumer = Clients.consumer(client, Map.of("group.id", "billing"))) {
                consumer.subscribe(List.of("users"));
                Clients.poll(consumer, 20, Duration.ofSeconds(60));
                consumer.commitSync(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void tenantsWithIdenticalNamesSeeOnlyTheirOwnRecordsGroupsAndTransactions() throws Exception {
        for (Tenant tenant : List.of(victim, twin)) {
            Map<String, Object> client = fixture.client(tenant, "PLAIN");
            try (KafkaConsumer<String, String> consumer = Clients.consumer(client, Map.of("group.id", "readers-" + tenant.key()))) {
                consumer.subscribe(List.of("users"));
                List<ConsumerRecord<String, String>> records = Clients.poll(consumer, 20, Duration.ofSeconds(60));
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
                assertThat(records).hasSize(20).allMatch(r -> r.value().startsWith(tenant.id().value() + "-"));
            }
            try (Admin admin = Admin.create(client)) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("billing")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = Map.of(
                        new TopicPartition("users", 0), org.apache.kafka.clients.admin.OffsetSpec.latest(),
                        new TopicPartition("users", 1), org.apache.kafka.clients.admin.OffsetSpec.latest());
                long ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                        .mapToLong(info -> info.offset()).sum();
                // 20 records plus one commit marker per partition the transaction wrote to.
                assertThat(ends).isBetween(21L, 22L);
                assertThat(offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(ends);
                assertThat(admin.listTransactions().all().get(30, TimeUnit.SECONDS))
                        .extracting(t -> t.transactionalId()).containsExactly("tx-1");
            }
        }
    }

    @Test
    void listingShowsTheHostileTenantNothingOfOthers() throws Exception {
        try (Admin admin = Admin.create(fixture.client(hostile, "PLAIN"))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(admin.listTransactions().all().get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void namesCarryingAnotherTenantsPrefixStayInTheHostileTenantsNamespace() throws Exception {
        String victimsTopic = victim.prefix() + "users";
        try (Admin admin = Admin.create(fixture.client(hostile, "PLAIN"))) {
            assertFailsWithout(admin.describeTopics(List.of(victimsTopic, "__consumer_offsets", "_kondo_tenant_metadata"))
                    .allTopicNames(), UnknownTopicOrPartitionException.class);
            assertFailsWithout(admin.deleteTopics(List.of(victimsTopic)).all(), UnknownTopicOrPartitionException.class);
            // The admin client keeps retrying a topic it cannot find until its timeout: it fails, and learns nothing.
            assertFailsWithout(admin.deleteRecords(Map.of(new TopicPartition(victimsTopic, 0), RecordsToDelete.beforeOffset(5)),
                    new org.apache.kafka.clients.admin.DeleteRecordsOptions().timeoutMs(5_000)).all(),
                    org.apache.kafka.common.errors.TimeoutException.class);
            assertFailsWithout(admin.deleteConsumerGroups(List.of(victim.prefix() + "billing")).all(), GroupIdNotFoundException.class);
            assertThat(admin.listConsumerGroupOffsets(victim.prefix() + "billing").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(admin.describeTransactions(Set.of(victim.prefix() + "tx-1")).all()).failsWithin(Duration.ofSeconds(30));
            assertFailsWithout(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, victimsTopic))).all(),
                    UnknownTopicOrPartitionException.class);
        }
        try (KafkaProducer<String, String> producer = Clients.producer(fixture.client(hostile, "PLAIN"), Map.of("max.block.ms", 5_000))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(victimsTopic, "forged")).get(30, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(hostile.prefix()));
        }
        assertVictimUntouched();
    }

    @Test
    void topicIdsTakenFromTheBackingClusterAreUnknownToTheHostileTenant() throws Exception {
        Uuid victimsId;
        try (Admin backing = fixture.backingAdmin()) {
            victimsId = backing.describeTopics(List.of(victim.prefix() + "users")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(victim.prefix() + "users").topicId();
        }
        try (Admin admin = Admin.create(fixture.client(hostile, "PLAIN"))) {
            assertFailsWithout(admin.describeTopics(TopicCollection.ofTopicIds(List.of(victimsId))).allTopicIds(),
                    UnknownTopicIdException.class);
            assertFailsWithout(admin.deleteTopics(TopicCollection.ofTopicIds(List.of(victimsId))).all(),
                    UnknownTopicIdException.class);
        }
        assertVictimUntouched();
    }

    @Test
    void brokerConfigurationIsNotTheTenantsToSee() throws Exception {
        try (Admin admin = Admin.create(fixture.client(hostile, "PLAIN"))) {
            assertFailsWithout(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1"))).all(),
                    ClusterAuthorizationException.class);
            admin.createTopics(List.of(new NewTopic("mine", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
            // A broker may answer UNKNOWN_TOPIC_OR_PARTITION for a moment after the create: ask until it knows.
            Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs = org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "mine")))
                            .all().get(10, TimeUnit.SECONDS), result -> !result.isEmpty());
            String everything = configs.values().iterator().next().entries().stream()
                    .map(ConfigEntry::toString).reduce("", String::concat);
            assertThat(everything).doesNotContain(victim.id().value()).doesNotContain(twin.id().value());
        }
    }

    private static void assertVictimUntouched() throws Exception {
        try (Admin admin = Admin.create(fixture.client(victim, "PLAIN"))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsExactly("users");
            assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).extracting(g -> g.groupId()).contains("billing");
            Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(Map.of(
                    new TopicPartition("users", 0), org.apache.kafka.clients.admin.OffsetSpec.earliest()))
                    .all().get(30, TimeUnit.SECONDS);
            assertThat(ends.values()).allMatch(info -> info.offset() == 0);
        }
    }

    /**
     * The future fails with {@code type}, and its message shows no backing name: not the hostile
     * tenant's own prefix, and nothing of a tenant it never named. (A name the hostile tenant typed
     * may be echoed back as typed.)
     */
    private static void assertFailsWithout(org.apache.kafka.common.KafkaFuture<?> future, Class<? extends Throwable> type) {
        assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(type)
                .satisfies(e -> assertThat(String.valueOf(e.getCause().getMessage()))
                        .doesNotContain(twin.id().value())
                        .doesNotContain(hostile.id().value() + "_"));
    }
}
