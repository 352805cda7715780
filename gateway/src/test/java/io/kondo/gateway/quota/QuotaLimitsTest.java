package io.kondo.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.core.plan.PlanLimits;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QuotaLimitsTest {

    @Test
    void aPlansLimitsBecomeTheTenantsQuotas() {
        PlanLimits plan = new PlanLimits(1_000, 2_000, 1L << 30, 100, 50, 10, 25.0, 5, 1_048_576);
        assertThat(QuotaLimits.of(plan))
                .isEqualTo(new QuotaLimits(1_000, 2_000, 25.0, 5, 50, 10, OptionalLong.empty()));
    }

    @Test
    void theProduceCapAppliesOnlyWhenLower() {
        QuotaLimits limits = new QuotaLimits(1_000, 2_000, 25.0, 5, 50, 10, OptionalLong.empty());
        assertThat(limits.effectiveProduceBytesPerSecond()).isEqualTo(1_000);
        assertThat(limits.withProduceCap(100).effectiveProduceBytesPerSecond()).isEqualTo(100);
        assertThat(limits.withProduceCap(100).withoutProduceCap()).isEqualTo(limits);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new QuotaLimits(0, 2_000, 25.0, 5, 50, 10, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("produce bytes per second must be positive, got 0");
        assertThatThrownBy(() -> new QuotaLimits(1, 2_000, Double.NaN, 5, 50, 10, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request time percent must be positive and finite, got NaN");
        assertThatThrownBy(() -> new QuotaLimits(1, 2_000, 25.0, 5, 50, 10, OptionalLong.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("produce cap bytes per second must be positive, got 0");
    }

    @Test
    void moreThanOneThreadOfRequestTimeMayBeGiven() {
        assertThat(new QuotaLimits(1, 1, 250.0, 1, 1, 1, OptionalLong.empty()).requestTimePercent()).isEqualTo(250.0);
    }

    @Test
    void settingsDefaultToKafkasQuotaWindow() {
        QuotaSettings defaults = QuotaSettings.defaults();
        assertThat(defaults.samples()).isEqualTo(11);
        assertThat(defaults.sampleWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxThrottle()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theIdleExpiryMustCoverTheWholeRateWindow() {
        assertThatThrownBy(() -> QuotaSettings.defaults().withIdleExpiry(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idle expiry must be at least the whole rate window of PT11S (samples × sample window), got PT10S");
    }
}
