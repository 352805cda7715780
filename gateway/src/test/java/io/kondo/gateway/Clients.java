package io.kondo.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real Kafka clients for tests, built from a base of client settings. */
final class Clients {

    private Clients() {
    }

    /**
     * For producers that are throttled: a small buffer, so that a record waits seconds rather than
     * the minutes 32 MiB would take at a quota of a few hundred KiB/s (past the delivery timeout),
     * and the default 16 KiB batches, so that one request is a fraction of a second of quota.
     */
    static final Map<String, Object> THROTTLED_PRODUCER = Map.of("linger.ms", 5, "acks", "all", "buffer.memory", 512 * 1024);

    /**
     * Writes one record to each partition of a topic just created, one at a time, so that a
     * producer with many batches in flight does not meet a broker that has not yet applied the new
     * partitions. (A broker may then refuse an idempotent producer's first batch yet accept its
     * second, after which the first is refused as out of order until it expires: KAFKA-15591.)
     */
    static void primePartitions(Map<String, Object> client, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(client, Map.of())) {
            for (org.apache.kafka.common.PartitionInfo partition : producer.partitionsFor(topic)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, partition.partition(), null,
                        "prime")).get();
            }
        }
    }

    static KafkaProducer<String, String> producer(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(base);
        props.put("acks", "all");
        props.put("linger.ms", 5);
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(base);
        props.put("auto.offset.reset", "earliest");
        props.putAll(extra);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} records arrived or {@code timeout} passed; returns what arrived. */
    static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
