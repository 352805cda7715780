package io.kondo.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "team-a.prod", "A_1"})
    void acceptsOrdinaryNames(String name) {
        assertThat(ClusterName.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-leading", "has space", "slash/", "ü"})
    void refusesNamesWithOtherCharacters(String name) {
        assertThatThrownBy(() -> ClusterName.validate(name)).hasMessageContaining("may contain");
    }

    @Test
    void refusesEmptyAndOverlongNames() {
        assertThatThrownBy(() -> ClusterName.validate("")).hasMessage("name is required");
        assertThatThrownBy(() -> ClusterName.validate(null)).hasMessage("name is required");
        assertThatThrownBy(() -> ClusterName.validate("n".repeat(65))).hasMessageContaining("at most 64");
    }
}
