package io.kondo.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One producer on one route sending 1 KiB records for a fixed time, either as fast as it can or at a
 * fixed rate, recording each record's send-to-acknowledgement latency.
 */
final class ProducerRun {

    /** Records sent between two looks at the clock when unpaced. */
    private static final int SEND_BURST = 1_000;
    private static final long PACING_PARK_NANOS = 200_000;

    private final Endpoint endpoint;
    private final BenchSetting setting;
    private final Payloads payloads;

    ProducerRun(Endpoint endpoint, BenchSetting setting, Payloads payloads) {
        this.endpoint = endpoint;
        this.setting = setting;
        this.payloads = payloads;
    }

    /** As fast as one producer goes: the producer is saturated (sends block on a full buffer). */
    ProduceResult atFullSpeed(String topic, Duration duration) {
        return run(topic, duration, elapsedNanos -> Long.MAX_VALUE);
    }

    /** At {@code recordsPerSecond}, sent in small bursts every 0.2 ms. */
    ProduceResult atRate(String topic, Duration duration, double recordsPerSecond) {
        return run(topic, duration, elapsedNanos -> (long) (elapsedNanos * recordsPerSecond / 1e9));
    }

    /** How many records may have been sent after {@code elapsedNanos}. */
    private interface Pacing {
        long allowed(long elapsedNanos);
    }

    private ProduceResult run(String topic, Duration duration, Pacing pacing) {
        LatencyRecorder latencies = new LatencyRecorder();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.partitionsFor(topic); // metadata (and the bootstrap connection) before the clock starts
            ProcessCpu.Snapshot cpuStart = ProcessCpu.now();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long sent = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                long allowed = pacing.allowed(now - start);
                if (sent >= allowed) {
                    LockSupport.parkNanos(PACING_PARK_NANOS);
                    continue;
                }
                long burstEnd = Math.min(allowed, sent + SEND_BURST);
                for (; sent < burstEnd; sent++) {
                    long sentAt = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, payloads.get(sent)), (metadata, exception) -> {
                        if (exception == null) {
                            latencies.record(System.nanoTime() - sentAt);
                        } else if (failed.getAndIncrement() == 0) {
                            firstFailure.set(exception);
                        }
                    });
                }
            }
            producer.flush();
            long elapsed = System.nanoTime() - start;
            ProcessCpu.Snapshot cpu = ProcessCpu.now().since(cpuStart);
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " of " + sent + " records failed on the "
                        + endpoint.route().label() + " route", firstFailure.get());
            }
            long records = latencies.count();
            return new ProduceResult(records, records * payloads.recordBytes(), elapsed, cpu, recordsPerRequest(producer),
                    latencies);
        }
    }

    /** The producer's own average of records per produce request: how well it batched on this route. */
    private static double recordsPerRequest(KafkaProducer<?, ?> producer) {
        return producer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("records-per-request-avg") && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElse(Double.NaN);
    }

    private Map<String, Object> producerProperties() {
        return endpoint.clientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-" + endpoint.route().label(),
                ProducerConfig.ACKS_CONFIG, setting.acks(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, setting.acks().equals("all"),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
