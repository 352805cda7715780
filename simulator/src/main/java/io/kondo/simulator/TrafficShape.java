package io.kondo.simulator;

/**
 * A tenant's send rate over time: {@code rate} messages per second on average; with burstiness
 * {@code b}, the rate is {@code rate × (1 + b)} in the first half of each period and
 * {@code rate × (1 − b)} in the second, shifted by {@code phaseMs} so tenants do not burst in step.
 */
record TrafficShape(double rate, double burstiness, long periodMs, long phaseMs) {

    TrafficShape {
        if (!(rate >= 0) || !(burstiness >= 0 && burstiness <= 1) || periodMs < 2) {
            throw new IllegalArgumentException("invalid traffic shape: rate " + rate + ", burstiness " + burstiness + ", period " + periodMs);
        }
    }

    /** Messages per second {@code elapsedMs} into the run. */
    double rateAt(long elapsedMs) {
        if (burstiness == 0) {
            return rate;
        }
        long position = Math.floorMod(elapsedMs + phaseMs, periodMs);
        return position < periodMs / 2 ? rate * (1 + burstiness) : rate * (1 - burstiness);
    }
}
