package io.kondo.simulator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One tenant's counters and latency histograms (microseconds, 1 µs to 1 h, 3 significant digits),
 * fed by its producers' callbacks and consumer threads, and passed on to the run-wide figures.
 */
final class TenantStats {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder ackedBytes = new LongAdder();
    final LongAdder consumed = new LongAdder();
    final LongAdder consumedBytes = new LongAdder();
    final LongAdder foreign = new LongAdder();
    final ErrorTally sendErrors = new ErrorTally();
    final ErrorTally consumeErrors = new ErrorTally();
    private final Histogram produceLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Histogram endToEndLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    private final RunStats run;
    private final ThrottleFigures produceThrottle = new ThrottleFigures();
    private final ThrottleFigures fetchThrottle = new ThrottleFigures();
    private volatile boolean noisy;

    TenantStats(RunStats run) {
        this.run = run;
    }

    void sent() {
        sent.increment();
    }

    void acked(int bytes, long latencyNanos) {
        acked.increment();
        ackedBytes.add(bytes);
        long micros = clamp(latencyNanos);
        produceLatency.recordValue(micros);
        run.acked(bytes, micros, noisy);
    }

    void sendFailed(Throwable error) {
        sendErrors.add(error);
        run.sendErrors.increment();
    }

    void consumed(int bytes, long endToEndNanos, boolean firstTime) {
        consumed.increment();
        consumedBytes.add(bytes);
        if (firstTime) {
            long micros = clamp(endToEndNanos);
            endToEndLatency.recordValue(micros);
            run.consumed(bytes, micros, noisy);
        }
    }

    void consumeFailed(Throwable error) {
        consumeErrors.add(error);
        run.consumeErrors.increment();
    }

    void noisy(boolean noisy) {
        this.noisy = noisy;
    }

    boolean noisy() {
        return noisy;
    }

    ThrottleFigures produceThrottle() {
        return produceThrottle;
    }

    ThrottleFigures fetchThrottle() {
        return fetchThrottle;
    }

    LatencySummary produceLatency() {
        return LatencySummary.of(produceLatency.copy());
    }

    LatencySummary endToEndLatency() {
        return LatencySummary.of(endToEndLatency.copy());
    }

    Histogram produceHistogram() {
        return produceLatency.copy();
    }

    Histogram endToEndHistogram() {
        return endToEndLatency.copy();
    }

    private static long clamp(long nanos) {
        return Math.max(1, Math.min(MAX_MICROS, nanos / 1_000));
    }

    /** Throttle time reported by the clients' metrics: the mean of the sampled averages and the largest maximum. */
    static final class ThrottleFigures {
        private double sumOfAverages;
        private long samples;
        private double max;
        private double latestAverage = Double.NaN;

        synchronized void sample(double averageMs, double maxMs) {
            if (Double.isFinite(averageMs)) {
                sumOfAverages += averageMs;
                samples++;
                latestAverage = averageMs;
            }
            if (Double.isFinite(maxMs)) {
                max = Math.max(max, maxMs);
            }
        }

        synchronized Double averageMs() {
            return samples == 0 ? null : LatencySummary.round(sumOfAverages / samples);
        }

        synchronized Double maxMs() {
            return samples == 0 && max == 0 ? null : LatencySummary.round(max);
        }

        synchronized double latestAverageMs() {
            return latestAverage;
        }
    }
}
