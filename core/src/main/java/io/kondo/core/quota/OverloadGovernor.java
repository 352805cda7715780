package io.kondo.core.quota;

/**
 * Protects the backing cluster from the gateway: a gateway-wide request limit adjusted by AIMD
 * (additive increase, multiplicative decrease) from two upstream signals, in-flight requests and
 * recent latency.
 *
 * <p>Why AIMD: it is the rule TCP uses to share a link it cannot measure directly. Cutting by a
 * factor backs off fast when the brokers queue up (a queue grows multiplicatively once
 * saturated); climbing back by a fixed step probes for capacity slowly, so the limit settles just
 * below the point where latency rises instead of oscillating across it. The limit is a plain
 * {@code double} so one governor can drive request-time percent, requests per second or any
 * other gateway-wide budget.
 *
 * <p>Rules, each {@link #update}: the upstream is overloaded when in-flight requests exceed
 * {@code maxInFlight} or latency exceeds {@code maxLatencyMs}. The limit changes at most once per
 * {@code stepIntervalMs} (the first update may change it): overloaded → limit × {@code
 * decreaseFactor}, else limit + {@code increaseStep}; always within [{@code minLimit},
 * {@code maxLimit}]. One change per interval gives the brokers time to show the effect of the
 * last one before the next; without it a burst of updates would cut the limit to the minimum
 * for one overload. The governor starts at {@code maxLimit}: no throttling until overload is seen.
 * Not thread-safe: one loop drives it.
 */
public final class OverloadGovernor {

    /**
     * @param minLimit       the limit never goes below this (the gateway keeps serving)
     * @param maxLimit       the limit never goes above this, and starts here
     * @param decreaseFactor multiplier when overloaded, in (0, 1), e.g. 0.8
     * @param increaseStep   added when not overloaded, positive
     * @param stepIntervalMs least time between two changes of the limit
     * @param maxInFlight    upstream in-flight requests above this mean overload
     * @param maxLatencyMs   upstream latency above this means overload
     */
    public record Settings(double minLimit, double maxLimit, double decreaseFactor, double increaseStep,
                           long stepIntervalMs, int maxInFlight, double maxLatencyMs) {
        public Settings {
            if (!(minLimit >= 0 && minLimit <= maxLimit) || Double.isInfinite(maxLimit)) {
                throw new IllegalArgumentException(
                        "limits must satisfy 0 <= min <= max < infinity, got min " + minLimit + ", max " + maxLimit);
            }
            if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
                throw new IllegalArgumentException("decrease factor must be in (0, 1), got " + decreaseFactor);
            }
            if (!(increaseStep > 0)) {
                throw new IllegalArgumentException("increase step must be positive, got " + increaseStep);
            }
            if (stepIntervalMs <= 0 || maxInFlight < 0 || !(maxLatencyMs >= 0)) {
                throw new IllegalArgumentException("step interval must be positive and thresholds not negative");
            }
        }
    }

    private final Settings settings;
    private double limit;
    private boolean overloaded;
    private long nextChangeAtMs = Long.MIN_VALUE;

    public OverloadGovernor(Settings settings) {
        this.settings = settings;
        this.limit = settings.maxLimit();
    }

    /** Takes the upstream signals at {@code nowMs} and returns the limit to apply from now on. */
    public double update(long nowMs, int upstreamInFlight, double upstreamLatencyMs) {
        overloaded = upstreamInFlight > settings.maxInFlight() || upstreamLatencyMs > settings.maxLatencyMs();
        if (nowMs >= nextChangeAtMs) {
            limit = overloaded ? decreased() : increased();
            nextChangeAtMs = nowMs + settings.stepIntervalMs();
        }
        return limit;
    }

    /** The limit in force. */
    public double limit() {
        return limit;
    }

    /** Whether the last update saw the upstream overloaded. */
    public boolean overloaded() {
        return overloaded;
    }

    private double decreased() {
        return Math.max(settings.minLimit(), limit * settings.decreaseFactor());
    }

    private double increased() {
        return Math.min(settings.maxLimit(), limit + settings.increaseStep());
    }
}
