package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.kondo.core.quota.QuotaSplit.InstanceDemand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotaSplitTest {

    private static final long NOW = 100_000;
    /** Reports older than 30 s are stale; 10% of the quota is kept as equal floors. */
    private final QuotaSplit split = new QuotaSplit(30_000, 0.1);

    private static InstanceDemand report(String instance, double demand) {
        return new InstanceDemand(instance, demand, NOW);
    }

    @Test
    void splitsByDemandAboveEqualFloors() {
        Map<String, Long> shares = split.shares(1_000, List.of(report("gw-1", 300), report("gw-2", 100)), NOW);

        // floors of 50 each, the other 900 split 3:1
        assertThat(shares).containsExactly(entry("gw-1", 725L), entry("gw-2", 275L));
    }

    @Test
    void withoutFloorsSharesFollowDemandExactly() {
        Map<String, Long> shares = new QuotaSplit(30_000, 0).shares(
                1_000, List.of(report("gw-1", 30), report("gw-2", 10)), NOW);

        assertThat(shares).containsExactly(entry("gw-1", 750L), entry("gw-2", 250L));
    }

    @Test
    void anIdleInstanceKeepsItsFloorToAdmitANewClient() {
        Map<String, Long> shares = split.shares(1_000, List.of(report("busy", 500), report("idle", 0)), NOW);

        assertThat(shares).containsExactly(entry("busy", 950L), entry("idle", 50L));
    }

    @Test
    void splitsEquallyWhenNoInstanceReportsDemand() {
        Map<String, Long> shares = split.shares(
                1_000, List.of(report("a", 0), report("b", 0), report("c", 0)), NOW);

        assertThat(shares.values()).allSatisfy(share -> assertThat(share).isBetween(333L, 334L));
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
    }

    @Test
    void ignoresInstancesWhoseReportsAreStale() {
        Map<String, Long> shares = split.shares(1_000, List.of(
                new InstanceDemand("fresh", 100, NOW - 30_000),
                new InstanceDemand("stale", 900, NOW - 30_001)), NOW);

        assertThat(shares).containsExactly(entry("fresh", 1_000L));
    }

    @Test
    void noFreshReportMeansNoShares() {
        assertThat(split.shares(1_000, List.of(new InstanceDemand("old", 5, 0)), NOW)).isEmpty();
        assertThat(split.shares(1_000, List.of(), NOW)).isEmpty();
    }

    @Test
    void sharesAlwaysAddUpToTheQuotaAndNeverFallBelowTheFloor() {
        Random random = new Random(7);
        for (int round = 0; round < 1_000; round++) {
            long quota = random.nextInt(10_000_000);
            int instances = 1 + random.nextInt(9);
            List<InstanceDemand> reports = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                reports.add(report("gw-" + i, random.nextInt(3) == 0 ? 0 : random.nextDouble() * 1e7));
            }

            Map<String, Long> shares = split.shares(quota, reports, NOW);

            long floor = (long) Math.floor(0.1 * quota / instances);
            assertThat(shares.values()).allSatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(floor));
            assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(quota);
        }
    }

    @Test
    void refusesAnInstanceReportedTwiceAndAFloorFractionAboveOne() {
        assertThatThrownBy(() -> split.shares(1_000, List.of(report("gw-1", 1), report("gw-1", 2)), NOW))
                .hasMessageContaining("instance 'gw-1' reported twice");
        assertThatThrownBy(() -> new QuotaSplit(1_000, 1.5)).hasMessageContaining("floor fraction");
    }
}
