package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.quota.AcceptPacer.Rate;
import org.junit.jupiter.api.Test;

class AcceptPacerTest {

    private static final Rate PLENTY = new Rate(1_000, 1_000);

    @Test
    void acceptsAtOnceWhileTokensAreAvailable() {
        AcceptPacer pacer = new AcceptPacer(PLENTY, new Rate(1, 3), 100, 0);

        assertThat(pacer.acceptDelayMs("10.0.0.1", 0)).isZero();
        assertThat(pacer.acceptDelayMs("10.0.0.1", 0)).isZero();
        assertThat(pacer.acceptDelayMs("10.0.0.1", 0)).isZero();
    }

    @Test
    void delaysASourcePastItsBurstUntilItsNextToken() {
        AcceptPacer pacer = new AcceptPacer(PLENTY, new Rate(2, 1), 100, 0);
        pacer.acceptDelayMs("10.0.0.1", 0);

        assertThat(pacer.acceptDelayMs("10.0.0.1", 0)).isEqualTo(500);
        assertThat(pacer.acceptDelayMs("10.0.0.1", 200)).isEqualTo(300);
        assertThat(pacer.acceptDelayMs("10.0.0.1", 500)).isZero();
        assertThat(pacer.acceptDelayMs("10.0.0.2", 500)).isZero();
    }

    @Test
    void delaysEverySourceOnceTheGatewayWideRateIsUsed() {
        AcceptPacer pacer = new AcceptPacer(new Rate(10, 2), PLENTY, 100, 0);
        pacer.acceptDelayMs("a", 0);
        pacer.acceptDelayMs("b", 0);

        assertThat(pacer.acceptDelayMs("c", 0)).isEqualTo(100);
        assertThat(pacer.acceptDelayMs("c", 100)).isZero();
    }

    @Test
    void aSourceKeptWaitingDoesNotUseUpTheGatewayWideRate() {
        AcceptPacer pacer = new AcceptPacer(new Rate(10, 2), new Rate(1, 1), 100, 0);
        pacer.acceptDelayMs("flooder", 0);

        for (int attempt = 0; attempt < 50; attempt++) {
            assertThat(pacer.acceptDelayMs("flooder", 10L * attempt)).isPositive();
        }

        assertThat(pacer.acceptDelayMs("someone-else", 500)).isZero();
    }

    @Test
    void remembersABoundedNumberOfSources() {
        AcceptPacer pacer = new AcceptPacer(PLENTY, new Rate(1, 1), 3, 0);

        for (int source = 0; source < 10; source++) {
            pacer.acceptDelayMs("10.0.0." + source, 0);
            assertThat(pacer.trackedSources()).isLessThanOrEqualTo(3);
        }
        assertThat(pacer.trackedSources()).isEqualTo(3);
    }

    @Test
    void forgetsSourcesWhoseBucketsHaveRefilled() {
        AcceptPacer pacer = new AcceptPacer(PLENTY, new Rate(1, 1), 100, 0);
        pacer.acceptDelayMs("a", 0);
        pacer.acceptDelayMs("b", 0);
        pacer.acceptDelayMs("c", 500);

        pacer.acceptDelayMs("d", 1_000);
        assertThat(pacer.trackedSources()).isEqualTo(2); // a and b refilled and were forgotten; c, d remain

        pacer.acceptDelayMs("e", 60_000);
        assertThat(pacer.trackedSources()).isEqualTo(1);
    }
}
