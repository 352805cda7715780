package io.kondo.gateway.quota;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.QuotaViolationException;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.TokenBucket;

/**
 * Reads a {@link QuotaViolationException} for the core's throttle arithmetic
 * ({@link io.kondo.core.quota.ThrottleTime}, Kafka's {@code QuotaUtils} and
 * {@code ControllerMutationQuotaManager} restated); callers apply their own caps.
 */
final class ThrottleTime {

    private static final io.kondo.core.quota.ThrottleTime UNCAPPED = new io.kondo.core.quota.ThrottleTime(Long.MAX_VALUE);

    private ThrottleTime() {
    }

    /**
     * For a {@link Rate}: with observed rate O, quota T and the rate's window W (measured at
     * {@code nowMs}), the delay X such that {@code O × W / (W + X) = T}, that is
     * {@code X = (O − T) / T × W} ({@code QuotaUtils.throttleTime}).
     */
    static long ofRate(QuotaViolationException e, long nowMs) {
        KafkaMetric metric = e.metric();
        if (!(metric.measurable() instanceof Rate)) {
            throw new IllegalArgumentException("metric " + metric.metricName() + " is not a Rate: " + metric.measurable());
        }
        long windowMs = ((Rate) metric.measurable()).windowSize(metric.config(), nowMs);
        return UNCAPPED.forRate(e.value(), e.bound(), windowMs);
    }

    /**
     * For a {@link TokenBucket} refilled at {@code bound} tokens per second: the time for the
     * (negative) token count to climb back to zero ({@code ControllerMutationQuotaManager.throttleTimeMs}).
     */
    static long ofTokenBucket(QuotaViolationException e) {
        KafkaMetric metric = e.metric();
        if (!(metric.measurable() instanceof TokenBucket)) {
            throw new IllegalArgumentException("metric " + metric.metricName() + " is not a TokenBucket: " + metric.measurable());
        }
        return UNCAPPED.forMutations(e.value(), e.bound());
    }
}
