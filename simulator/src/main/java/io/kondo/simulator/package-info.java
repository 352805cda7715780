/**
 * The simulator: N simulated tenants, each a logical cluster created through the control plane's
 * REST API, driven through the gateway by real Kafka producers and consumers with a usage profile,
 * while failures are injected; the outcome is a {@link io.kondo.simulator.Report} (JSON) and its
 * {@link io.kondo.simulator.HtmlReport} page.
 *
 * <p>Public surface: {@link io.kondo.simulator.Simulation} runs a
 * {@link io.kondo.simulator.SimulationPlan} against a {@link io.kondo.simulator.Target}, with
 * {@link io.kondo.simulator.PlatformFaults} for the failures that need the platform itself (broker,
 * gateway and control plane restarts). Everything else in this package is package-private.
 *
 * <p>Threads: one thread per simulated producer and consumer, one sampler thread that takes the
 * timeline once per interval, one thread that injects faults, and a small pool that creates tenants.
 * Ledgers and statistics are safe for concurrent use; plans, profiles and reports are immutable.
 *
 * <p>Time: wall-clock time comes from an injected {@link java.time.Clock}, elapsed time from an
 * injected {@link io.kondo.simulator.Ticker}; the pure parts (pacing, sequence ledgers, ramp and
 * recovery analysis) take the time as an argument and are tested with made-up times.
 */
package io.kondo.simulator;
