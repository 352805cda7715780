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
    void refusesABadPlanName() {
        assertThatThrownBy(() -> new Plan("Gold Plan", "", LIMITS)).hasMessageContaining("plan name");
    }
}
