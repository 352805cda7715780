package io.kondo.core.quota;

/**
 * A token bucket as an immutable value: {@code tokens} at {@code updatedAtMs}, refilled at
 * {@code ratePerSecond} up to {@code burst}. Taking may drive the bucket below zero (a debt), which
 * is how Kafka meters partition mutations (KIP-599): a request is judged on the balance before it,
 * then charged in full, so a large request is never refused forever for being larger than the
 * burst.
 *
 * <p>A value rather than a mutable counter so that callers keep buckets in their own maps and the
 * arithmetic stays a function of ({@code bucket}, {@code nowMs}).
 *
 * @param ratePerSecond tokens earned per second
 * @param burst         most tokens the bucket holds (the largest burst admitted at once)
 * @param tokens        balance at {@code updatedAtMs}; negative while in debt
 * @param updatedAtMs   when {@code tokens} was last brought up to date
 */
public record TokenBucket(double ratePerSecond, double burst, double tokens, long updatedAtMs) {

    public TokenBucket {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite, got " + ratePerSecond);
        }
        if (!(burst > 0) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("burst must be positive and finite, got " + burst);
        }
        if (Double.isNaN(tokens) || Double.isInfinite(tokens) || tokens > burst) {
            throw new IllegalArgumentException(
                    "tokens must be finite and at most the burst " + burst + ", got " + tokens);
        }
    }

    /** A bucket holding its whole burst at {@code nowMs}. */
    public static TokenBucket full(double ratePerSecond, double burst, long nowMs) {
        return new TokenBucket(ratePerSecond, burst, burst, nowMs);
    }

    /** The balance at {@code nowMs}: what was there plus what was earned since, at most the burst. */
    public double tokensAt(long nowMs) {
        long elapsedMs = Math.max(0, nowMs - updatedAtMs);
        return Math.min(burst, tokens + elapsedMs * ratePerSecond / 1000.0);
    }

    /** Whether the bucket holds its whole burst at {@code nowMs}, i.e. carries no memory of past use. */
    public boolean isFullAt(long nowMs) {
        return tokensAt(nowMs) >= burst;
    }

    /** The bucket after {@code amount} tokens are taken at {@code nowMs}; the balance may go negative. */
    public TokenBucket take(double amount, long nowMs) {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be non-negative and finite, got " + amount);
        }
        return new TokenBucket(ratePerSecond, burst, tokensAt(nowMs) - amount, Math.max(nowMs, updatedAtMs));
    }

    /**
     * Milliseconds from {@code nowMs} until the balance reaches {@code amount}, rounded up so that
     * the tokens are really there when the wait is over; 0 when they already are.
     */
    public long msUntil(double amount, long nowMs) {
        if (amount > burst) {
            throw new IllegalArgumentException("the bucket never holds " + amount + " tokens: its burst is " + burst);
        }
        double missing = amount - tokensAt(nowMs);
        return missing <= 0 ? 0 : (long) Math.ceil(missing / ratePerSecond * 1000.0);
    }
}
