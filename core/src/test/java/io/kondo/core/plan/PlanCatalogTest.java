package io.kondo.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

    private static final PlanLimits LIMITS = new PlanLimits(1, 1, 1, 1, 1, 1, 1.0, 1, 1);

    @Test
    void defaultsOfferThreePlansWithBasicFirst() {
        PlanCatalog catalog = PlanCatalog.defaults();

        assertThat(catalog.all()).extracting(Plan::name).containsExactly("basic", "standard", "premium");
        assertThat(catalog.defaultPlan().name()).isEqualTo("basic");
        assertThat(catalog.find("standard")).isPresent();
        assertThat(catalog.find("gold")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void refusesAPlanDefinedTwice() {
        assertThatThrownBy(() -> new PlanCatalog(List.of(new Plan("a", "", LIMITS), new Plan("a", "", LIMITS))))
                .hasMessageContaining("'a' is defined twice");
    }

    @Test
    void refusesNonPositiveLimitsNamingTheField() {
        assertThatThrownBy(() -> new PlanLimits(0, 1, 1, 1, 1, 1, 1.0, 1, 1))
                .hasMessageContaining("produce_bytes_per_second");
        assertThatThrownBy(() -> new PlanLimits(1, 1, 1, 1, 1, 1, 101.0, 1, 1))
                .hasMessageContaining("request_time_percent");
    }

    @Test
    void defaultsLetStandardAndPremiumGrowTheirStorageToTwiceTheBaseButNotBasic() {
        PlanCatalog catalog = PlanCatalog.defaults();

        PlanLimits basic = catalog.find("basic").orElseThrow().limits();
        assertThat(basic.storageAutoExpand()).isFalse();
        assertThat(basic.storageHardCapBytes()).isEqualTo(basic.storageBytes());
        for (String name : List.of("standard", "premium")) {
            PlanLimits limits = catalog.find(name).orElseThrow().limits();
            assertThat(limits.storageAutoExpand()).as(name).isTrue();
            assertThat(limits.storageHardCapBytes()).as(name).isEqualTo(2 * limits.storageBytes());
        }
    }

    @Test
    void limitsWithoutStorageSettingsKeepAFixedQuotaCappedAtItself() {
        PlanLimits limits = new PlanLimits(1, 1, 5_000, 1, 1, 1, 1.0, 1, 1);

        assertThat(limits.storageHardCapBytes()).isEqualTo(5_000);
        assertThat(limits.storageAutoExpand()).isFalse();
    }

    @Test
    void refusesAStorageHardCapBelowTheQuota() {
        assertThatThrownBy(() -> new PlanLimits(1, 1, 5_000, 1, 1, 1, 1.0, 1, 1, 4_999, true))
                .hasMessageContaining("storage_hard_cap_bytes must be at least storage_bytes (5000), got 4999");
    }

    @Test
    void refusesABadPlanName() {
        assertThatThrownBy(() -> new Plan("Gold Plan", "", LIMITS)).hasMessageContaining("plan name");
    }
}
