package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.simulator.DeliveryLedger.Verdict;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private final TopicPartition p0 = new TopicPartition("sim-events-0", 0);
    private final DeliveryLedger ledger = new DeliveryLedger();

    @Test
    void inOrderDeliveryOfEveryAcknowledgedMessageIsClean() {
        for (int s = 0; s < 10; s++) {
            ledger.acked(p0, 0, s);
        }
        for (int s = 0; s < 10; s++) {
            assertThat(ledger.consumed(p0, s, 0, s)).isEqualTo(Verdict.NEW);
        }
        assertThat(ledger.counts()).isEqualTo(new DeliveryLedger.Counts(10, 10, 0, 0, 0, 0, 0));
        assertThat(ledger.unread()).isZero();
    }

    @Test
    void acknowledgedButNeverReadIsLost() {
        ledger.acked(p0, 0, 0);
        ledger.acked(p0, 0, 1);
        ledger.consumed(p0, 0, 0, 0);
        assertThat(ledger.unread()).isEqualTo(1);
        assertThat(ledger.counts().lost()).isEqualTo(1);
    }

    @Test
    void theSameSequenceAtANewOffsetIsADuplicate() {
        ledger.acked(p0, 0, 0);
        ledger.consumed(p0, 0, 0, 0);
        assertThat(ledger.consumed(p0, 1, 0, 0)).isEqualTo(Verdict.DUPLICATE);
        assertThat(ledger.counts().duplicated()).isEqualTo(1);
    }

    @Test
    void readingAnOffsetAgainAfterARebalanceIsARedeliveryNotADuplicate() {
        ledger.consumed(p0, 0, 0, 0);
        ledger.consumed(p0, 1, 0, 1);
        assertThat(ledger.consumed(p0, 0, 0, 0)).isEqualTo(Verdict.REDELIVERED);
        DeliveryLedger.Counts counts = ledger.counts();
        assertThat(counts.redelivered()).isEqualTo(1);
        assertThat(counts.duplicated()).isZero();
    }

    @Test
    void aLowerSequenceAfterAHigherOneIsOutOfOrder() {
        ledger.consumed(p0, 0, 0, 0);
        ledger.consumed(p0, 1, 0, 2);
        assertThat(ledger.consumed(p0, 2, 0, 1)).isEqualTo(Verdict.OUT_OF_ORDER);
        assertThat(ledger.counts().outOfOrder()).isEqualTo(1);
    }

    @Test
    void producersAndPartitionsAreJudgedApart() {
        TopicPartition p1 = new TopicPartition("sim-events-0", 1);
        ledger.consumed(p0, 0, 0, 5);
        assertThat(ledger.consumed(p0, 1, 1, 0)).isEqualTo(Verdict.NEW);
        assertThat(ledger.consumed(p1, 0, 0, 0)).isEqualTo(Verdict.NEW);
    }

    @Test
    void aMessageReadAlthoughItsSendFailedIsCountedApart() {
        ledger.consumed(p0, 0, 0, 0);
        assertThat(ledger.counts().deliveredUnacked()).isEqualTo(1);
        assertThat(ledger.counts().lost()).isZero();
    }
}
