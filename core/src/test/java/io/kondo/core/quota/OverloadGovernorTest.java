package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kondo.core.quota.OverloadGovernor.Settings;
import org.junit.jupiter.api.Test;

class OverloadGovernorTest {

    /** Limit in [10, 100]: × 0.8 when over 50 in flight or 200 ms, else + 5; at most once a second. */
    private static final Settings SETTINGS = new Settings(10, 100, 0.8, 5, 1_000, 50, 200);

    private final OverloadGovernor governor = new OverloadGovernor(SETTINGS);

    @Test
    void startsAtTheMaximum() {
        assertThat(governor.limit()).isEqualTo(100);
    }

    @Test
    void lowersTheLimitMultiplicativelyWhileTheUpstreamQueueIsHigh() {
        assertThat(governor.update(0, 80, 50)).isCloseTo(80, within(1e-9));
        assertThat(governor.update(1_000, 80, 50)).isCloseTo(64, within(1e-9));
        assertThat(governor.update(2_000, 80, 50)).isCloseTo(51.2, within(1e-9));
        assertThat(governor.overloaded()).isTrue();
    }

    @Test
    void highLatencyAloneCountsAsOverload() {
        assertThat(governor.update(0, 0, 250)).isCloseTo(80, within(1e-9));
    }

    @Test
    void changesTheLimitAtMostOncePerStepInterval() {
        governor.update(0, 80, 50);

        assertThat(governor.update(500, 80, 50)).isCloseTo(80, within(1e-9));
        assertThat(governor.update(999, 80, 50)).isCloseTo(80, within(1e-9));
        assertThat(governor.update(1_000, 80, 50)).isCloseTo(64, within(1e-9));
    }

    @Test
    void raisesTheLimitAdditivelyBackToTheMaximumOnceTheQueueDrains() {
        governor.update(0, 80, 50);
        governor.update(1_000, 80, 50); // 64

        assertThat(governor.update(2_000, 10, 50)).isCloseTo(69, within(1e-9));
        assertThat(governor.update(3_000, 10, 50)).isCloseTo(74, within(1e-9));
        assertThat(governor.overloaded()).isFalse();
        for (long t = 4_000; t <= 20_000; t += 1_000) {
            governor.update(t, 10, 50);
        }
        assertThat(governor.limit()).isEqualTo(100);
    }

    @Test
    void neverGoesBelowTheMinimumNorAboveTheMaximum() {
        for (long t = 0; t < 100_000; t += 1_000) {
            assertThat(governor.update(t, 1_000, 5_000)).isGreaterThanOrEqualTo(10);
        }
        assertThat(governor.limit()).isEqualTo(10);
        for (long t = 100_000; t < 200_000; t += 1_000) {
            assertThat(governor.update(t, 0, 0)).isLessThanOrEqualTo(100);
        }
        assertThat(governor.limit()).isEqualTo(100);
    }

    @Test
    void refusesADecreaseFactorThatDoesNotDecrease() {
        assertThatThrownBy(() -> new Settings(10, 100, 1.0, 5, 1_000, 50, 200))
                .hasMessageContaining("decrease factor must be in (0, 1)");
    }
}
