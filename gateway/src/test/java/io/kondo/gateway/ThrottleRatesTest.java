package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.gateway.quota.QuotaKind;
import io.kondo.gateway.quota.QuotaLimits;
import io.kondo.gateway.quota.QuotaUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ThrottleRatesTest {

    private static final QuotaLimits LIMITS = new QuotaLimits(1_000, 1_000, 10.0, 10, 3, 5, OptionalLong.empty());

    private static QuotaUsage usage(String tenant, long produceThrottleMs, long fetchThrottleMs) {
        return new QuotaUsage(tenant, LIMITS, 0, 0, 0, 0, 0, 0, 1,
                Map.of(QuotaKind.PRODUCE, produceThrottleMs, QuotaKind.FETCH, fetchThrottleMs), java.util.Set.of());
    }

    @Test
    void throttleTimePerSecondIsTheGrowthOfTheTotalsBetweenSteps() {
        ThrottleRates rates = new ThrottleRates();
        rates.update(1_000, List.of(usage("lkc-aaaaa1", 100, 0)));
        rates.update(3_000, List.of(usage("lkc-aaaaa1", 900, 200)));

        assertThat(rates.perSecond("lkc-aaaaa1")).isEqualTo(500.0);
    }

    @Test
    void tenantsNoLongerTrackedAreForgotten() {
        ThrottleRates rates = new ThrottleRates();
        rates.update(1_000, List.of(usage("lkc-aaaaa1", 0, 0)));
        rates.update(2_000, List.of(usage("lkc-aaaaa1", 1_000, 0)));
        rates.update(3_000, List.of());

        assertThat(rates.perSecond("lkc-aaaaa1")).isZero();
    }
}
