package io.kondo.simulator;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated producer: sends at its share of the tenant's rate, over the tenant's partitions in
 * turn (about 10 ms of messages to each), each message numbered per partition. Sends are never retried by the simulator (the
 * idempotent producer retries internally); a failed send is an error, not a loss. A producer that
 * fails fatally is replaced by a new one that continues the numbering.
 */
final class TenantProducer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TenantProducer.class);
    /**
     * Messages go to one partition for about this long before moving to the next, as Kafka's own
     * sticky partitioner does: batches stay full at high rates, and slow producers still spread
     * over every partition.
     */
    private static final double STICK_SECONDS = 0.01;

    private final SimulatedTenant tenant;
    private final int index;
    private final List<TopicPartition> partitions;
    private final long[] nextSequence;
    private final SplittableRandom sizes;
    private final Pacer pacer = new Pacer();
    private volatile KafkaProducer<byte[], byte[]> producer;
    private int cursor;
    private int sentToSlot;
    private int stick = 1;

    TenantProducer(SimulatedTenant tenant, int index, List<TopicPartition> partitions) {
        this.tenant = tenant;
        this.index = index;
        this.partitions = partitions;
        this.nextSequence = new long[partitions.size()];
        this.sizes = new SplittableRandom(tenant.spec().seed() + index);
        this.cursor = index;
    }

    @Override
    public void run() {
        producer = create();
        try {
            warmUp();
            while (tenant.sending()) {
                Ticker ticker = tenant.ticker();
                double rate = tenant.rateNow() / tenant.spec().producers();
                stick = (int) Math.max(1, Math.min(1_000, rate * STICK_SECONDS));
                int due = pacer.due(ticker.nanos(), rate);
                for (int i = 0; i < due && tenant.sending(); i++) {
                    if (!tenant.budget().take()) {
                        tenant.budgetSpent();
                        break;
                    }
                    send();
                }
                LockSupport.parkNanos(pacer.nanosUntilNext(rate));
            }
            producer.flush();
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }

    /** Fetches the topics' metadata before the first message, so its latency is not the client's start-up. */
    private void warmUp() {
        for (String topic : tenant.topics()) {
            try {
                producer.partitionsFor(topic);
            } catch (KafkaException e) {
                tenant.stats().sendFailed(e);
            }
        }
    }

    /** The live client, for its metrics (throttle time). */
    KafkaProducer<byte[], byte[]> client() {
        return producer;
    }

    private void send() {
        if (++sentToSlot > stick) {
            cursor++;
            sentToSlot = 1;
        }
        int slot = Math.floorMod(cursor, partitions.size());
        TopicPartition partition = partitions.get(slot);
        long sequence = nextSequence[slot]++;
        int size = tenant.spec().size().draw(sizes);
        long sentNanos = tenant.ticker().nanos();
        byte[] value = new MessageHeader(tenant.runTag(), tenant.spec().index(), index, sequence, sentNanos)
                .encode(size, tenant.filler());
        try {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), null, value), (metadata, error) -> {
                if (error == null) {
                    tenant.ledger().acked(partition, index, sequence);
                    tenant.stats().acked(value.length, tenant.ticker().nanos() - sentNanos);
                } else {
                    tenant.stats().sendFailed(error);
                }
            });
            tenant.stats().sent();
        } catch (TimeoutException e) {
            tenant.stats().sendFailed(e);
        } catch (InterruptException e) {
            throw e;
        } catch (KafkaException | IllegalStateException e) {
            tenant.stats().sendFailed(e);
            LOG.warn("Replacing a failed producer: tenant={} producer={} reason={}", tenant.account().id(), index, e.toString());
            producer.close(Duration.ZERO);
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            producer = create();
        }
    }

    private KafkaProducer<byte[], byte[]> create() {
        return new KafkaProducer<>(tenant.clients().producer(tenant.account().name() + "-p" + index),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
