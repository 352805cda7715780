package io.kondo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Against a real 3-node cluster: one shared instance, except where a test needs its own data directory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaClusterIT {

    private static final Duration CLIENT_WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path sharedDataDir;

    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(sharedDataDir));
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void producesAndConsumesWithTheInternalSuperuser() throws Exception {
        String topic = createDurableTopic(cluster, "round-trip");

        produce(cluster, topic, List.of("a", "b", "c"));

        assertThat(consumeAll(cluster, topic, 3)).containsExactly("a", "b", "c");
    }

    @Test
    void refusesAWrongPassword() {
        Map<String, Object> wrong = cluster.clientProperties();
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"kondo\" password=\"not-the-secret\";");
        wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);

        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void keepsServingWhileOneNodeIsStoppedCleanly() throws Exception {
        String topic = createDurableTopic(cluster, "clean-stop");

        cluster.stopNode(3);
        assertThat(cluster.isRunning(3)).isFalse();
        produce(cluster, topic, List.of("while-3-is-down"));

        cluster.startNode(3);
        assertThat(cluster.isRunning(3)).isTrue();
        assertThat(describedNodeIds(cluster)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(consumeAll(cluster, topic, 1)).containsExactly("while-3-is-down");
    }

    @Test
    void survivesAHardKilledNode() throws Exception {
        String topic = createDurableTopic(cluster, "hard-kill");
        ProcessHandle node2 = childProcessOf(2);

        cluster.killNode(2);
        assertThat(node2.isAlive()).isFalse();
        assertThat(cluster.isRunning(2)).isFalse();
        produce(cluster, topic, List.of("while-2-is-dead"));

        cluster.startNode(2);
        assertThat(describedNodeIds(cluster)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(consumeAll(cluster, topic, 1)).containsExactly("while-2-is-dead");
    }

    @Test
    void dataSurvivesARestartOfTheWholeCluster(@TempDir Path ownDataDir) throws Exception {
        EmbeddedClusterConfig config = EmbeddedClusterConfig.ephemeralPorts(ownDataDir);
        String clusterId;
        String topic;
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.start(config)) {
            clusterId = first.clusterId();
            topic = createDurableTopic(first, "survivor");
            produce(first, topic, List.of("kept-1", "kept-2"));
        }

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.start(config)) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            try (Admin admin = Admin.create(second.clientProperties())) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
            }
            assertThat(consumeAll(second, topic, 2)).containsExactly("kept-1", "kept-2");
        }
    }

    /** Closes the shared cluster, so it runs last. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noChildProcessOutlivesClose() {
        List<ProcessHandle> children = cluster.nodeIds().stream().map(EmbeddedKafkaClusterIT::childProcessOf).toList();
        assertThat(children).hasSize(3).allMatch(ProcessHandle::isAlive);

        cluster.close();

        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(cluster.nodeIds()).noneMatch(cluster::isRunning);
    }

    /** The child JVM of a node of the shared cluster, found by its command line. */
    private static ProcessHandle childProcessOf(int nodeId) {
        String nodeProperties = sharedDataDir.resolve("node-" + nodeId).resolve("node.properties").toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).contains(nodeProperties))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no child JVM for node " + nodeId));
    }

    private static String createDurableTopic(EmbeddedKafkaCluster target, String prefix) throws Exception {
        String topic = prefix + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(target.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3)
                            .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static void produce(EmbeddedKafkaCluster target, String topic, List<String> values) throws Exception {
        Map<String, Object> config = target.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CLIENT_WAIT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                // One partition keeps the order assertions simple.
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get(CLIENT_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaCluster target, String topic, int expected) {
        Map<String, Object> config = target.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(CLIENT_WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static Set<Integer> describedNodeIds(EmbeddedKafkaCluster target) throws Exception {
        try (Admin admin = Admin.create(target.clientProperties())) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)
                    .stream().map(Node::id).collect(Collectors.toSet());
        }
    }
}
