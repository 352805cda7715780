package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kondo.gateway.GatewayFixture.Tenant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An unmodified Kafka Streams app, exactly-once, with a repartition and a changelog, as one tenant through the gateway. */
@ExtendWith(SharedGateway.class)
class KafkaStreamsIT {

    private static final String APPLICATION_ID = "word-count";
    private static final String STORE = "counts";
    private static final String REPARTITION = APPLICATION_ID + "-" + STORE + "-repartition";
    private static final String CHANGELOG = APPLICATION_ID + "-" + STORE + "-changelog";
    private static final List<String> WORDS = List.of("kafka", "tenant", "gateway", "prefix", "stream", "count", "topic");
    private static final int RECORDS = 500;

    @TempDir
    static Path stateDir;
    static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
    }

    @Test
    void anExactlyOnceStreamsAppCountsExactlyThroughItsRepartitionAndChangelogTopics() throws Exception {
        Tenant tenant = fixture.tenant("streams");
        Map<String, Object> client = fixture.client(tenant, "SCRAM-SHA-256");
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic("words", 3, (short) 3), new NewTopic("word-counts", 3, (short) 3)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Long> expected = new TreeMap<>();
        try (KafkaProducer<String, String> producer = Clients.producer(client, Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                String word = WORDS.get((i * i + i / 3) % WORDS.size());
                expected.merge(word, 1L, Long::sum);
                producer.send(new ProducerRecord<>("words", "user-" + (i % 11), word));
            }
            producer.flush();
        }

        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams streams = new KafkaStreams(wordCount(), streamsConfig(client))) {
            streams.setUncaughtExceptionHandler(e -> {
                failure.set(e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.start();
            List<ConsumerRecord<String, Long>> updates = readCountsUntil(client, expected, failure);

            assertThat(latest(updates)).as("latest committed count per word").isEqualTo(expected);
            Map<String, List<Long>> perWord = updates.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    TreeMap::new, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
            assertThat(perWord).allSatisfy((word, counts) -> assertThat(counts).as("updates of '%s'", word)
                    .isSorted().doesNotHaveDuplicates());
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            streams.close(Duration.ofSeconds(30));
        }

        try (Admin admin = Admin.create(client); Admin backing = fixture.backingAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrder("words", "word-counts", REPARTITION, CHANGELOG);
            assertThat(backing.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains(tenant.prefix() + REPARTITION, tenant.prefix() + CHANGELOG)
                    .doesNotContain(REPARTITION, CHANGELOG);
            ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC, tenant.prefix() + CHANGELOG);
            assertThat(backing.describeConfigs(List.of(changelog)).all().get(30, TimeUnit.SECONDS).get(changelog)
                    .get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(backing.describeTopics(List.of(tenant.prefix() + REPARTITION)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(tenant.prefix() + REPARTITION).partitions()).hasSize(3)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
        }
    }

    /** Each user's word re-keyed by the word (the repartition) and counted in a store (the changelog). */
    private static Topology wordCount() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
                .groupBy((user, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.as(STORE))
                .toStream()
                .to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private static Properties streamsConfig(Map<String, Object> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }

    /**
     * Every committed update of the counts, read until the latest per word equals {@code expected}
     * and then for one more second (a duplicate would show as a count past the expected one).
     */
    private static List<ConsumerRecord<String, Long>> readCountsUntil(Map<String, Object> client, Map<String, Long> expected,
                                                                      AtomicReference<Throwable> failure) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("group.id", "count-reader");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, Long>> updates = new ArrayList<>();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new LongDeserializer())) {
            consumer.subscribe(List.of("word-counts"));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(failure.get()).as("the Streams app's failure").isNull();
                consumer.poll(Duration.ofMillis(200)).forEach(updates::add);
                assertThat(latest(updates)).isEqualTo(expected);
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(updates::add);
        }
        return updates;
    }

    private static Map<String, Long> latest(List<ConsumerRecord<String, Long>> updates) {
        Map<String, Long> latest = new TreeMap<>();
        updates.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }
}
