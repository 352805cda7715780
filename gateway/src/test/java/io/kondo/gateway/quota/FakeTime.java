package io.kondo.gateway.quota;

import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** A clock that moves only when told to (kafka-clients' {@code MockTime} is in its test jar). */
final class FakeTime implements Time {

    /** Tests start at a realistic instant: a token bucket starts full only when time is well past 0. */
    static final long START_MS = 1_700_000_000_000L;

    private long nowMs = START_MS;

    @Override
    public synchronized long milliseconds() {
        return nowMs;
    }

    @Override
    public synchronized long nanoseconds() {
        return nowMs * 1_000_000L;
    }

    @Override
    public synchronized void sleep(long ms) {
        nowMs += ms;
    }

    synchronized long advance(long ms) {
        nowMs += ms;
        return nowMs;
    }

    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
        if (!condition.get()) {
            throw new UnsupportedOperationException("FakeTime cannot wait for a condition");
        }
    }
}
