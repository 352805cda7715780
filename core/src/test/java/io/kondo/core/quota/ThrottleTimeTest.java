package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleTimeTest {

    private final ThrottleTime uncapped = new ThrottleTime(Long.MAX_VALUE);
    private final ThrottleTime defaults = ThrottleTime.withDefaultCap();

    @Test
    void noThrottleWithinQuota() {
        assertThat(uncapped.forRate(10, 10, 11_000)).isZero();
        assertThat(uncapped.forRate(3, 10, 11_000)).isZero();
    }

    @Test
    void throttlesForTheExcessOverQuotaTimesTheWindow() {
        // (15 - 10) / 10 × 11 s: the pause after which 11 s of traffic average out at the quota
        assertThat(uncapped.forRate(15, 10, 11_000)).isEqualTo(5_500);
        assertThat(uncapped.forRate(1_100_000, 1_000_000, 1_000)).isEqualTo(100);
    }

    @Test
    void neverThrottlesLongerThanTheCapSoClientsDoNotTimeOut() {
        assertThat(defaults.maxThrottleMs()).isEqualTo(5_000).isLessThan(30_000);
        assertThat(defaults.forRate(15, 10, 11_000)).isEqualTo(5_000);
        assertThat(defaults.forRate(12, 10, 11_000)).isEqualTo(2_200);
    }

    @Test
    void aZeroQuotaThrottlesAnyTrafficForTheFullCap() {
        assertThat(defaults.forRate(1, 0, 1_000)).isEqualTo(5_000);
        assertThat(defaults.forRate(0, 0, 1_000)).isZero();
    }

    @Test
    void mutationsAreAcceptedWhileTheBucketIsNotNegative() {
        assertThat(ThrottleTime.acceptsMutations(0)).isTrue();
        assertThat(ThrottleTime.acceptsMutations(3)).isTrue();
        assertThat(ThrottleTime.acceptsMutations(-0.5)).isFalse();
        assertThat(defaults.forMutations(0, 10)).isZero();
    }

    @Test
    void aNegativeMutationBucketThrottlesUntilTheDebtIsRepaid() {
        assertThat(defaults.forMutations(-5, 10)).isEqualTo(500);
        assertThat(defaults.forMutations(-100, 10)).isEqualTo(5_000);
        assertThat(uncapped.forMutations(-100, 10)).isEqualTo(10_000);
    }

    @Test
    void aRequestAcceptedOnANonNegativeBucketMayDriveItIntoDebt() {
        TokenBucket bucket = TokenBucket.full(10, 10, 0).take(8, 0); // 2 left
        assertThat(ThrottleTime.acceptsMutations(bucket.tokensAt(0))).isTrue();

        TokenBucket afterBigRequest = bucket.take(12, 0); // a 12-partition CreateTopics

        assertThat(afterBigRequest.tokensAt(0)).isEqualTo(-10);
        assertThat(ThrottleTime.acceptsMutations(afterBigRequest.tokensAt(0))).isFalse();
        assertThat(defaults.forMutations(afterBigRequest.tokensAt(0), 10)).isEqualTo(1_000);
        assertThat(ThrottleTime.acceptsMutations(afterBigRequest.tokensAt(1_000))).isTrue();
    }

    @Test
    void refusesNegativeRatesAndWindows() {
        assertThatThrownBy(() -> defaults.forRate(-1, 10, 1_000)).hasMessageContaining("observed rate");
        assertThatThrownBy(() -> defaults.forRate(1, 10, 0)).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> defaults.forMutations(-1, 0)).hasMessageContaining("mutation rate");
    }
}
