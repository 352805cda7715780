package io.kondo.gateway.quota;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.QuotaViolationException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.TokenBucket;

/**
 * One tenant's quotas, shared by all its connections on every event loop, measured with
 * kafka-clients' {@link Sensor}s on the gateway's shared {@link Metrics}:
 *
 * <ul>
 *   <li>produce and fetch bytes: measured by a {@link Rate} over a sliding window of
 *       {@link QuotaSettings#samples()} samples (the figures reported and given to the fair-share
 *       tuner), enforced by a {@link TokenBucket} refilled at the quota and holding
 *       {@code samples × window} of it (KIP-599's bucket): bytes that take the bucket below zero are
 *       throttled for the time it takes to refill to zero;</li>
 *   <li>request time and connection attempts: a {@link Rate} bounded by a
 *       {@link org.apache.kafka.common.metrics.Quota}, as Kafka brokers measure client quotas; on a
 *       violation the throttle is {@code (rate − quota) / quota × window} ({@code QuotaUtils.throttleTime});</li>
 *   <li>partition mutations: a {@link TokenBucket} with the strict rule of Kafka's
 *       {@code StrictControllerMutationQuota} (KIP-599).</li>
 * </ul>
 *
 * <p>Why not a bounded {@link Rate} for bytes, as Kafka brokers use: it falls only as whole samples
 * leave its window, and its throttle assumes the window grows while the client waits, which it does
 * not while fewer than {@code samples − 1} whole windows have elapsed. A client that waits out its
 * throttles then gets its quota in bursts of up to ten seconds' worth each time a sample leaves:
 * right over ten minutes, but between 0.76 and 1.14 of the quota over 30-second windows (fetch at
 * 0.80 and a throttled neighbour at 0.75–0.78 in {@code bench/run-quota-bench.sh}). The bucket
 * holds every 30-second window after the first burst to the quota within 2%, and spreads a
 * throttled tenant's traffic evenly rather than in bursts that its neighbours feel.
 *
 * <p>Every throttle is capped at {@link QuotaSettings#maxThrottle()}; request-time and
 * connection-attempt throttles, as in Kafka, also at one sample window. Throttling never refuses a
 * produce or fetch: the request is forwarded, the response carries the throttle, and the caller
 * stops reading the channel for that long (KIP-219). Only partition mutations (refused with
 * THROTTLING_QUOTA_EXCEEDED) and connections over the count are refused.
 *
 * <p>Live changes ({@link #update}) set the new bound on the existing metrics
 * ({@link KafkaMetric#config(MetricConfig)}): the measured windows and the token bucket carry on.
 *
 * <p>Thread-safe. Each sensor is recorded, checked and measured while holding the sensor's lock
 * (as Kafka's quota managers do), so a record and the throttle computed from it are consistent.
 * Instances are made and retired by {@link TenantQuotaRegistry}.
 */
public final class TenantQuotas {

    /** Group of every metric registered here; each carries the tag {@code tenant}. */
    public static final String METRIC_GROUP = "kondo-tenant-quotas";

    private static final double NANOS_TO_PERCENT = 100.0 / 1_000_000_000L;
    private static final int MIN_FETCH_BYTES = 64 * 1024;
    private static final long NEVER_THROTTLED = Long.MIN_VALUE / 2;

    private final String tenantId;
    private final Metrics metrics;
    private final QuotaSettings settings;
    private final Sensor produce;
    private final Sensor fetch;
    private final Sensor requestTime;
    private final Sensor mutations;
    private final Sensor connectionAttempts;
    private final KafkaMetric produceRate;
    private final KafkaMetric produceTokens;
    private final KafkaMetric fetchRate;
    private final KafkaMetric fetchTokens;
    private final KafkaMetric requestTimeRate;
    private final KafkaMetric mutationTokens;
    private final KafkaMetric mutationRate;
    private final KafkaMetric connectionAttemptRate;
    private final Map<QuotaKind, LongAdder> throttleTotals = new EnumMap<>(QuotaKind.class);
    /** When the latest throttle asked for by each quota ends (or ended). */
    private final Map<QuotaKind, AtomicLong> throttleEndsMs = new EnumMap<>(QuotaKind.class);
    private final Object connectionLock = new Object();
    private int openConnections;
    private volatile QuotaLimits limits;
    private volatile long lastActivityMs;

    /**
     * Registers the tenant's sensors in {@code metrics}.
     *
     * @throws IllegalStateException if {@code metrics} already holds this tenant's sensors (one
     *                               instance per tenant and {@code Metrics})
     */
    TenantQuotas(String tenantId, QuotaLimits limits, Metrics metrics, QuotaSettings settings, long nowMs) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
        this.tenantId = tenantId;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lastActivityMs = nowMs;
        for (QuotaKind kind : QuotaKind.values()) {
            if (metrics.getSensor(sensorName(kind)) != null) {
                throw new IllegalStateException("quota sensors of logical cluster " + tenantId
                        + " already exist in this Metrics: only one TenantQuotas per tenant");
            }
            throttleTotals.put(kind, new LongAdder());
            throttleEndsMs.put(kind, new AtomicLong(NEVER_THROTTLED));
        }
        produce = sensor(QuotaKind.PRODUCE);
        produceRate = add(produce, "produce-byte-rate", "Produce request bytes per second",
                new Rate(), settings.windowConfig());
        produceTokens = add(produce, "produce-byte-tokens", "Bytes left in the produce token bucket",
                new TokenBucket(), settings.quotaConfig(limits.effectiveProduceBytesPerSecond()));
        fetch = sensor(QuotaKind.FETCH);
        fetchRate = add(fetch, "fetch-byte-rate", "Fetch response bytes per second",
                new Rate(), settings.windowConfig());
        fetchTokens = add(fetch, "fetch-byte-tokens", "Bytes left in the fetch token bucket",
                new TokenBucket(), settings.quotaConfig(limits.fetchBytesPerSecond()));
        requestTime = sensor(QuotaKind.REQUEST_TIME);
        requestTimeRate = add(requestTime, "request-time-percent", "Share of one gateway thread spent on requests, in percent",
                new Rate(), settings.quotaConfig(limits.requestTimePercent()));
        mutations = sensor(QuotaKind.PARTITION_MUTATIONS);
        mutationRate = add(mutations, "partition-mutation-rate", "Partitions created or deleted per second",
                new Rate(), settings.windowConfig());
        mutationTokens = add(mutations, "partition-mutation-tokens", "Tokens left in the partition mutation bucket",
                new TokenBucket(), settings.quotaConfig(limits.partitionMutationsPerSecond()));
        connectionAttempts = sensor(QuotaKind.CONNECTION_ATTEMPTS);
        connectionAttemptRate = add(connectionAttempts, "connection-attempt-rate", "New connections per second",
                new Rate(), settings.quotaConfig(limits.connectionAttemptsPerSecond()));
    }

    public String tenantId() {
        return tenantId;
    }

    /** The limits in force. */
    public QuotaLimits limits() {
        return limits;
    }

    /** Total throttle time asked for by one quota since the tenant was first seen here, in milliseconds. */
    public long throttleTimeMs(QuotaKind kind) {
        return throttleTotals.get(kind).sum();
    }

    /**
     * Records a produce request of {@code bytes} and returns how long to throttle the connection
     * (0 within quota). The request is forwarded either way (KIP-219).
     */
    public long recordProduce(int bytes, long nowMs) {
        requireNotNegative("produce bytes", bytes);
        touch(nowMs);
        return throttled(QuotaKind.PRODUCE, recordRate(produce, bytes, nowMs, settings.maxThrottleMs()), nowMs);
    }

    /** What to do with a fetch response: deliver it or answer empty, and the throttle to carry either way. */
    public record FetchAdmission(boolean deliver, long throttleMs) {
    }

    /**
     * Decides on a fetch response of {@code responseBytes} as the gateway applies the fetch quota:
     * when the tenant is already over its quota (its bucket is below zero: another connection took
     * it there), the response is answered empty with the throttle that brings it back, and nothing
     * is recorded; otherwise it is delivered and recorded, with a throttle if it took the tenant over.
     *
     * <p>Kafka's broker records every response and discards the one that goes over, which the
     * broker has then read for nothing, and the client fetches again. Here the response that
     * crosses the line is delivered and the throttle that follows makes up for it, as for produce:
     * the average is held to the quota either way (unit-tested, and measured through the
     * gateway within 15% by GatewayQuotasIT), and no read is wasted. A response arriving while the
     * tenant is already over (from another of its connections, or a client that does not wait its
     * throttle) is answered empty: a fetch over quota returns at once with no data.
     *
     * <p>The bucket holds {@code samples × window} of quota (11 s by default), so a new or idle
     * consumer may first take that much at once and is then throttled until it has been repaid.
     */
    public FetchAdmission admitFetch(int responseBytes, long nowMs) {
        requireNotNegative("fetch response bytes", responseBytes);
        touch(nowMs);
        FetchAdmission admission;
        synchronized (fetch) {
            double before = fetchTokens.measurable().measure(fetchTokens.config(), nowMs);
            if (before < 0) {
                admission = new FetchAdmission(false, debtThrottleMs(fetchTokens, before));
            } else {
                fetch.record(responseBytes, nowMs, false);
                double after = fetchTokens.measurable().measure(fetchTokens.config(), nowMs);
                admission = new FetchAdmission(true, debtThrottleMs(fetchTokens, after));
            }
        }
        throttled(QuotaKind.FETCH, admission.throttleMs(), nowMs);
        return admission;
    }

    /** The time for a token bucket at {@code tokens} to refill to zero, capped; 0 when not below zero. */
    private long debtThrottleMs(KafkaMetric bucket, double tokens) {
        return new io.kondo.core.quota.ThrottleTime(settings.maxThrottleMs()).forMutations(tokens, bucket.config().quota().bound());
    }

    /**
     * The most a Fetch may ask for: one sample window of the fetch quota, at least 64 KiB. Kafka's
     * broker allows {@code quota × (samples − 1) × window} (what can be delivered at all); one
     * window keeps a single response from taking ten seconds of quota, so the delivered rate stays
     * even. A record batch larger than this still comes back whole (KIP-74), so no consumer is stuck.
     */
    public int maxFetchBytes() {
        double bytes = limits.fetchBytesPerSecond() * (settings.sampleWindowMs() / 1000.0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_FETCH_BYTES, bytes));
    }

    /**
     * Records {@code nanos} of gateway thread time spent on one of the tenant's requests and
     * returns how long to throttle (0 within quota). The quota is a percentage of one thread over
     * the window ({@code ClientRequestQuotaManager}); as there, the throttle is capped at one sample
     * window.
     */
    public long recordRequestTime(long nanos, long nowMs) {
        requireNotNegative("request time nanos", nanos);
        touch(nowMs);
        long capMs = Math.min(settings.maxThrottleMs(), settings.sampleWindowMs());
        return throttled(QuotaKind.REQUEST_TIME, recordRate(requestTime, nanos * NANOS_TO_PERCENT, nowMs, capMs), nowMs);
    }

    /**
     * Asks to create or delete {@code count} partitions; KIP-599's strict rule (Kafka's
     * {@code StrictControllerMutationQuota}): refused only when the token bucket is already empty
     * before this request, so an accepted request may take it below zero, and then everything is
     * refused until the bucket has refilled to zero.
     *
     * @return 0 when accepted (and recorded); otherwise the throttle time in milliseconds (at least
     *         1) to answer THROTTLING_QUOTA_EXCEEDED with: the time for the bucket to refill to
     *         zero, capped at the maximum throttle (a client retrying sooner is refused again with
     *         the time still to go). A request of 0 partitions is always accepted.
     */
    public long tryMutatePartitions(int count, long nowMs) {
        requireNotNegative("partition mutations", count);
        touch(nowMs);
        if (count == 0) {
            return 0;
        }
        long throttleMs;
        synchronized (mutations) {
            try {
                mutations.checkQuotas(nowMs);
                mutations.record(count, nowMs, false);
                return 0;
            } catch (QuotaViolationException e) {
                throttleMs = Math.max(1, Math.min(ThrottleTime.ofTokenBucket(e), settings.maxThrottleMs()));
            }
        }
        return throttled(QuotaKind.PARTITION_MUTATIONS, throttleMs, nowMs);
    }

    /**
     * Records a connection attempt and returns how long to delay it (0 within the rate). As Kafka's
     * connection rate quota (KIP-612), an attempt over the rate is delayed, not refused, by at most
     * one sample window.
     */
    long connectionAttemptDelayMs(long nowMs) {
        touch(nowMs);
        long capMs = Math.min(settings.maxThrottleMs(), settings.sampleWindowMs());
        return throttled(QuotaKind.CONNECTION_ATTEMPTS, recordRate(connectionAttempts, 1, nowMs, capMs), nowMs);
    }

    /**
     * Counts a new connection unless the tenant already has its maximum open; lowering the maximum
     * closes nothing, it only refuses new connections until enough have closed.
     *
     * @return empty when admitted, or why not
     */
    Optional<String> tryOpenConnection(long nowMs) {
        synchronized (connectionLock) {
            touch(nowMs);
            int max = limits.maxConnections();
            if (openConnections >= max) {
                return Optional.of("logical cluster " + tenantId + " has reached its limit of " + max + " connections");
            }
            openConnections++;
            return Optional.empty();
        }
    }

    /**
     * A connection admitted by {@link TenantQuotaRegistry#connect} has closed.
     *
     * @throws IllegalStateException if no connection is open
     */
    public void connectionClosed(long nowMs) {
        synchronized (connectionLock) {
            if (openConnections == 0) {
                throw new IllegalStateException("logical cluster " + tenantId + " has no open connection to close");
            }
            openConnections--;
            touch(nowMs);
        }
    }

    public int openConnections() {
        synchronized (connectionLock) {
            return openConnections;
        }
    }

    /**
     * Puts new limits in force at once. Measured windows are kept: a tenant over its new quota is
     * throttled on its next request, one under it is not. The token bucket keeps its tokens (capped
     * at the new burst); open connections above a lowered maximum stay open.
     */
    public void update(QuotaLimits next) {
        Objects.requireNonNull(next, "limits");
        synchronized (connectionLock) {
            limits = next;
        }
        setBound(produce, produceTokens, next.effectiveProduceBytesPerSecond());
        setBound(fetch, fetchTokens, next.fetchBytesPerSecond());
        setBound(requestTime, requestTimeRate, next.requestTimePercent());
        setBound(mutations, mutationTokens, next.partitionMutationsPerSecond());
        setBound(connectionAttempts, connectionAttemptRate, next.connectionAttemptsPerSecond());
    }

    /** The tenant's figures measured at {@code nowMs}. */
    public QuotaUsage usage(long nowMs) {
        Map<QuotaKind, Long> throttled = new EnumMap<>(QuotaKind.class);
        throttleTotals.keySet().forEach(kind -> throttled.put(kind, throttleTimeMs(kind)));
        Set<QuotaKind> heldBack = EnumSet.noneOf(QuotaKind.class);
        throttleEndsMs.forEach((kind, endMs) -> {
            if (nowMs - endMs.get() < settings.rateWindowMs()) {
                heldBack.add(kind);
            }
        });
        return new QuotaUsage(tenantId, limits,
                measure(produce, produceRate, nowMs),
                measure(fetch, fetchRate, nowMs),
                measure(requestTime, requestTimeRate, nowMs),
                measure(mutations, mutationRate, nowMs),
                measure(mutations, mutationTokens, nowMs),
                measure(connectionAttempts, connectionAttemptRate, nowMs),
                openConnections(),
                throttled,
                heldBack);
    }

    /**
     * Whether the registry may forget this tenant: no connection open, nothing recorded for the idle
     * expiry, and no partition mutation debt (a new bucket would start full and forgive it).
     */
    boolean idleAt(long nowMs) {
        synchronized (connectionLock) {
            if (openConnections > 0 || nowMs - lastActivityMs < settings.idleExpiryMs()) {
                return false;
            }
        }
        return measure(mutations, mutationTokens, nowMs) >= 0;
    }

    /** Removes this tenant's sensors and their metrics from the shared {@link Metrics}. */
    void retire() {
        for (QuotaKind kind : QuotaKind.values()) {
            metrics.removeSensor(sensorName(kind));
        }
    }

    private long recordRate(Sensor sensor, double value, long nowMs, long capMs) {
        synchronized (sensor) {
            try {
                sensor.record(value, nowMs, true);
                return 0;
            } catch (QuotaViolationException e) {
                long throttleMs = e.metric().measurable() instanceof TokenBucket
                        ? ThrottleTime.ofTokenBucket(e) : ThrottleTime.ofRate(e, nowMs);
                return Math.max(0, Math.min(throttleMs, capMs));
            }
        }
    }

    private long throttled(QuotaKind kind, long throttleMs, long nowMs) {
        if (throttleMs > 0) {
            throttleTotals.get(kind).add(throttleMs);
            throttleEndsMs.get(kind).accumulateAndGet(nowMs + throttleMs, Math::max);
        }
        return throttleMs;
    }

    private static double measure(Sensor sensor, KafkaMetric metric, long nowMs) {
        synchronized (sensor) {
            return metric.measurable().measure(metric.config(), nowMs);
        }
    }

    private void setBound(Sensor sensor, KafkaMetric metric, double bound) {
        synchronized (sensor) {
            metric.config(settings.quotaConfig(bound));
        }
    }

    private void touch(long nowMs) {
        if (nowMs > lastActivityMs) {
            lastActivityMs = nowMs;
        }
    }

    private Sensor sensor(QuotaKind kind) {
        // Never expired by Metrics itself: the registry removes a tenant's sensors, all together.
        return metrics.sensor(sensorName(kind), settings.windowConfig(), Long.MAX_VALUE);
    }

    private KafkaMetric add(Sensor sensor, String name, String description, MeasurableStat stat, MetricConfig config) {
        MetricName metricName = metrics.metricName(name, METRIC_GROUP, description, Map.of("tenant", tenantId));
        sensor.add(metricName, stat, config);
        return metrics.metric(metricName);
    }

    private String sensorName(QuotaKind kind) {
        return "kondo-quota:" + kind.label() + ":" + tenantId;
    }

    private static void requireNotNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
    }
}
