package io.kondo.simulator;

/** A monotonic time source in nanoseconds (elapsed time, latencies); injected so logic can be tested with made-up times. */
@FunctionalInterface
public interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
