package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void refillsAtItsRateUpToTheBurst() {
        TokenBucket bucket = TokenBucket.full(10, 5, 0).take(5, 0);

        assertThat(bucket.tokensAt(0)).isZero();
        assertThat(bucket.tokensAt(200)).isCloseTo(2, within(1e-9));
        assertThat(bucket.tokensAt(10_000)).isEqualTo(5);
        assertThat(bucket.isFullAt(499)).isFalse();
        assertThat(bucket.isFullAt(500)).isTrue();
    }

    @Test
    void takingMayDriveTheBalanceIntoDebt() {
        TokenBucket bucket = TokenBucket.full(10, 5, 0).take(8, 0);

        assertThat(bucket.tokensAt(0)).isEqualTo(-3);
        assertThat(bucket.msUntil(0, 0)).isEqualTo(300);
    }

    @Test
    void waitsAreRoundedUpSoTheTokensAreThereWhenTheWaitEnds() {
        TokenBucket bucket = TokenBucket.full(3, 1, 0).take(1, 0);

        long waitMs = bucket.msUntil(1, 0);

        assertThat(waitMs).isEqualTo(334);
        assertThat(bucket.tokensAt(waitMs)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void timeGoingBackwardsEarnsNothing() {
        TokenBucket bucket = TokenBucket.full(10, 5, 1_000).take(5, 1_000);

        assertThat(bucket.tokensAt(500)).isZero();
        assertThat(bucket.take(1, 500).updatedAtMs()).isEqualTo(1_000);
    }

    @Test
    void refusesToWaitForMoreThanTheBucketCanHold() {
        assertThatThrownBy(() -> TokenBucket.full(10, 5, 0).msUntil(6, 0)).hasMessageContaining("never holds 6.0");
    }
}
