package io.kondo.bench.quota;

import io.kondo.gateway.Gateway;
import io.kondo.gateway.quota.QuotaKind;
import io.kondo.gateway.quota.QuotaUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How close one tenant going flat out gets to its quota: a producer against its produce quota, and
 * a consumer reading a backlog against its fetch quota, each measured over a window after a warm-up
 * (the quota's rate is measured over 11 one-second samples, and a new tenant may first take a
 * burst of up to ten seconds of quota).
 */
final class QuotaAccuracy {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaAccuracy.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * One flat-out run against one quota.
     *
     * @param kind           produce or fetch
     * @param quota          the quota, bytes/s
     * @param wireRate       bytes/s the client sent (produce) or received (fetch) over the window,
     *                       requests or responses with their headers: what the quota counts
     * @param payloadRate    record value bytes/s acknowledged (produce) or read (fetch) over the window
     * @param gatewayRate    the gateway's own measured rate at the end of the window (over its 11 s)
     * @param throttleMs     throttle time the gateway asked of the tenant during the window
     * @param failures       records that failed
     * @param backlogLeft    for fetch: records not yet read at the end (must be more than 0), else 0
     */
    record Result(QuotaKind kind, long quota, double wireRate, double payloadRate, double gatewayRate, long throttleMs,
                  long failures, long backlogLeft) {

        double ratio() {
            return wireRate / quota;
        }

        boolean withinFivePercent() {
            return Math.abs(ratio() - 1) <= 0.05;
        }
    }

    private final Gateway gateway;
    private final Duration warmUp;
    private final Duration measured;
    private final int recordBytes;

    QuotaAccuracy(Gateway gateway, Duration warmUp, Duration measured, int recordBytes) {
        this.gateway = gateway;
        this.warmUp = warmUp;
        this.measured = measured;
        this.recordBytes = recordBytes;
    }

    Result produce(BenchTenant tenant, String topic, long quota) throws Exception {
        Map<String, Object> properties = ClientProfiles.throttledProducer(tenant.client(gateway.bootstrapPort()),
                "accuracy-producer");
        try (ProduceLoad load = new ProduceLoad("accuracy", properties, topic, recordBytes, 0).start()) {
            ProduceLoad.sleep(warmUp);
            double wireBefore = load.bytesSent();
            long ackedBefore = load.ackedBytes();
            long throttleBefore = throttleMs(tenant, QuotaKind.PRODUCE);
            ProduceLoad.sleep(measured);
            double seconds = measured.toNanos() / 1e9;
            double wire = (load.bytesSent() - wireBefore) / seconds;
            double payload = (load.ackedBytes() - ackedBefore) / seconds;
            QuotaUsage usage = usage(tenant);
            Result result = new Result(QuotaKind.PRODUCE, quota, wire, payload, usage.produceBytesPerSecond(),
                    usage.throttleTimeMs(QuotaKind.PRODUCE) - throttleBefore, load.failures(), 0);
            LOG.info("Produce accuracy: {}", result);
            return result;
        }
    }

    /**
     * Fills {@code backingTopic} (the tenant's {@code topic}) with {@code backlogBytes} through the
     * backing cluster directly, then reads it flat out through the gateway.
     */
    Result fetch(BenchTenant tenant, String topic, long quota, Map<String, Object> superuser, long backlogBytes)
            throws Exception {
        long records = fill(superuser, tenant.backingTopic(topic), backlogBytes);
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<String, Object> properties = ClientProfiles.consumer(tenant.client(gateway.bootstrapPort()), "accuracy-consumer");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long start = System.nanoTime();
            long from = start + warmUp.toNanos();
            long to = from + measured.toNanos();
            long read = 0;
            long readRecords = 0;
            long payloadAtFrom = -1;
            double wireAtFrom = 0;
            long throttleAtFrom = 0;
            long payloadAtTo = -1;
            double wireAtTo = 0;
            while (payloadAtTo < 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    read += record.serializedValueSize();
                    readRecords++;
                }
                long now = System.nanoTime();
                if (payloadAtFrom < 0 && now >= from) {
                    payloadAtFrom = read;
                    wireAtFrom = ClientMetrics.consumerBytesReceived(consumer.metrics());
                    throttleAtFrom = throttleMs(tenant, QuotaKind.FETCH);
                    from = now;
                }
                if (payloadAtFrom >= 0 && now >= to) {
                    payloadAtTo = read;
                    wireAtTo = ClientMetrics.consumerBytesReceived(consumer.metrics());
                    to = now;
                }
            }
            double seconds = (to - from) / 1e9;
            QuotaUsage usage = usage(tenant);
            Result result = new Result(QuotaKind.FETCH, quota, (wireAtTo - wireAtFrom) / seconds,
                    (payloadAtTo - payloadAtFrom) / seconds, usage.fetchBytesPerSecond(),
                    usage.throttleTimeMs(QuotaKind.FETCH) - throttleAtFrom, 0, records - readRecords);
            LOG.info("Fetch accuracy: {}", result);
            if (result.backlogLeft() <= 0) {
                throw new IllegalStateException("the consumer read the whole backlog of " + records
                        + " records before the window ended: make the backlog larger");
            }
            return result;
        }
    }

    private long fill(Map<String, Object> superuser, String backingTopic, long bytes) {
        byte[] value = new byte[recordBytes];
        new Random(recordBytes).nextBytes(value);
        long records = Math.max(1, bytes / recordBytes);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientProfiles.fillingProducer(superuser))) {
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(backingTopic, value), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " backlog records could not be written to " + backingTopic);
        }
        LOG.info("Backlog written: topic={} records={} bytes={}", backingTopic, records, records * recordBytes);
        return records;
    }

    private QuotaUsage usage(BenchTenant tenant) {
        return gateway.quotaUsage(tenant.id()).orElseThrow(() ->
                new IllegalStateException("the gateway has no quota figures for " + tenant.id()));
    }

    private long throttleMs(BenchTenant tenant, QuotaKind kind) {
        return usage(tenant).throttleTimeMs(kind);
    }
}
