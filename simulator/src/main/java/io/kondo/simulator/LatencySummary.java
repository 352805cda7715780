package io.kondo.simulator;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, reported in milliseconds; null
 * figures when nothing was recorded.
 */
public record LatencySummary(long count, Double p50, Double p99, Double p999, Double max, Double mean) {

    static final LatencySummary EMPTY = new LatencySummary(0, null, null, null, null, null);

    static LatencySummary of(Histogram micros) {
        if (micros == null || micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
    }

    private static Double ms(long micros) {
        return round(micros / 1000.0);
    }

    static Double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
    }
}
