package io.kondo.simulator;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** One simulated consumer in the tenant's group: reads every topic of the tenant and checks each message against the ledger. */
final class TenantConsumer implements Runnable {

    private final SimulatedTenant tenant;
    private final int index;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    TenantConsumer(SimulatedTenant tenant, int index) {
        this.tenant = tenant;
        this.index = index;
    }

    @Override
    public void run() {
        consumer = new KafkaConsumer<>(tenant.clients().consumer(tenant.account().name() + "-c" + index, SimulatedTenant.GROUP),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.subscribe(tenant.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    tenant.assigned().removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    tenant.assigned().addAll(partitions);
                }
            });
            while (tenant.consuming()) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                        check(record);
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll up; the loop condition decides.
                } catch (InterruptException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (KafkaException e) {
                    tenant.stats().consumeFailed(e);
                    LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Interrupts a poll in progress so the consumer sees it should stop. */
    void wakeup() {
        KafkaConsumer<byte[], byte[]> live = consumer;
        if (live != null) {
            live.wakeup();
        }
    }

    KafkaConsumer<byte[], byte[]> client() {
        return consumer;
    }

    private void check(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        Optional<MessageHeader> header = MessageHeader.decode(value);
        if (header.isEmpty() || header.get().runTag() != tenant.runTag() || header.get().tenant() != tenant.spec().index()) {
            tenant.stats().foreign.increment();
            return;
        }
        MessageHeader h = header.get();
        DeliveryLedger.Verdict verdict = tenant.ledger().consumed(new TopicPartition(record.topic(), record.partition()),
                record.offset(), h.producer(), h.sequence());
        tenant.stats().consumed(value.length, tenant.ticker().nanos() - h.sentNanos(), verdict == DeliveryLedger.Verdict.NEW
                || verdict == DeliveryLedger.Verdict.OUT_OF_ORDER);
    }
}
