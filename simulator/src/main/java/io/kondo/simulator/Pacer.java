package io.kondo.simulator;

/**
 * Turns a rate that changes over time into "how many messages are due now". Credit accrues at the
 * current rate and is capped at one second's worth, so a sender that was blocked (a broker down, a
 * full buffer) catches up by at most one second of traffic instead of a flood. Not thread-safe; one
 * per sending thread.
 */
final class Pacer {

    private long lastNanos = Long.MIN_VALUE;
    private double credit;

    /** Messages due at {@code nowNanos} when sending at {@code ratePerSecond}; the caller sends them all. */
    int due(long nowNanos, double ratePerSecond) {
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nowNanos;
            credit = Math.min(1, ratePerSecond);
        }
        double seconds = Math.max(0, nowNanos - lastNanos) / 1e9;
        lastNanos = nowNanos;
        credit = Math.min(Math.max(1, ratePerSecond), credit + seconds * ratePerSecond);
        int due = (int) Math.floor(credit);
        credit -= due;
        return due;
    }

    /** Nanoseconds until the next message is due at {@code ratePerSecond} (bounded to 100 ms). */
    long nanosUntilNext(double ratePerSecond) {
        if (ratePerSecond <= 0) {
            return 100_000_000L;
        }
        double seconds = (1 - credit) / ratePerSecond;
        return (long) Math.min(100_000_000L, Math.max(200_000L, seconds * 1e9));
    }
}
