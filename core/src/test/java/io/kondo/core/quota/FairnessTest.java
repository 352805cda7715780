package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FairnessTest {

    @Test
    void equalAllocationsArePerfectlyFair() {
        assertThat(Fairness.jainIndex(3, 3, 3, 3)).isEqualTo(1.0);
    }

    @Test
    void oneTenantTakingEverythingScoresOneOverN() {
        assertThat(Fairness.jainIndex(10, 0, 0, 0)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void halfTheTenantsServedScoresOneHalf() {
        assertThat(Fairness.jainIndex(1, 1, 0, 0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void indexDoesNotDependOnTheUnit() {
        assertThat(Fairness.jainIndex(1, 2, 3)).isCloseTo(Fairness.jainIndex(1000, 2000, 3000), within(1e-12));
        assertThat(Fairness.jainIndex(1, 2, 3)).isCloseTo(36.0 / 42.0, within(1e-12));
    }

    @Test
    void aSingleTenantIsAlwaysFairlyServed() {
        assertThat(Fairness.jainIndex(0.4)).isEqualTo(1.0);
    }

    @Test
    void nobodyGettingAnythingIsNotUnfair() {
        assertThat(Fairness.jainIndex(0, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void refusesNoAllocationsAndNegativeOrNonFiniteOnes() {
        assertThatThrownBy(Fairness::jainIndex).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> Fairness.jainIndex(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allocation 1");
        assertThatThrownBy(() -> Fairness.jainIndex(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fairness.jainIndex(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
