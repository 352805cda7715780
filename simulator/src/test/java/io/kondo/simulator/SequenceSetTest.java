package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceSetTest {

    @Test
    void addsEachNumberOnce() {
        SequenceSet set = new SequenceSet();
        assertThat(set.add(0)).isTrue();
        assertThat(set.add(2)).isTrue();
        assertThat(set.add(2)).isFalse();
        assertThat(set.contains(1)).isFalse();
        assertThat(set.contains(2)).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void remembersNumbersBelowTheWindowAfterItSlides() {
        SequenceSet set = new SequenceSet();
        for (long s = 0; s < 100_000; s++) {
            set.add(s);
        }
        assertThat(set.add(5)).isFalse();
        assertThat(set.contains(99_999)).isTrue();
        assertThat(set.contains(100_000)).isFalse();
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void countsWhatIsMissingFromAnotherSet() {
        SequenceSet acked = new SequenceSet();
        SequenceSet consumed = new SequenceSet();
        for (long s = 0; s < 10_000; s++) {
            acked.add(s);
            if (s != 17 && s != 9_000) {
                consumed.add(s);
            }
        }
        assertThat(acked.countMissingFrom(consumed)).isEqualTo(2);
        assertThat(consumed.countMissingFrom(acked)).isZero();
    }

    @Test
    void countsEverythingMissingWhenTheOtherSetIsEmpty() {
        SequenceSet acked = new SequenceSet();
        for (long s = 0; s < 5_000; s++) {
            acked.add(s);
        }
        assertThat(acked.countMissingFrom(new SequenceSet())).isEqualTo(5_000);
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> new SequenceSet().add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
