package io.kondo.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Many client connections at once with one tenant's key: each a consumer without a group that asks
 * for a topic's partitions (one authenticated connection), all opened as fast as
 * {@value #OPENERS} threads can, held open, then closed.
 */
final class ConnectionStorm {

    static final int OPENERS = 16;

    /** What the storm managed. */
    record Outcome(int attempted, int opened, int failed, Double connectP50Ms, Double connectP99Ms) {
    }

    private ConnectionStorm() {
    }

    /** Opens {@code connections}, waits for {@code hold} (less if {@code end} says the run ends), closes them. */
    static Outcome run(SimulatedTenant tenant, int connections, Duration hold, Awaiter end) throws InterruptedException {
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS, r -> {
            Thread thread = new Thread(r, "sim-storm-" + tenant.account().id());
            thread.setDaemon(true);
            return thread;
        });
        List<KafkaConsumer<byte[], byte[]>> open = new ArrayList<>();
        Histogram connectMicros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        int failed = 0;
        try {
            List<Future<KafkaConsumer<byte[], byte[]>>> attempts = new ArrayList<>();
            String topic = tenant.topics().get(0);
            for (int i = 0; i < connections; i++) {
                String clientId = tenant.account().name() + "-storm-" + i;
                attempts.add(openers.submit(() -> {
                    long started = System.nanoTime();
                    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(tenant.clients().probe(clientId),
                            new ByteArrayDeserializer(), new ByteArrayDeserializer());
                    try {
                        consumer.partitionsFor(topic, Duration.ofSeconds(20));
                    } catch (KafkaException e) {
                        consumer.close(CloseOptions.timeout(Duration.ZERO));
                        throw e;
                    }
                    synchronized (connectMicros) {
                        connectMicros.recordValue(Math.max(1, Math.min(connectMicros.getHighestTrackableValue(),
                                (System.nanoTime() - started) / 1_000)));
                    }
                    return consumer;
                }));
            }
            for (Future<KafkaConsumer<byte[], byte[]>> attempt : attempts) {
                try {
                    open.add(attempt.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    failed++;
                }
            }
            end.await(hold);
        } finally {
            openers.shutdownNow();
            for (KafkaConsumer<byte[], byte[]> consumer : open) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
            }
        }
        LatencySummary connect = LatencySummary.of(connectMicros);
        return new Outcome(connections, open.size(), failed, connect.p50(), connect.p99());
    }

    /** Waits for a while, returning early when the run ends. */
    @FunctionalInterface
    interface Awaiter {
        void await(Duration duration) throws InterruptedException;
    }
}
