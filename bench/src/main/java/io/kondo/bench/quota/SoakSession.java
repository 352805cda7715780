package io.kondo.bench.quota;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One connected period of a soak tenant: its producer, the bytes it has sent but not had
 * acknowledged, and the pacing credit the driver keeps for it. The credit is touched only by the
 * driver thread; the unacknowledged count also by the producer's callbacks.
 */
final class SoakSession {

    private final SoakTenant tenant;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final long openedNanos = System.nanoTime();
    private final AtomicLong unacked = new AtomicLong();
    private volatile boolean closing;
    private double credit;

    private SoakSession(SoakTenant tenant, KafkaProducer<byte[], byte[]> producer, String topic) {
        this.tenant = tenant;
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Opens the tenant's producer and waits for its topic's metadata (at most the producer's
     * {@code max.block.ms}, a few times over).
     */
    static SoakSession open(SoakTenant tenant, Map<String, Object> properties, String topic, int attempts) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    producer.partitionsFor(topic);
                    break;
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        tenant.sessions.incrementAndGet();
        return new SoakSession(tenant, producer, topic);
    }

    SoakTenant tenant() {
        return tenant;
    }

    long openedNanos() {
        return openedNanos;
    }

    /**
     * Adds {@code bytes} of demand and sends whole records of it while the tenant has less than
     * {@code unackedCap} bytes unacknowledged; what does not fit is counted as held back. Driver thread only.
     */
    void offer(double bytes, byte[] value, long unackedCap) {
        credit += bytes;
        while (credit >= value.length) {
            credit -= value.length;
            if (unacked.get() + value.length > unackedCap) {
                tenant.heldBackBytes.addAndGet(value.length);
                continue;
            }
            unacked.addAndGet(value.length);
            try {
                producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> acknowledged(value.length, error));
            } catch (RuntimeException e) {
                acknowledged(value.length, e);
            }
        }
    }

    private void acknowledged(int bytes, Exception error) {
        unacked.addAndGet(-bytes);
        if (error == null) {
            tenant.ackedBytes.addAndGet(bytes);
        } else if (closing) {
            tenant.abortedAtClose.incrementAndGet();
        } else {
            tenant.failedRecords.incrementAndGet();
        }
    }

    /** Connections the producer has open now (its {@code connection-count}), 0 if it cannot say. */
    int connectionCount() {
        double count = ClientMetrics.value(producer.metrics(), "producer-metrics", "connection-count");
        return Double.isNaN(count) ? 0 : (int) count;
    }

    /** Closes the producer, giving buffered records {@code timeout} to go; records cut off count as aborted at close. */
    void close(Duration timeout) {
        closing = true;
        producer.close(timeout);
    }
}
