package io.kondo.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * How one kind of simulated tenant behaves. Ranges are drawn once per tenant (seeded), sizes once
 * per message.
 *
 * @param name        shown in the report
 * @param share       weight of this profile in the mix (percent of tenants when the shares add up to 100)
 * @param plan        the plan its logical clusters get; empty means the run's default plan
 * @param rate        messages per second the tenant sends on average (all its producers together)
 * @param size        message value sizes
 * @param topics      topics per tenant
 * @param partitions  partitions per topic
 * @param producers   producer clients per tenant
 * @param consumers   consumer clients per tenant (one consumer group)
 * @param burstiness  0 sends steadily; b in (0, 1] alternates every half burst period between
 *                    {@code rate × (1 + b)} and {@code rate × (1 − b)} (same mean, peaks up to 2×)
 */
public record UsageProfile(String name, double share, Optional<String> plan, Span rate, SizeDistribution size,
                           int topics, Span partitions, Span producers, Span consumers, Span burstiness) {

    static final int MAX_TOPICS = 10;
    static final int MAX_PARTITIONS = 100;
    static final int MAX_CLIENTS = 16;
    static final double MAX_RATE = 1_000_000;

    public UsageProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(size, "size");
        if (!(share > 0)) {
            throw new IllegalArgumentException("profile '" + name + "': share must be positive, got " + share);
        }
        within(name, "rate", rate, 0, MAX_RATE);
        if (topics < 1 || topics > MAX_TOPICS) {
            throw new IllegalArgumentException("profile '" + name + "': topics must be between 1 and " + MAX_TOPICS + ", got " + topics);
        }
        within(name, "partitions", partitions, 1, MAX_PARTITIONS);
        within(name, "producers", producers, 1, MAX_CLIENTS);
        within(name, "consumers", consumers, 1, MAX_CLIENTS);
        within(name, "burstiness", burstiness, 0, 1);
    }

    private static void within(String profile, String field, Span span, double min, double max) {
        Objects.requireNonNull(span, field);
        if (span.min() < min || span.max() > max) {
            throw new IllegalArgumentException("profile '" + profile + "': " + field + " must be between " + min + " and " + max
                    + ", got [" + span.min() + ", " + span.max() + "]");
        }
    }
}
