package io.kondo.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginFailureLimiterTest {

    private final LoginFailureLimiter limiter = new LoginFailureLimiter(3, 10_000, 2);

    @Test
    void blocksAnAddressAfterTooManyFailuresWithinTheWindow() {
        limiter.recordFailure("10.0.0.1", 0);
        limiter.recordFailure("10.0.0.1", 1_000);
        assertThat(limiter.isBlocked("10.0.0.1", 1_000)).isFalse();

        limiter.recordFailure("10.0.0.1", 2_000);

        assertThat(limiter.isBlocked("10.0.0.1", 2_000)).isTrue();
        assertThat(limiter.isBlocked("10.0.0.2", 2_000)).isFalse();
    }

    @Test
    void unblocksOnceTheOldestFailureLeavesTheWindow() {
        limiter.recordFailure("10.0.0.1", 0);
        limiter.recordFailure("10.0.0.1", 5_000);
        limiter.recordFailure("10.0.0.1", 6_000);

        assertThat(limiter.isBlocked("10.0.0.1", 9_999)).isTrue();
        assertThat(limiter.isBlocked("10.0.0.1", 10_000)).isFalse();
        assertThat(limiter.isBlocked("10.0.0.1", 16_000)).isFalse();
        assertThat(limiter.trackedAddresses()).isZero();
    }

    @Test
    void remembersABoundedNumberOfAddresses() {
        limiter.recordFailure("a", 0);
        limiter.recordFailure("b", 0);
        limiter.recordFailure("c", 0);

        assertThat(limiter.trackedAddresses()).isEqualTo(2);
    }
}
