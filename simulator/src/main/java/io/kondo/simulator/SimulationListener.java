package io.kondo.simulator;

/** Hears how a running simulation is doing; called from the simulation's threads, must not block. */
public interface SimulationListener {

    SimulationListener NONE = line -> { };

    /** A one-line status: elapsed time, tenants active, throughput, errors, faults in progress. */
    void progress(String line);

    /** Something worth telling the operator at once (tenants created, a fault injected or healed). */
    default void event(String line) {
        progress(line);
    }
}
