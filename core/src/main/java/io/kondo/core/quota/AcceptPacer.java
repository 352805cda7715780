package io.kondo.core.quota;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Paces new connections instead of refusing them: a token bucket for the whole gateway and one
 * per source address, and an answer to "how long should this accept wait?".
 *
 * <p>Why pace rather than refuse: a refused connection comes straight back (clients reconnect
 * after {@code reconnect.backoff.ms}, 50 ms by default), so refusing a reconnect storm keeps it
 * going; delaying the accept slows the storm down to the rate the gateway can authenticate. The
 * per-source bucket stops one address from taking the whole gateway-wide rate.
 *
 * <p>Protocol: call {@link #acceptDelayMs} when a connection arrives. 0 means it is accepted now
 * and one token was taken from both buckets. Otherwise nothing is taken; hold the connection (do
 * not start reading it) for the returned time, then ask again. Taking tokens only on admission
 * means a waiting connection never charges the gateway-wide bucket for time it spends held by
 * its source's bucket, so one flooding address cannot drain the others' rate.
 *
 * <p>Memory is bounded: at most {@code maxSources} addresses are remembered. A source whose
 * bucket has refilled completely carries no information and is forgotten (the least recently used
 * are checked first); beyond the bound the least recently used address is forgotten even if it
 * is mid-burst, which only gives it a fresh burst: the gateway-wide bucket still holds.
 * Not thread-safe: one acceptor thread drives it.
 */
public final class AcceptPacer {

    /**
     * A pace: {@code perSecond} connections on average, {@code burst} at once.
     *
     * @param perSecond connections per second, positive
     * @param burst     connections admitted back to back, at least 1
     */
    public record Rate(double perSecond, double burst) {
        public Rate {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("rate must be positive and finite, got " + perSecond);
            }
            if (!(burst >= 1) || Double.isInfinite(burst)) {
                throw new IllegalArgumentException("burst must be at least 1 connection, got " + burst);
            }
        }
    }

    private final Rate perSource;
    private final LinkedHashMap<String, TokenBucket> sources;
    private TokenBucket gatewayWide;

    public AcceptPacer(Rate gatewayWide, Rate perSource, int maxSources, long nowMs) {
        Objects.requireNonNull(gatewayWide, "gatewayWide");
        this.perSource = Objects.requireNonNull(perSource, "perSource");
        if (maxSources < 1) {
            throw new IllegalArgumentException("max sources must be positive, got " + maxSources);
        }
        this.gatewayWide = TokenBucket.full(gatewayWide.perSecond(), gatewayWide.burst(), nowMs);
        this.sources = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /**
     * 0 when a connection from {@code sourceAddress} is accepted at {@code nowMs} (its tokens are
     * taken); otherwise the milliseconds to hold it before asking again (nothing is taken).
     */
    public long acceptDelayMs(String sourceAddress, long nowMs) {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        forgetIdleSources(nowMs);
        TokenBucket source = sources.get(sourceAddress);
        if (source == null) {
            source = TokenBucket.full(perSource.perSecond(), perSource.burst(), nowMs);
        }
        long delayMs = Math.max(gatewayWide.msUntil(1, nowMs), source.msUntil(1, nowMs));
        if (delayMs == 0) {
            gatewayWide = gatewayWide.take(1, nowMs);
            sources.put(sourceAddress, source.take(1, nowMs));
        }
        return delayMs;
    }

    /** Source addresses currently remembered (for tests and metrics). */
    public int trackedSources() {
        return sources.size();
    }

    private void forgetIdleSources(long nowMs) {
        Iterator<TokenBucket> leastRecentFirst = sources.values().iterator();
        while (leastRecentFirst.hasNext() && leastRecentFirst.next().isFullAt(nowMs)) {
            leastRecentFirst.remove();
        }
    }
}
