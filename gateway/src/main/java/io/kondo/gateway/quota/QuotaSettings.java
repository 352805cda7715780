package io.kondo.gateway.quota;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Quota;

/**
 * How the gateway measures quotas; the same for every tenant of a gateway.
 *
 * @param samples       samples in a rate's sliding window (Kafka's {@code quota.window.num}); a rate
 *                      is measured over {@code samples - 1} whole windows plus the current one
 * @param sampleWindow  length of one sample (Kafka's {@code quota.window.size.seconds})
 * @param maxThrottle   the longest throttle ever returned. A throttled channel is not read for that
 *                      long, so requests the client has already sent behind the throttled one wait
 *                      too; this must stay well below the clients' {@code request.timeout.ms}
 *                      (30 s by default for producers, consumers and admin clients) so that no
 *                      client times out because of throttling. A tenant still over quota after
 *                      the throttle is simply throttled again on its next request
 * @param idleExpiry    how long a tenant without connections must be idle before the registry
 *                      forgets it; at least a whole rate window ({@code samples × sampleWindow}),
 *                      so that reconnecting never wipes a measured rate that still counts
 */
public record QuotaSettings(int samples, Duration sampleWindow, Duration maxThrottle, Duration idleExpiry) {

    /** Kafka brokers' {@code quota.window.num} default. */
    public static final int DEFAULT_SAMPLES = 11;
    /** Kafka brokers' {@code quota.window.size.seconds} default. */
    public static final Duration DEFAULT_SAMPLE_WINDOW = Duration.ofSeconds(1);
    /** A sixth of the clients' default 30 s request timeout. */
    public static final Duration DEFAULT_MAX_THROTTLE = Duration.ofSeconds(5);
    /** Long enough that a tenant reconnecting after a short pause keeps its figures. */
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofMinutes(10);

    public QuotaSettings {
        Objects.requireNonNull(sampleWindow, "sampleWindow");
        Objects.requireNonNull(maxThrottle, "maxThrottle");
        Objects.requireNonNull(idleExpiry, "idleExpiry");
        if (samples < 2) {
            throw new IllegalArgumentException("quota samples must be at least 2, got " + samples);
        }
        if (sampleWindow.toMillis() < 1) {
            throw new IllegalArgumentException("quota sample window must be at least 1 ms, got " + sampleWindow);
        }
        if (maxThrottle.toMillis() < 1) {
            throw new IllegalArgumentException("max throttle must be at least 1 ms, got " + maxThrottle);
        }
        Duration rateWindow = sampleWindow.multipliedBy(samples);
        if (idleExpiry.compareTo(rateWindow) < 0) {
            throw new IllegalArgumentException("idle expiry must be at least the whole rate window of " + rateWindow
                    + " (samples × sample window), got " + idleExpiry);
        }
    }

    /** Kafka's defaults (11 samples of 1 s), a 5 s maximum throttle and 10 minutes' idle expiry. */
    public static QuotaSettings defaults() {
        return new QuotaSettings(DEFAULT_SAMPLES, DEFAULT_SAMPLE_WINDOW, DEFAULT_MAX_THROTTLE, DEFAULT_IDLE_EXPIRY);
    }

    public QuotaSettings withMaxThrottle(Duration max) {
        return new QuotaSettings(samples, sampleWindow, max, idleExpiry);
    }

    public QuotaSettings withIdleExpiry(Duration expiry) {
        return new QuotaSettings(samples, sampleWindow, maxThrottle, expiry);
    }

    /** The whole window rates are measured over: samples × sample window. */
    long rateWindowMs() {
        return sampleWindowMs() * samples;
    }

    long sampleWindowMs() {
        return sampleWindow.toMillis();
    }

    long maxThrottleMs() {
        return maxThrottle.toMillis();
    }

    long idleExpiryMs() {
        return idleExpiry.toMillis();
    }

    /** The sliding window without a bound, for stats that only measure. */
    MetricConfig windowConfig() {
        return new MetricConfig().samples(samples).timeWindow(sampleWindowMs(), TimeUnit.MILLISECONDS);
    }

    /** The sliding window with an upper bound, for stats that enforce a quota. */
    MetricConfig quotaConfig(double bound) {
        return windowConfig().quota(Quota.upperBound(bound));
    }
}
