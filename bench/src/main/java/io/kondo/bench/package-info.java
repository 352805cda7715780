/**
 * Benchmarks of the gateway against direct access to the backing cluster, as plain mains run by
 * {@code bench/run-gateway-bench.sh}; not tests, and never built by {@code mvn verify}.
 *
 * <p>Threading: everything runs on the main thread except producer callbacks, which run on each
 * producer's I/O thread and write only to that run's {@link io.kondo.bench.LatencyRecorder}; the
 * recorder is read after {@code flush()}, which happens-after every callback.
 */
package io.kondo.bench;
