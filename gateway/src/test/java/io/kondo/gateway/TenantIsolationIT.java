package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.gateway.GatewayFixture.Tenant;
import io.kondo.protocol.Frames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.FetchMetadata;
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

    /**
     * A fetch session is found by its id alone, and every tenant's upstream connections log in as
     * Kondo, so the broker would serve another tenant's session to whoever names it. A hostile tenant
     * that knew (or guessed) the id of a session holding the victim's partition gets its connection
     * closed and not one byte of the victim's topic.
     */
    @Test
    void aFetchSessionOfAnotherTenantLeaksNothing() throws Exception {
        String backingTopic = victim.prefix() + "users";
        TopicDescription description;
        int partition;
        try (Admin backing = fixture.backingAdmin()) {
            description = backing.describeTopics(List.of(backingTopic)).allTopicNames().get(30, TimeUnit.SECONDS).get(backingTopic);
            // The partition holding records (records without keys may all have gone to one).
            partition = 0;
            long most = -1;
            for (TopicPartitionInfo info : description.partitions()) {
                TopicPartition topicPartition = new TopicPartition(backingTopic, info.partition());
                long end = backing.listOffsets(Map.of(topicPartition, OffsetSpec.latest()))
                        .partitionResult(topicPartition).get(30, TimeUnit.SECONDS).offset();
                if (end > most) {
                    most = end;
                    partition = info.partition();
                }
            }
        }
        Node leader = description.partitions().get(partition).leader();
        String jaas = (String) fixture.kafka.clientProperties().get("sasl.jaas.config");
        Matcher login = Pattern.compile("username=\"([^\"]*)\" password=\"([^\"]*)\"").matcher(jaas);
        assertThat(login.find()).isTrue();

        int sessionId;
        try (RawKafkaConnection kondo = RawKafkaConnection.plain(leader.host(), leader.port(), login.group(1), login.group(2))) {
            kondo.send(fetch(0, FetchMetadata.INITIAL_EPOCH).setTopics(List.of(new FetchRequestData.FetchTopic()
                    .setTopicId(description.topicId()).setPartitions(List.of(new FetchRequestData.FetchPartition()
                            .setPartition(partition).setFetchOffset(0).setPartitionMaxBytes(1 << 20))))), (short) 15);
            FetchResponseData session = (FetchResponseData) Frames.decodeResponse(kondo.readFrame(), ApiKeys.FETCH, (short) 15);
            sessionId = session.sessionId();
            assertThat(sessionId).as("the broker opened a fetch session").isNotZero();
            assertThat(session.responses().get(0).partitions().get(0).records().sizeInBytes())
                    .as("the session's partition holds the victim's records").isPositive();
        }

        int gatewayPort = fixture.bootstrapPort + 1 + fixture.kafka.nodeIds().stream().sorted().toList().indexOf(leader.id());
        byte[] received;
        try (RawKafkaConnection attacker = RawKafkaConnection.plain("127.0.0.1", gatewayPort, hostile.key(), hostile.secret())) {
            attacker.send(fetch(sessionId, 1), (short) 15);
            received = attacker.readUntilClosed();
        }

        String seen = new String(received, StandardCharsets.ISO_8859_1);
        assertThat(seen).doesNotContain(victim.id().value());
        ByteBuffer victimsId = ByteBuffer.allocate(16).putLong(description.topicId().getMostSignificantBits())
                .putLong(description.topicId().getLeastSignificantBits()).flip();
        assertThat(seen).doesNotContain(new String(victimsId.array(), StandardCharsets.ISO_8859_1));
        // At most the response's head (length, correlation id, throttle, error, session id: under 32 bytes)
        // can have gone out before the victim's topic was read and the connection closed.
        assertThat(received.length).as("bytes before the connection closed").isLessThan(32);
        assertVictimUntouched();
    }

    private static FetchRequestData fetch(int sessionId, int epoch) {
        return new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20)
                .setSessionId(sessionId).setSessionEpoch(epoch);
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
