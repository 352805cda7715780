package io.kondo.gateway;

import io.kondo.core.quota.OverloadGovernor;

/**
 * What the backing cluster and the gateway can carry for all tenants together; the fair-share
 * tuner keeps tenants within it.
 *
 * @param produceBytesPerSecondPerBroker what tenants may produce to one backing broker, leaving room
 *                                       for replication; the gateway holds tenants' total produce to
 *                                       this times the number of brokers
 * @param fetchBytesPerSecondPerBroker   the same for fetches
 * @param requestTimePercent             gateway thread time all tenants' requests may take, in percent
 *                                       of one thread; the overload governor lowers it while brokers
 *                                       fall behind
 * @param acceptsPerSecond               new connections the gateway accepts per second; more wait
 * @param acceptsPerSecondPerAddress     new connections accepted per second from one source address
 * @param overload                       when the brokers count as falling behind, and how the request
 *                                       limit is lowered and raised again
 */
public record CapacityLimits(long produceBytesPerSecondPerBroker, long fetchBytesPerSecondPerBroker,
                             double requestTimePercent, double acceptsPerSecond, double acceptsPerSecondPerAddress,
                             OverloadGovernor.Settings overload) {

    /** No limit on what a number of this size stands for. */
    public static final long UNLIMITED = Long.MAX_VALUE / 1024;

    public CapacityLimits {
        if (produceBytesPerSecondPerBroker <= 0 || fetchBytesPerSecondPerBroker <= 0 || !(requestTimePercent > 0)
                || !(acceptsPerSecond > 0) || !(acceptsPerSecondPerAddress > 0)) {
            throw new IllegalArgumentException("capacity limits must be positive");
        }
        java.util.Objects.requireNonNull(overload, "overload");
        if (overload.maxLimit() != requestTimePercent) {
            throw new IllegalArgumentException("the overload governor's maximum must be the request time limit "
                    + requestTimePercent + ", got " + overload.maxLimit());
        }
    }

    /** {@link #defaults(int)} for the default number of I/O threads ({@link GatewaySettings#DEFAULT_IO_THREADS}). */
    public static CapacityLimits defaults() {
        return defaults(GatewaySettings.DEFAULT_IO_THREADS);
    }

    /**
     * No broker-wide byte limits (operators set them from what their brokers carry), request time of
     * all the gateway's {@code ioThreads} I/O threads (100% each), 200 new connections per second and
     * 20 per address; brokers count as falling behind past 5,000 unanswered requests or a mean answer
     * time of 1 s, and then the request limit drops by a fifth per second (to a twentieth at least)
     * and climbs back by a twentieth per second once they recover.
     */
    public static CapacityLimits defaults(int ioThreads) {
        double threadsPercent = 100.0 * ioThreads;
        return new CapacityLimits(UNLIMITED, UNLIMITED, threadsPercent, 200, 20,
                new OverloadGovernor.Settings(threadsPercent * 0.05, threadsPercent, 0.8, threadsPercent * 0.05, 1_000, 5_000, 1_000));
    }

    public CapacityLimits withBrokerBytes(long produceBytesPerSecond, long fetchBytesPerSecond) {
        return new CapacityLimits(produceBytesPerSecond, fetchBytesPerSecond, requestTimePercent, acceptsPerSecond,
                acceptsPerSecondPerAddress, overload);
    }

    public CapacityLimits withAccepts(double perSecond, double perSecondPerAddress) {
        return new CapacityLimits(produceBytesPerSecondPerBroker, fetchBytesPerSecondPerBroker, requestTimePercent,
                perSecond, perSecondPerAddress, overload);
    }

    /**
     * The same limits with {@code percent} of one thread for all tenants' requests. The overload
     * governor follows: its maximum becomes {@code percent}, its minimum and increase step keep
     * their proportion to the limit (a twentieth each by default), its thresholds stay.
     */
    public CapacityLimits withRequestTimePercent(double percent) {
        if (!(percent > 0) || Double.isInfinite(percent)) {
            throw new IllegalArgumentException("the request time limit must be a positive percentage, got " + percent);
        }
        double scale = percent / requestTimePercent;
        double minimum = Math.min(overload.minLimit() * scale, percent);
        OverloadGovernor.Settings governor = new OverloadGovernor.Settings(minimum, percent,
                overload.decreaseFactor(), overload.increaseStep() * scale, overload.stepIntervalMs(),
                overload.maxInFlight(), overload.maxLatencyMs());
        return new CapacityLimits(produceBytesPerSecondPerBroker, fetchBytesPerSecondPerBroker, percent, acceptsPerSecond,
                acceptsPerSecondPerAddress, governor);
    }

    /** The limit for {@code brokers} brokers, without overflowing. */
    static long total(long perBroker, int brokers) {
        return perBroker >= UNLIMITED ? UNLIMITED : perBroker * Math.max(1, brokers);
    }
}
