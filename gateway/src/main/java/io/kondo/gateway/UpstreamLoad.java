package io.kondo.gateway;

import java.util.concurrent.atomic.LongAdder;

/**
 * How hard the gateway is leaning on the backing brokers: requests forwarded and not yet answered,
 * and the mean time brokers took to answer since the last look. The overload governor reads it
 * once per quota step. Thread-safe (every event loop records into it).
 */
final class UpstreamLoad {

    /** The load seen over one step. */
    record Sample(int inFlight, double meanLatencyMs) {
    }

    private final LongAdder inFlight = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder answerNanos = new LongAdder();

    void forwarded() {
        inFlight.increment();
    }

    void answered(long latencyNanos) {
        inFlight.decrement();
        answered.increment();
        answerNanos.add(latencyNanos);
    }

    /** Requests of a closed connection that will never be answered. */
    void abandoned(int requests) {
        inFlight.add(-requests);
    }

    /** The load now, and the mean latency since the previous call. */
    Sample sample() {
        long count = answered.sumThenReset();
        long nanos = answerNanos.sumThenReset();
        return new Sample((int) Math.max(0, inFlight.sum()), count == 0 ? 0 : nanos / 1e6 / count);
    }
}
