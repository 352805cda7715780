package io.kondo.core.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plans on offer, in the order the operator lists them; the first is the default. */
public final class PlanCatalog {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;

    private final Map<String, Plan> plans;
    private final List<Plan> ordered;

    public PlanCatalog(List<Plan> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a plan catalog needs at least one plan");
        }
        Map<String, Plan> byName = new LinkedHashMap<>();
        for (Plan plan : plans) {
            if (byName.putIfAbsent(plan.name(), plan) != null) {
                throw new IllegalArgumentException("plan '" + plan.name() + "' is defined twice");
            }
        }
        this.plans = Map.copyOf(byName);
        this.ordered = List.copyOf(byName.values());
    }

    /**
     * Three plans sized for a small shared cluster. Operators replace them in {@code kondo.yaml}.
     * Figures follow what managed services offer at these tiers, scaled to one 3-broker cluster.
     * Basic keeps a fixed storage quota (warned at 80%, a trickle past it); standard and premium
     * grow their storage quota with use up to twice the base.
     */
    public static PlanCatalog defaults() {
        return new PlanCatalog(List.of(
                new Plan("basic", "Development and small workloads", new PlanLimits(
                        1 * MIB, 3 * MIB, 5 * GIB, 100, 100, 20, 5.0, 5, (int) MIB,
                        5 * GIB, false)),
                new Plan("standard", "Production workloads", new PlanLimits(
                        10 * MIB, 30 * MIB, 100 * GIB, 500, 1_000, 100, 20.0, 20, (int) (2 * MIB),
                        200 * GIB, true)),
                new Plan("premium", "High-throughput workloads", new PlanLimits(
                        50 * MIB, 150 * MIB, 1024 * GIB, 2_000, 5_000, 500, 50.0, 100, (int) (8 * MIB),
                        2048 * GIB, true))));
    }

    public Optional<Plan> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(plans.get(name));
    }

    public Plan defaultPlan() {
        return ordered.get(0);
    }

    public Collection<Plan> all() {
        return ordered;
    }
}
