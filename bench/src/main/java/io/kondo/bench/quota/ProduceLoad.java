package io.kondo.bench.quota;

import io.kondo.bench.LatencyRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One producer on its own thread sending records of a fixed size to one topic, flat out (sends block
 * on its full buffer) or paced at a number of records per second, until stopped. It counts the
 * payload bytes acknowledged; callers read the counters at the edges of the window they measure.
 * When {@link #latencies} is given samples, each record sent meanwhile records its send-to-ack latency there.
 */
final class ProduceLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProduceLoad.class);
    private static final long PACING_PARK_NANOS = 500_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Map<String, Object> properties;
    private final String topic;
    private final byte[] value;
    private final double recordsPerSecond;
    private final AtomicLong ackedBytes = new AtomicLong();
    private final AtomicLong attemptedBytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicReference<Exception> crashed = new AtomicReference<>();
    private final Thread thread;
    private volatile KafkaProducer<byte[], byte[]> producer;
    private volatile LatencyRecorder latencies;
    private volatile boolean ready;
    private volatile boolean running = true;

    /**
     * @param recordsPerSecond the pace, or 0 (or less) for flat out
     */
    ProduceLoad(String name, Map<String, Object> properties, String topic, int recordBytes, double recordsPerSecond) {
        this.name = name;
        this.properties = Map.copyOf(properties);
        this.topic = topic;
        this.value = new byte[recordBytes];
        new Random(recordBytes).nextBytes(value);
        this.recordsPerSecond = recordsPerSecond;
        this.thread = new Thread(this::run, "produce-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts the thread and returns once the producer has the topic's metadata. */
    ProduceLoad start() throws InterruptedException {
        thread.start();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (producer == null || !ready) {
            if (crashed.get() != null) {
                throw new IllegalStateException("producer " + name + " did not start", crashed.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("producer " + name + " did not get its metadata within " + STOP_TIMEOUT);
            }
            Thread.sleep(20);
        }
        return this;
    }

    private void run() {
        try (KafkaProducer<byte[], byte[]> opened = new KafkaProducer<>(properties)) {
            producer = opened;
            opened.partitionsFor(topic);
            ready = true;
            long start = System.nanoTime();
            long sent = 0;
            while (running) {
                if (recordsPerSecond > 0) {
                    long due = (long) ((System.nanoTime() - start) * recordsPerSecond / 1e9);
                    if (sent >= due) {
                        LockSupport.parkNanos(PACING_PARK_NANOS);
                        continue;
                    }
                }
                send(opened);
                sent++;
            }
            opened.close(CLOSE_TIMEOUT);
        } catch (Exception e) {
            crashed.set(e);
            LOG.error("Producer {} stopped: {}", name, e.toString());
        }
    }

    private void send(KafkaProducer<byte[], byte[]> opened) {
        LatencyRecorder window = latencies;
        long sentAt = System.nanoTime();
        attemptedBytes.addAndGet(value.length);
        opened.send(new ProducerRecord<>(topic, value), (metadata, exception) -> {
            if (exception != null) {
                if (failures.getAndIncrement() == 0) {
                    firstFailure.set(exception);
                }
                return;
            }
            ackedBytes.addAndGet(value.length);
            if (window != null) {
                window.record(System.nanoTime() - sentAt);
            }
        });
    }

    /** Records sent from now on record their latencies into {@code samples} (null: none). */
    void latencies(LatencyRecorder samples) {
        this.latencies = samples;
    }

    /** Payload bytes acknowledged so far. */
    long ackedBytes() {
        return ackedBytes.get();
    }

    /** Payload bytes handed to {@code send()} so far. */
    long attemptedBytes() {
        return attemptedBytes.get();
    }

    /** Bytes the producer has sent to the gateway so far: its requests, headers included. */
    double bytesSent() {
        KafkaProducer<byte[], byte[]> opened = producer;
        return opened == null ? 0 : ClientMetrics.producerBytesSent(opened.metrics());
    }

    long failures() {
        return failures.get();
    }

    /**
     * Stops sending and waits for the producer to close (records still buffered are sent first).
     * Records that failed are left to {@link #failures()}; a producer that failed as a whole throws.
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("producer " + name + " did not stop within " + STOP_TIMEOUT);
        }
        if (crashed.get() != null) {
            throw new IllegalStateException("producer " + name + " failed", crashed.get());
        }
        if (failures.get() > 0) {
            LOG.warn("Records failed: producer={} count={} first={}", name, failures.get(),
                    String.valueOf(firstFailure.get()));
        }
    }

    static void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
