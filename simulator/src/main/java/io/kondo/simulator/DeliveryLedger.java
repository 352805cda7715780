package io.kondo.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What one tenant's producers had acknowledged and what its consumers read, per partition and
 * producer, and the verdict on each consumed message. Safe for concurrent use (producer callbacks
 * and consumer threads); each partition is guarded by its own lock.
 *
 * <p>Definitions, per partition and producer:
 * <ul>
 *   <li>re-delivered: read again at an offset the tenant's consumers had already read (a group
 *       rebalance or a restart from the committed offset). Not a fault of the log; counted apart.</li>
 *   <li>duplicated: the same sequence found again at a new offset (it was written twice);</li>
 *   <li>out of order: a sequence lower than one already read from that producer and partition, and
 *       not a duplicate;</li>
 *   <li>lost: acknowledged to the producer but never read (judged after the drain).</li>
 * </ul>
 */
final class DeliveryLedger {

    /** What a consumed message turned out to be. */
    enum Verdict { NEW, DUPLICATE, OUT_OF_ORDER, REDELIVERED }

    /** Totals over every partition and producer. */
    record Counts(long acked, long consumedUnique, long lost, long duplicated, long outOfOrder, long redelivered,
                  long deliveredUnacked) {
    }

    private final Map<TopicPartition, PartitionLedger> partitions = new ConcurrentHashMap<>();

    void acked(TopicPartition partition, int producer, long sequence) {
        PartitionLedger ledger = partition(partition);
        synchronized (ledger) {
            ledger.stream(producer).acked.add(sequence);
        }
    }

    Verdict consumed(TopicPartition partition, long offset, int producer, long sequence) {
        PartitionLedger ledger = partition(partition);
        synchronized (ledger) {
            if (offset < ledger.nextOffset) {
                ledger.redelivered++;
                return Verdict.REDELIVERED;
            }
            ledger.nextOffset = offset + 1;
            Stream stream = ledger.stream(producer);
            if (!stream.consumed.add(sequence)) {
                ledger.duplicated++;
                return Verdict.DUPLICATE;
            }
            if (sequence < stream.highestConsumed) {
                ledger.outOfOrder++;
                return Verdict.OUT_OF_ORDER;
            }
            stream.highestConsumed = sequence;
            return Verdict.NEW;
        }
    }

    /** Acknowledged messages not read yet (lost, once the drain is over). */
    long unread() {
        long unread = 0;
        for (PartitionLedger ledger : partitions.values()) {
            synchronized (ledger) {
                for (Stream stream : ledger.streams.values()) {
                    unread += stream.acked.countMissingFrom(stream.consumed);
                }
            }
        }
        return unread;
    }

    Counts counts() {
        long acked = 0;
        long consumed = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long redelivered = 0;
        long unacked = 0;
        for (PartitionLedger ledger : partitions.values()) {
            synchronized (ledger) {
                duplicated += ledger.duplicated;
                outOfOrder += ledger.outOfOrder;
                redelivered += ledger.redelivered;
                for (Stream stream : ledger.streams.values()) {
                    acked += stream.acked.size();
                    consumed += stream.consumed.size();
                    lost += stream.acked.countMissingFrom(stream.consumed);
                    unacked += stream.consumed.countMissingFrom(stream.acked);
                }
            }
        }
        return new Counts(acked, consumed, lost, duplicated, outOfOrder, redelivered, unacked);
    }

    private PartitionLedger partition(TopicPartition partition) {
        return partitions.computeIfAbsent(partition, p -> new PartitionLedger());
    }

    private static final class PartitionLedger {
        final Map<Integer, Stream> streams = new HashMap<>();
        long nextOffset;
        long duplicated;
        long outOfOrder;
        long redelivered;

        Stream stream(int producer) {
            return streams.computeIfAbsent(producer, p -> new Stream());
        }
    }

    private static final class Stream {
        final SequenceSet acked = new SequenceSet();
        final SequenceSet consumed = new SequenceSet();
        long highestConsumed = -1;
    }
}
