package io.kondo.simulator;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One simulated tenant's settings, drawn from its profile with the run's seed.
 *
 * @param index       0-based, in the order tenants are added
 * @param plan        the plan asked for; empty means the catalog's default
 * @param shape       its send rate over time
 * @param seed        seeds its message sizes
 */
record TenantSpec(int index, UsageProfile profile, Optional<String> plan, TrafficShape shape, SizeDistribution size,
                  int topics, int partitions, int producers, int consumers, long seed) {

    /** Half a burst cycle lasts 5 s: long enough to be a burst, short enough to show in a short run. */
    static final long BURST_PERIOD_MS = 10_000;

    static TenantSpec draw(int index, UsageProfile profile, Optional<String> defaultPlan, long runSeed) {
        SplittableRandom random = new SplittableRandom(runSeed * 1_000_003L + index);
        TrafficShape shape = new TrafficShape(profile.rate().draw(random), profile.burstiness().draw(random), BURST_PERIOD_MS,
                random.nextLong(BURST_PERIOD_MS));
        return new TenantSpec(index, profile, profile.plan().or(() -> defaultPlan), shape, profile.size(), profile.topics(),
                Math.max(1, profile.partitions().drawInt(random)), Math.max(1, profile.producers().drawInt(random)),
                Math.max(1, profile.consumers().drawInt(random)), random.nextLong());
    }

    /** Bytes per second it means to send on average. */
    double targetBytesPerSecond() {
        return shape.rate() * size.mean();
    }

    String topic(int t) {
        return "sim-events-" + t;
    }
}
