package io.kondo.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final LogicalClusterId CLUSTER = new LogicalClusterId("lkc-abc123");

    @Test
    void issuedKeyVerifiesItsSecretAndKeepsOnlyHashes() {
        ApiKey.Issued issued = ApiKey.issue(CLUSTER, "ci", 1_000L, new Random(3));

        assertThat(ApiKey.isWellFormed(issued.apiKey().key())).isTrue();
        assertThat(issued.secret()).hasSize(48);
        assertThat(issued.apiKey().verifies(issued.secret())).isTrue();
        assertThat(issued.apiKey().verifies(issued.secret() + "x")).isFalse();
        assertThat(issued.apiKey().verifies(null)).isFalse();
        assertThat(issued.apiKey().toString()).doesNotContain(issued.secret());
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            assertThat(issued.apiKey().credential(mechanism).verifies(issued.secret())).isTrue();
        }
    }

    @Test
    void twoIssuedKeysDiffer() {
        Random random = new Random(5);
        ApiKey.Issued first = ApiKey.issue(CLUSTER, "", 0, random);
        ApiKey.Issued second = ApiKey.issue(CLUSTER, "", 0, random);

        assertThat(first.apiKey().key()).isNotEqualTo(second.apiKey().key());
        assertThat(first.secret()).isNotEqualTo(second.secret());
    }

    @Test
    void refusesAKeyWithoutEveryMechanism() {
        ApiKey valid = ApiKey.issue(CLUSTER, "", 0, new Random(1)).apiKey();
        Map<ScramMechanism, ScramCredential> onlySha256 =
                Map.of(ScramMechanism.SCRAM_SHA_256, valid.credential(ScramMechanism.SCRAM_SHA_256));

        assertThatThrownBy(() -> new ApiKey(valid.key(), CLUSTER, "", onlySha256, 0))
                .hasMessageContaining("SCRAM-SHA-512");
    }

    @Test
    void refusesAnOverlongDescription() {
        assertThatThrownBy(() -> ApiKey.issue(CLUSTER, "d".repeat(257), 0, new Random(1)))
                .hasMessageContaining("at most 256");
    }
}
