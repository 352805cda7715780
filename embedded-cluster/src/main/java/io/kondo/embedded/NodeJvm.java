package io.kondo.embedded;

import java.util.List;

/**
 * How each node's JVM is tuned. The choice is between starting fast and running fast: on two
 * processors three nodes served in 9–16 s with the C1 compiler alone and in 20–26 s when C2
 * competed for the processors (docs/benchmarks.md), but C1's code costs the brokers more CPU per
 * request.
 */
public enum NodeJvm {

    /** C1 only, a 512 MiB serial-collected heap: for tests and the dev platform, where start-up time counts. */
    QUICK_START(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),

    /**
     * Both compilers and the heap and collector of Kafka's own start scripts (1 GiB, G1 with 20 ms
     * pauses): for benchmarks, whose brokers should cost what production brokers cost.
     */
    FULL_SPEED(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35"));

    private final List<String> options;

    NodeJvm(List<String> options) {
        this.options = options;
    }

    /** The JVM options this tuning adds to a node's command line. */
    List<String> options() {
        return options;
    }
}
