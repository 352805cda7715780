package io.kondo.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.FairShareTuner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotaTuningTest {

    private static final long MIB = 1024 * 1024;
    private static final PlanLimits PLAN = new PlanLimits(10 * MIB, 10 * MIB, 100 * MIB, 100, 100, 100, 50.0, 10, (int) MIB);

    private final FakeTime time = new FakeTime();
    private final Metrics metrics = new Metrics(new MetricConfig(), List.of(), time);
    private final TenantQuotaRegistry registry = new TenantQuotaRegistry(metrics, QuotaSettings.defaults());
    private final QuotaTuning tuning = new QuotaTuning(registry, id -> Optional.of(PLAN), FairShareTuner.Settings.DEFAULTS);

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    @Test
    void tenantsOverABrokerWideLimitAreLoweredToEqualShares() {
        List<String> tenants = List.of("lkc-aaaaa1", "lkc-aaaaa2", "lkc-aaaaa3", "lkc-aaaaa4");
        for (String tenant : tenants) {
            registry.connect(tenant, QuotaLimits.of(PLAN), time.milliseconds());
        }
        for (int second = 0; second < 12; second++) {
            for (String tenant : tenants) {
                registry.find(tenant).orElseThrow().recordProduce((int) MIB, time.milliseconds());
            }
            time.advance(1_000);
        }

        tuning.step(time.milliseconds(), 3 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);

        for (String tenant : tenants) {
            assertThat(registry.find(tenant).orElseThrow().limits().produceBytesPerSecond()).isEqualTo(3 * MIB / 4);
            assertThat(tuning.dynamicQuota(tenant).orElseThrow().produceBytesPerSecond()).isEqualTo(3 * MIB / 4);
        }
    }

    @Test
    void aStorageCapAndThisInstancesShareApply() {
        registry.connect("lkc-aaaaa1", QuotaLimits.of(PLAN), time.milliseconds());
        tuning.capProduce("lkc-aaaaa1", OptionalLong.of(64 * 1024));
        GatewayPeers half = new GatewayPeers() {
            @Override
            public double shareOf(String tenantId) {
                return 0.5;
            }
        };

        tuning.step(time.milliseconds(), Long.MAX_VALUE / 1024, Long.MAX_VALUE / 1024, 0.5, half);

        QuotaLimits limits = registry.find("lkc-aaaaa1").orElseThrow().limits();
        assertThat(limits.produceBytesPerSecond()).isEqualTo(5 * MIB);
        assertThat(limits.effectiveProduceBytesPerSecond()).isEqualTo(32 * 1024);
        assertThat(Map.of("fetch", limits.fetchBytesPerSecond())).containsEntry("fetch", 5 * MIB);
    }

    @Test
    void aTenantHeldDownByAThrottleCountsAsWantingMoreAndGetsItsEqualShare() {
        List<String> tenants = List.of("lkc-aaaaa1", "lkc-aaaaa2");
        for (String tenant : tenants) {
            registry.connect(tenant, QuotaLimits.of(PLAN), time.milliseconds());
        }
        tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);
        // Both want more than 1 MiB/s, but the second was throttled hard early and shows less so far.
        for (int second = 0; second < 12; second++) {
            registry.find("lkc-aaaaa1").orElseThrow().recordProduce((int) (2 * MIB), time.milliseconds());
            registry.find("lkc-aaaaa2").orElseThrow().recordProduce((int) (MIB / 4), time.milliseconds());
            time.advance(1_000);
        }
        TenantQuotas heldDown = registry.find("lkc-aaaaa2").orElseThrow();
        heldDown.update(QuotaLimits.of(PLAN).withProduceCap(MIB / 8));
        assertThat(heldDown.recordProduce((int) (2 * MIB), time.milliseconds())).as("throttled now").isPositive();

        tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);

        assertThat(registry.find("lkc-aaaaa1").orElseThrow().limits().produceBytesPerSecond()).isEqualTo(MIB);
        assertThat(heldDown.limits().produceBytesPerSecond()).isEqualTo(MIB);
    }

    /**
     * A throttle mutes a tenant's connection for seconds, so it may send nothing (and be throttled
     * no further) for several steps; it still counts as wanting more until a whole rate window has
     * passed without a throttle. Only then is it judged by what it uses.
     */
    @Test
    void aTenantStaysWantingMoreForARateWindowAfterItsLastThrottle() {
        List<String> tenants = List.of("lkc-aaaaa1", "lkc-aaaaa2");
        for (String tenant : tenants) {
            registry.connect(tenant, QuotaLimits.of(PLAN), time.milliseconds());
        }
        TenantQuotas busy = registry.find("lkc-aaaaa1").orElseThrow();
        TenantQuotas muted = registry.find("lkc-aaaaa2").orElseThrow();
        tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);
        for (int second = 0; second < 12; second++) {
            busy.recordProduce((int) (2 * MIB), time.milliseconds());
            muted.recordProduce((int) (MIB / 2), time.milliseconds());
            time.advance(1_000);
        }
        muted.update(QuotaLimits.of(PLAN).withProduceCap(MIB / 8));
        long throttleMs = muted.recordProduce((int) (2 * MIB), time.milliseconds());
        assertThat(throttleMs).as("throttled now").isPositive();
        long heldBackUntilMs = time.milliseconds() + throttleMs + 11_000;
        tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);
        assertThat(muted.limits().produceBytesPerSecond()).as("throttled tenant's quota").isEqualTo(MIB);

        // Every second the busy tenant sends 2 MiB; the muted one nothing (its connection is muted,
        // then it has nothing to show). It keeps its share until a whole window after its throttle ended.
        while (time.milliseconds() + 1_000 < heldBackUntilMs) {
            time.advance(1_000);
            busy.recordProduce((int) (2 * MIB), time.milliseconds());
            tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);
            assertThat(muted.limits().produceBytesPerSecond()).as("muted tenant's quota at %s ms", time.milliseconds())
                    .isEqualTo(MIB);
        }

        // A whole window after the throttle: now judged by its usage, which is low.
        time.advance(1_000);
        busy.recordProduce((int) (2 * MIB), time.milliseconds());
        tuning.step(time.milliseconds(), 2 * MIB, Long.MAX_VALUE / 1024, 1.0, GatewayPeers.NONE);
        assertThat(muted.limits().produceBytesPerSecond()).as("quota once the throttle is a window old")
                .isLessThan(MIB / 2);
        assertThat(busy.limits().produceBytesPerSecond()).isGreaterThan(3 * MIB / 2);
    }
}
