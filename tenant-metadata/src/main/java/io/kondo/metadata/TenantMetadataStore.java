package io.kondo.metadata;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the metadata topic into a {@link TenantMetadata} snapshot and writes changes to it.
 *
 * <p>Writes are acknowledged by all in-sync replicas and return only once this process has read
 * them back, so a caller that writes and then reads sees its write. Concurrent writers in one
 * process are serialized by the caller (the control plane); writers in several processes are
 * ordered by the topic, last write wins.
 *
 * <p>Threading: one follower thread owns the consumer; snapshots are published through a
 * volatile field; listeners run on the follower thread and must not block.
 */
public final class TenantMetadataStore implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "_kondo_tenant_metadata";
    private static final Logger LOG = LoggerFactory.getLogger(TenantMetadataStore.class);

    private final MetadataCodec codec = new MetadataCodec();
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private final List<Consumer<TenantMetadata>> listeners = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private volatile TenantMetadata current = TenantMetadata.EMPTY;
    private volatile long nextOffset;
    private volatile boolean closed;

    private TenantMetadataStore(Map<String, Object> clientProperties, String topic, Duration timeout) {
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerProperties(clientProperties, timeout),
                new StringSerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = new Thread(this::follow, "kondo-metadata-follower");
        this.follower.setDaemon(true);
    }

    /**
     * Opens the store: creates the topic if needed, reads it to its end, then follows it.
     *
     * @throws MetadataUnavailableException when the backing cluster does not answer within {@code timeout}
     */
    public static TenantMetadataStore open(Map<String, Object> clientProperties, String topic, Duration timeout) {
        ensureTopic(clientProperties, topic, timeout);
        TenantMetadataStore store = new TenantMetadataStore(clientProperties, topic, timeout);
        try {
            store.catchUp();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        store.follower.start();
        return store;
    }

    /** The latest snapshot this process has read. */
    public TenantMetadata current() {
        return current;
    }

    /** Calls {@code listener} with every new snapshot, on the follower thread. */
    public void addListener(Consumer<TenantMetadata> listener) {
        listeners.add(listener);
    }

    public void putCluster(LogicalCluster cluster) {
        write(new MetadataRecord.ClusterPut(cluster));
    }

    public void removeCluster(LogicalClusterId id) {
        write(new MetadataRecord.ClusterRemoved(id));
    }

    public void putApiKey(ApiKey apiKey) {
        write(new MetadataRecord.ApiKeyPut(apiKey));
    }

    public void removeApiKey(String key) {
        write(new MetadataRecord.ApiKeyRemoved(key));
    }

    private void write(MetadataRecord record) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                    codec.key(record), codec.value(record))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MetadataUnavailableException("the backing cluster did not take the metadata change in "
                    + timeout.toSeconds() + " s", e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataUnavailableException("interrupted while writing metadata", e);
        }
        awaitApplied(written.offset() + 1, deadline);
    }

    private void awaitApplied(long offset, long deadlineNanos) {
        synchronized (progress) {
            while (nextOffset < offset) {
                long waitNanos = deadlineNanos - System.nanoTime();
                if (waitNanos <= 0 || closed) {
                    throw new MetadataUnavailableException("the metadata change was written but not read back in "
                            + timeout.toSeconds() + " s", null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, waitNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MetadataUnavailableException("interrupted while reading metadata back", e);
                }
            }
        }
    }

    private void catchUp() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end;
        try {
            end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new MetadataUnavailableException("the backing cluster did not answer in " + timeout.toSeconds() + " s", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new MetadataUnavailableException("could not read the metadata topic to its end in "
                        + timeout.toSeconds() + " s", null);
            }
            apply(consumer.poll(Duration.ofMillis(200)));
        }
        markProgress(consumer.position(partition, timeout));
        LOG.info("Tenant metadata loaded: topic={} clusters={} apiKeys={}",
                partition.topic(), current.clusters().size(), current.allApiKeys().size());
    }

    private void follow() {
        try {
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                apply(records);
                markProgress(consumer.position(partition));
            }
        } catch (WakeupException e) {
            if (!closed) {
                LOG.error("Metadata follower woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Metadata follower stopped: this process no longer sees metadata changes", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        TenantMetadata next = current;
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<MetadataRecord> change = decode(record);
            if (change.isPresent()) {
                next = next.apply(change.get());
            }
        }
        current = next;
        for (Consumer<TenantMetadata> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.error("Metadata listener failed", e);
            }
        }
    }

    private Optional<MetadataRecord> decode(ConsumerRecord<String, byte[]> record) {
        try {
            Optional<MetadataRecord> change = record.key() == null ? Optional.empty() : codec.decode(record.key(), record.value());
            if (change.isEmpty()) {
                LOG.warn("Skipping metadata record of unknown kind: key={} offset={}", record.key(), record.offset());
            }
            return change;
        } catch (RuntimeException e) {
            LOG.error("Skipping unreadable metadata record: key={} offset={}", record.key(), record.offset(), e);
            return Optional.empty();
        }
    }

    private void markProgress(long offset) {
        synchronized (progress) {
            nextOffset = offset;
            progress.notifyAll();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (progress) {
            progress.notifyAll();
        }
        producer.close(Duration.ofSeconds(2));
        if (follower.isAlive()) {
            consumer.wakeup();
            try {
                follower.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static void ensureTopic(Map<String, Object> clientProperties, String topic, Duration timeout) {
        try (Admin admin = Admin.create(adminProperties(clientProperties, timeout))) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.min(3, brokers);
            NewTopic newTopic = new NewTopic(topic, 1, replicas).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replicas))));
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created metadata topic: topic={} replicas={}", topic, replicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new MetadataUnavailableException("could not create the metadata topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new MetadataUnavailableException("the backing cluster did not answer in " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataUnavailableException("interrupted while opening the metadata topic", e);
        }
    }

    private static Map<String, Object> adminProperties(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put("client.id", "kondo-metadata-admin");
        props.put("request.timeout.ms", (int) Math.min(timeout.toMillis(), 5_000));
        props.put("default.api.timeout.ms", (int) timeout.toMillis());
        return props;
    }

    private static Map<String, Object> producerProperties(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "kondo-metadata-writer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return props;
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kondo-metadata-follower");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
