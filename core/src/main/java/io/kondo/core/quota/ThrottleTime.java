package io.kondo.core.quota;

/**
 * Kafka's throttle arithmetic, as brokers compute it, with a cap.
 *
 * <p><b>Rates (KIP-13, KIP-219).</b> A client observed at rate O over a window of W ms, against a
 * quota T, is back within quota if nothing more arrives for X ms, where O × W / (W + X) = T, so
 * X = (O − T) / T × W. Zero when O ≤ T. Rounded to the nearest millisecond, like
 * {@code QuotaUtils.throttleTime}.
 *
 * <p><b>Partition mutations (KIP-599).</b> Mutations are metered by a {@link TokenBucket} that
 * may go negative: a request is accepted while the balance is not negative (even if it then drives
 * it below zero); while it is negative, requests are throttled for −tokens / rate seconds, the
 * time for the debt to be repaid, as {@code ControllerMutationQuotaManager.throttleTimeMs} does.
 *
 * <p><b>The cap.</b> The gateway enforces throttles by answering with {@code throttle_time_ms}
 * and then not reading the connection for that long. A throttle longer than the client's
 * {@code request.timeout.ms} (30 s by default for producers, consumers and admin clients) makes
 * requests queued behind the muted channel time out, and the client reconnects and retries, which
 * costs more than the traffic being throttled. So every throttle is capped at
 * {@code maxThrottleMs}; the default, {@value #DEFAULT_MAX_THROTTLE_MS} ms, leaves a wide margin
 * below 30 s. The price of the cap is that a client sending far above its quota is slowed down
 * over several throttles instead of one; its observed rate stays above quota until it is.
 *
 * @param maxThrottleMs the longest throttle ever returned
 */
public record ThrottleTime(long maxThrottleMs) {

    /** Default cap: well below clients' default {@code request.timeout.ms} of 30 s. */
    public static final long DEFAULT_MAX_THROTTLE_MS = 5_000;

    public ThrottleTime {
        if (maxThrottleMs < 0) {
            throw new IllegalArgumentException("max throttle must not be negative, got " + maxThrottleMs);
        }
    }

    /** The throttle with the default cap of {@value #DEFAULT_MAX_THROTTLE_MS} ms. */
    public static ThrottleTime withDefaultCap() {
        return new ThrottleTime(DEFAULT_MAX_THROTTLE_MS);
    }

    /**
     * Throttle for a client observed at {@code observedRate} against {@code quotaRate}, both per
     * second, measured over {@code windowMs}. A quota of zero (nothing allowed) throttles any
     * traffic for the full cap rather than dividing by zero.
     */
    public long forRate(double observedRate, double quotaRate, long windowMs) {
        requireNonNegative("observed rate", observedRate);
        requireNonNegative("quota rate", quotaRate);
        if (windowMs <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + windowMs);
        }
        if (observedRate <= quotaRate) {
            return 0;
        }
        if (quotaRate == 0) {
            return maxThrottleMs;
        }
        return capped((observedRate - quotaRate) / quotaRate * windowMs);
    }

    /** Whether a mutation request is accepted with the bucket at {@code tokens}: while it is not negative. */
    public static boolean acceptsMutations(double tokens) {
        return tokens >= 0;
    }

    /** Throttle while a mutation bucket refilled at {@code tokensPerSecond} stands at {@code tokens}. */
    public long forMutations(double tokens, double tokensPerSecond) {
        if (Double.isNaN(tokens)) {
            throw new IllegalArgumentException("tokens must be a number");
        }
        if (!(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("mutation rate must be positive, got " + tokensPerSecond);
        }
        return acceptsMutations(tokens) ? 0 : capped(-tokens / tokensPerSecond * 1000.0);
    }

    private long capped(double throttleMs) {
        return Math.min(Math.round(throttleMs), maxThrottleMs);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
