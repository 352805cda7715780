package io.kondo.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** One consumer on one route reading a topic from the beginning, without a group, until it has every record. */
final class ConsumerRun {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    private final Endpoint endpoint;

    ConsumerRun(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    ConsumeResult readAll(String topic, long expectedRecords) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position); // offsets looked up before the clock starts
            ProcessCpu.Snapshot cpuStart = ProcessCpu.now();
            long start = System.nanoTime();
            long lastProgress = start;
            long records = 0;
            long bytes = 0;
            while (records < expectedRecords) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                long now = System.nanoTime();
                if (batch.isEmpty() && now - lastProgress > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("the " + endpoint.route().label() + " consumer read " + records
                            + " of " + expectedRecords + " records of " + topic + " and then nothing for " + STALL_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    records++;
                    bytes += record.serializedValueSize();
                }
                lastProgress = batch.isEmpty() ? lastProgress : now;
            }
            long elapsed = System.nanoTime() - start;
            return new ConsumeResult(records, bytes, elapsed, ProcessCpu.now().since(cpuStart));
        }
    }

    private Map<String, Object> consumerProperties() {
        return endpoint.clientProperties(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-consumer-" + endpoint.route().label(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
