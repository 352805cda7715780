package io.kondo.simulator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Run-wide counters and interval latency recorders, read by the timeline once per interval. Figures
 * of a tenant while it is being noisy are kept apart, so the timeline shows what the others got.
 */
final class RunStats {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    final LongAdder acked = new LongAdder();
    final LongAdder ackedBytes = new LongAdder();
    final LongAdder noisyAckedBytes = new LongAdder();
    final LongAdder consumed = new LongAdder();
    final LongAdder consumedBytes = new LongAdder();
    final LongAdder sendErrors = new LongAdder();
    final LongAdder consumeErrors = new LongAdder();
    private final Recorder produceLatency = new Recorder(MAX_MICROS, 3);
    private final Recorder endToEndLatency = new Recorder(MAX_MICROS, 3);

    void acked(int bytes, long micros, boolean noisy) {
        if (noisy) {
            noisyAckedBytes.add(bytes);
            return;
        }
        acked.increment();
        ackedBytes.add(bytes);
        produceLatency.recordValue(micros);
    }

    void consumed(int bytes, long micros, boolean noisy) {
        consumed.increment();
        consumedBytes.add(bytes);
        if (!noisy) {
            endToEndLatency.recordValue(micros);
        }
    }

    /** Produce latencies of well-behaved tenants since the last call. */
    Histogram produceInterval() {
        return produceLatency.getIntervalHistogram();
    }

    /** End-to-end latencies of well-behaved tenants since the last call. */
    Histogram endToEndInterval() {
        return endToEndLatency.getIntervalHistogram();
    }
}
