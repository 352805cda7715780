package io.kondo.bench.quota;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka client settings the quota runs use, on top of a tenant's connection settings. */
final class ClientProfiles {

    /** The producers' batch size: Kafka's default, so that one request is a fraction of a second of quota. */
    static final int BATCH_BYTES = 16 * 1024;

    private ClientProfiles() {
    }

    /**
     * A producer that is throttled: {@code acks=all}, idempotent, {@code linger.ms=5}, default 16 KiB
     * batches and a 512 KiB buffer, so a record waits seconds in the buffer rather than the minutes a
     * 32 MiB buffer would take at a quota of about 1 MiB/s (past the delivery timeout).
     */
    static Map<String, Object> throttledProducer(Map<String, Object> connection, String clientId) {
        Map<String, Object> properties = new HashMap<>(connection);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 512 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /**
     * One of the soak's thousand producers: as {@link #throttledProducer} but with a 256 KiB buffer,
     * {@code lingerMs} to gather a tenant's few records per second into one request, sends that wait
     * at most 10 s for metadata or buffer, idle connections closed after 20 s (the bootstrap connection
     * goes early in a session instead of nine minutes in) and no JMX reporter (a thousand producers'
     * MBeans would only add to the heap being watched).
     */
    static Map<String, Object> soakProducer(Map<String, Object> connection, String clientId, int lingerMs) {
        Map<String, Object> properties = throttledProducer(connection, clientId);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, 20_000);
        properties.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        return properties;
    }

    /** A plain producer for the backing cluster's superuser, to fill backlogs fast. */
    static Map<String, Object> fillingProducer(Map<String, Object> connection) {
        Map<String, Object> properties = new HashMap<>(connection);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "quota-bench-fill");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /** A consumer without a group (it assigns partitions itself) that reads from the beginning. */
    static Map<String, Object> consumer(Map<String, Object> connection, String clientId) {
        Map<String, Object> properties = new HashMap<>(connection);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }
}
