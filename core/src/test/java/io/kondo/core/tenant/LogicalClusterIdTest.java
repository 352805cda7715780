package io.kondo.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogicalClusterIdTest {

    @Test
    void randomIdsHaveTheContractFormat() {
        Random random = new Random(11);
        for (int i = 0; i < 1_000; i++) {
            assertThat(LogicalClusterId.random(random).value()).matches("lkc-[0-9a-z]{6}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lkc-ABC123", "lkc-abc12", "lkc-abc1234", "lkc_abc123", "abc123", "lkc-abc12_", ""})
    void refusesMalformedIds(String value) {
        assertThat(LogicalClusterId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new LogicalClusterId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lkc-");
    }
}
