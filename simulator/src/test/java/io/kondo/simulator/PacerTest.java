package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void sendsTheRateOverTime() {
        Pacer pacer = new Pacer();
        long total = 0;
        for (long t = 0; t <= 10_000; t += 10) {
            total += pacer.due(t * MS, 250);
        }
        assertThat(total).isBetween(2_499L, 2_501L);
    }

    @Test
    void sendsFractionalRatesEventually() {
        Pacer pacer = new Pacer();
        long total = 0;
        for (long t = 0; t <= 20_000; t += 100) {
            total += pacer.due(t * MS, 0.5);
        }
        assertThat(total).isBetween(10L, 11L);
    }

    @Test
    void catchesUpByAtMostOneSecondAfterAStall() {
        Pacer pacer = new Pacer();
        pacer.due(0, 100);
        assertThat(pacer.due(30_000 * MS, 100)).isEqualTo(100);
    }

    @Test
    void waitsAboutOneIntervalForTheNextMessage() {
        Pacer pacer = new Pacer();
        pacer.due(0, 10);
        pacer.due(100 * MS, 10);
        assertThat(pacer.nanosUntilNext(10)).isBetween(1L, 100 * MS);
    }

    @Test
    void burstsAlternateAroundTheMeanRate() {
        TrafficShape shape = new TrafficShape(100, 0.5, 10_000, 0);
        assertThat(shape.rateAt(1_000)).isEqualTo(150);
        assertThat(shape.rateAt(6_000)).isEqualTo(50);
        assertThat(new TrafficShape(100, 0, 10_000, 0).rateAt(6_000)).isEqualTo(100);
    }
}
