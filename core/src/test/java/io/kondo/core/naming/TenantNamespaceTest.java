package io.kondo.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.tenant.LogicalClusterId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantNamespaceTest {

    private final TenantNamespace tenant = new TenantNamespace(new LogicalClusterId("lkc-abc123"));

    @ParameterizedTest
    @CsvSource({"users,lkc-abc123_users", "lkc-abc123_x,lkc-abc123_lkc-abc123_x", "_a,lkc-abc123__a"})
    void mapsNamesIntoTheBackingNamespaceAndBack(String tenantName, String backingName) {
        assertThat(tenant.toBacking(tenantName)).isEqualTo(backingName);
        assertThat(tenant.toTenant(backingName)).contains(tenantName);
    }

    @ParameterizedTest
    @CsvSource({"lkc-abc124_users", "users", "__consumer_offsets", "_kondo_tenant_metadata", "lkc-abc123_", "lkc-abc123"})
    void ownsNoNameOfAnotherTenantOrOfTheCluster(String backingName) {
        assertThat(tenant.owns(backingName)).isFalse();
        assertThat(tenant.toTenant(backingName)).isEmpty();
    }

    @Test
    void leavesTheTenantKafkasTopicNameLimitLessItsPrefix() {
        assertThat(tenant.maxTopicNameLength()).isEqualTo(249 - "lkc-abc123_".length());
    }
}
