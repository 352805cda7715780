package io.kondo.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.core.quota.FairShareTuner.Allocation;
import io.kondo.core.quota.FairShareTuner.Settings;
import io.kondo.core.quota.FairShareTuner.TenantUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FairShareTunerTest {

    private static final long MB = 1_000_000;
    private static final long MINUTE = 60_000;
    /** Active above 1 KB/s for 5 minutes; need = usage × 1.1 + 10 KB/s. */
    private static final Settings SETTINGS = new Settings(5 * MINUTE, 1_000, 1.1, 10_000);

    private final FairShareTuner tuner = new FairShareTuner(SETTINGS);

    private static TenantUsage tenant(String id, long plan, double usage) {
        return new TenantUsage(id, plan, usage);
    }

    private static long sum(Allocation allocation, String... tenants) {
        long sum = 0;
        for (String tenant : tenants) {
            sum += allocation.quotaOf(tenant);
        }
        return sum;
    }

    @Test
    void smallTenantsGetHeadroomAboveUsageAndBigTenantsShareTheRest() {
        Allocation allocation = tuner.step(0, 20 * MB, List.of(
                tenant("small-1", 10 * MB, 2 * MB), tenant("small-2", 10 * MB, 2 * MB),
                tenant("big-1", 10 * MB, 10 * MB), tenant("big-2", 10 * MB, 10 * MB)));

        assertThat(allocation.contended()).isTrue();
        assertThat(allocation.quotaOf("small-1")).isEqualTo(2_210_000);
        assertThat(allocation.quotaOf("small-2")).isEqualTo(2_210_000);
        assertThat(allocation.quotaOf("big-1")).isEqualTo(7_790_000);
        assertThat(allocation.quotaOf("big-2")).isEqualTo(7_790_000);
        assertThat(sum(allocation, "small-1", "small-2", "big-1", "big-2")).isLessThanOrEqualTo(20 * MB);
    }

    @Test
    void everyTenantKeepsItsPlanQuotaWhileDemandFitsTheLimit() {
        Allocation allocation = tuner.step(0, 20 * MB, List.of(
                tenant("a", 10 * MB, 8 * MB), tenant("b", 10 * MB, 5 * MB), tenant("c", 10 * MB, 2 * MB)));

        assertThat(allocation.contended()).isFalse();
        assertThat(allocation.quotas()).containsOnly(
                org.assertj.core.api.Assertions.entry("a", 10 * MB),
                org.assertj.core.api.Assertions.entry("b", 10 * MB),
                org.assertj.core.api.Assertions.entry("c", 10 * MB));
    }

    @Test
    void sharesAreProportionalToPlanQuotas() {
        Allocation allocation = tuner.step(0, 15 * MB, List.of(
                tenant("double", 20 * MB, 20 * MB), tenant("single", 10 * MB, 10 * MB)));

        assertThat(allocation.quotaOf("double")).isEqualTo(10 * MB);
        assertThat(allocation.quotaOf("single")).isEqualTo(5 * MB);
    }

    @Test
    void throttledTenantsStayContendedInsteadOfFlappingBackToPlanQuotas() {
        List<TenantUsage> wanting = List.of(
                tenant("small-1", 10 * MB, 2 * MB), tenant("small-2", 10 * MB, 2 * MB),
                tenant("big-1", 10 * MB, 10 * MB), tenant("big-2", 10 * MB, 10 * MB));
        Allocation first = tuner.step(0, 20 * MB, wanting);

        // The big tenants are now held at their quotas: together everyone uses just under the limit.
        Allocation second = tuner.step(10_000, 20 * MB, List.of(
                tenant("small-1", 10 * MB, 2 * MB), tenant("small-2", 10 * MB, 2 * MB),
                tenant("big-1", 10 * MB, first.quotaOf("big-1")), tenant("big-2", 10 * MB, first.quotaOf("big-2"))));

        assertThat(second.contended()).isTrue();
        assertThat(second.quotas()).isEqualTo(first.quotas());
    }

    @Test
    void quotasReturnToPlanWhenDemandFalls() {
        tuner.step(0, 20 * MB, List.of(tenant("a", 10 * MB, 10 * MB), tenant("b", 10 * MB, 10 * MB),
                tenant("c", 10 * MB, 10 * MB)));

        Allocation calmer = tuner.step(10_000, 20 * MB, List.of(tenant("a", 10 * MB, 5 * MB),
                tenant("b", 10 * MB, 4 * MB), tenant("c", 10 * MB, 3 * MB)));

        assertThat(calmer.contended()).isFalse();
        assertThat(calmer.quotas().values()).containsOnly(10 * MB);
    }

    @Test
    void growthOfATenantBelowItsShareShowsAtTheNextStep() {
        long previous = 0;
        double usage = 2 * MB;
        for (int step = 0; step < 5; step++) {
            Allocation allocation = tuner.step(step * 10_000L, 20 * MB, List.of(
                    tenant("growing", 10 * MB, usage), tenant("quiet", 10 * MB, 2 * MB),
                    tenant("big-1", 10 * MB, 10 * MB), tenant("big-2", 10 * MB, 10 * MB)));
            long quota = allocation.quotaOf("growing");

            assertThat(quota).isGreaterThan(previous).isGreaterThan((long) usage);
            previous = quota;
            usage = quota; // it uses everything it is allowed
        }
        assertThat(previous).isEqualTo(3_282_071); // 2 MB grown by 10% + 10 KB at each of five steps
    }

    @Test
    void aTenantGoingIdleKeepsTakingPartUntilTheActivityWindowPasses() {
        tuner.step(0, 15 * MB, List.of(tenant("idle", 10 * MB, 5 * MB),
                tenant("big-1", 10 * MB, 10 * MB), tenant("big-2", 10 * MB, 10 * MB)));
        List<TenantUsage> idleNow = List.of(tenant("idle", 10 * MB, 0),
                tenant("big-1", 10 * MB, 10 * MB), tenant("big-2", 10 * MB, 10 * MB));

        Allocation stillActive = tuner.step(5 * MINUTE - 1, 15 * MB, idleNow);
        assertThat(stillActive.quotaOf("idle")).isEqualTo(10_000);
        assertThat(stillActive.quotaOf("big-1")).isEqualTo(7_495_000);

        Allocation dropped = tuner.step(5 * MINUTE, 15 * MB, idleNow);
        assertThat(dropped.quotaOf("idle")).isEqualTo(10 * MB);
        assertThat(dropped.quotaOf("big-1")).isEqualTo(7_500_000);
    }

    @Test
    void forgetsTenantsNotActiveWithinTheWindow() {
        tuner.step(0, 20 * MB, List.of(tenant("gone", 10 * MB, 5 * MB), tenant("stays", 10 * MB, 5 * MB)));
        assertThat(tuner.trackedTenants()).isEqualTo(2);

        tuner.step(4 * MINUTE, 20 * MB, List.of(tenant("stays", 10 * MB, 5 * MB)));
        assertThat(tuner.trackedTenants()).isEqualTo(2);

        tuner.step(5 * MINUTE, 20 * MB, List.of(tenant("stays", 10 * MB, 5 * MB)));
        assertThat(tuner.trackedTenants()).isEqualTo(1);

        tuner.step(20 * MINUTE, 20 * MB, List.of());
        assertThat(tuner.trackedTenants()).isZero();
    }

    @Test
    void anInactiveTenantKeepsItsPlanQuotaAndIsNotCountedAgainstTheLimit() {
        Allocation allocation = tuner.step(0, 10 * MB, List.of(tenant("asleep", 10 * MB, 500),
                tenant("a", 10 * MB, 10 * MB), tenant("b", 10 * MB, 10 * MB)));

        assertThat(allocation.quotaOf("asleep")).isEqualTo(10 * MB);
        assertThat(sum(allocation, "a", "b")).isEqualTo(10 * MB);
        assertThat(tuner.trackedTenants()).isEqualTo(2);
    }

    @Test
    void noQuotaIsEverAbovePlanAndContendedQuotasNeverExceedTheLimit() {
        Random random = new Random(42);
        for (int step = 0; step < 500; step++) {
            List<TenantUsage> tenants = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(8); t++) {
                long plan = (1 + random.nextInt(20)) * MB;
                tenants.add(tenant("t" + t, plan, random.nextDouble() * plan * 1.2));
            }
            long limit = random.nextInt(40) * MB + random.nextInt(1_000_000);

            Allocation allocation = tuner.step(step * 10_000L, limit, tenants);

            for (TenantUsage tenant : tenants) {
                assertThat(allocation.quotaOf(tenant.tenantId())).isBetween(0L, tenant.planQuota());
            }
            if (allocation.contended()) {
                assertThat(allocation.quotas().values().stream().mapToLong(Long::longValue).sum())
                        .isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void noTenantsMeansNothingToAllocate() {
        Allocation allocation = tuner.step(0, 20 * MB, List.of());

        assertThat(allocation.quotas()).isEmpty();
        assertThat(allocation.contended()).isFalse();
    }

    @Test
    void aSingleTenantGetsTheWholeLimitWhenItWantsMore() {
        assertThat(tuner.step(0, 5 * MB, List.of(tenant("only", 10 * MB, 10 * MB))).quotaOf("only"))
                .isEqualTo(5 * MB);
        assertThat(tuner.step(10_000, 5 * MB, List.of(tenant("only", 10 * MB, 1 * MB))).quotaOf("only"))
                .isEqualTo(10 * MB);
    }

    @Test
    void aLimitBelowTheTenantsFloorsIsSharedWithoutBeingExceeded() {
        List<TenantUsage> tenants = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            tenants.add(tenant("t" + t, 10 * MB, 2_000));
        }

        Allocation allocation = tuner.step(0, 20_000, tenants);

        assertThat(allocation.contended()).isTrue();
        assertThat(allocation.quotas().values()).containsOnly(4_000L);
    }

    @Test
    void refusesATenantListedTwiceAndANegativeLimit() {
        assertThatThrownBy(() -> tuner.step(0, MB, List.of(tenant("a", MB, 0), tenant("a", MB, 0))))
                .hasMessageContaining("tenant a appears twice");
        assertThatThrownBy(() -> tuner.step(0, -1, List.of())).hasMessageContaining("limit must not be negative");
    }
}
