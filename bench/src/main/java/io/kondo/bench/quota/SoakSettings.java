package io.kondo.bench.quota;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The soak's options, in bytes and durations (see {@link QuotaSoak} for the defaults). */
record SoakSettings(Path out, Duration duration, Duration firstPoint, Duration interval, int steadyTenants,
                    int churnTenants, int churnConnected, Duration churnStep, int churnPerStep, long quotaBytes,
                    double offeredFactor, int recordBytes, int lingerMs, long unackedCapBytes, Duration idleExpiry,
                    int replication, int minInSync, int openParallelism, int loadHeapMib) {

    static final Set<String> OPTIONS = Set.of("out", "duration-seconds", "first-point-seconds", "interval-seconds",
            "steady-tenants", "churn-tenants", "churn-connected", "churn-step-seconds", "churn-per-step", "quota-bytes",
            "offered-factor", "record-bytes", "linger-ms", "unacked-kib", "idle-expiry-seconds", "replication",
            "min-insync", "open-parallelism", "load-heap-mib");

    SoakSettings {
        if (firstPoint.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the first point (" + firstPoint + ") must come before the end ("
                    + duration + ")");
        }
        if (churnConnected > churnTenants) {
            throw new IllegalArgumentException("churn-connected must be at most churn-tenants");
        }
    }

    static SoakSettings from(Options o) {
        return new SoakSettings(o.path("out", "quota-soak.md"), o.seconds("duration-seconds", 600),
                o.seconds("first-point-seconds", 60), o.seconds("interval-seconds", 60), o.integer("steady-tenants", 1000),
                o.integer("churn-tenants", 200), o.integer("churn-connected", 100), o.seconds("churn-step-seconds", 5),
                o.integer("churn-per-step", 10), o.integer("quota-bytes", 4096), o.decimal("offered-factor", 1.25),
                o.integer("record-bytes", 1024), o.integer("linger-ms", 2000), o.integer("unacked-kib", 32) * 1024L,
                o.seconds("idle-expiry-seconds", 30), o.integer("replication", 3), o.integer("min-insync", 2),
                o.integer("open-parallelism", 8), o.integer("load-heap-mib", 2048));
    }

    /** The options the load process needs, as arguments (the tenants come in a file). */
    List<String> toArgs() {
        return List.of("--churn-tenants", Integer.toString(churnTenants),
                "--churn-connected", Integer.toString(churnConnected),
                "--churn-step-seconds", Long.toString(churnStep.toSeconds()),
                "--churn-per-step", Integer.toString(churnPerStep),
                "--quota-bytes", Long.toString(quotaBytes),
                "--offered-factor", Double.toString(offeredFactor),
                "--record-bytes", Integer.toString(recordBytes),
                "--linger-ms", Integer.toString(lingerMs),
                "--unacked-kib", Long.toString(unackedCapBytes / 1024),
                "--open-parallelism", Integer.toString(openParallelism),
                "--duration-seconds", Long.toString(duration.toSeconds()),
                "--first-point-seconds", Long.toString(firstPoint.toSeconds()));
    }

    /** How long a churning tenant stays connected, and away, in one cycle. */
    Duration churnSession() {
        return churnPerStep == 0 ? Duration.ZERO : churnStep.multipliedBy(Math.max(1, churnConnected / churnPerStep));
    }

    Duration churnAway() {
        return churnPerStep == 0 ? Duration.ZERO
                : churnStep.multipliedBy(Math.max(1, (churnTenants - churnConnected) / churnPerStep));
    }
}
