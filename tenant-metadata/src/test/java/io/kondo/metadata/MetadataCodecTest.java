package io.kondo.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {

    private final MetadataCodec codec = new MetadataCodec();
    private final LogicalCluster cluster = new LogicalCluster(
            new LogicalClusterId("lkc-abc123"), "orders", "basic", "cell-0", ClusterState.ACTIVE, 42L);

    @Test
    void clusterRoundTripsThroughTheTopicFormat() {
        MetadataRecord put = new MetadataRecord.ClusterPut(cluster);

        assertThat(codec.key(put)).isEqualTo("cluster/lkc-abc123");
        assertThat(codec.decode(codec.key(put), codec.value(put))).contains(put);
    }

    @Test
    void apiKeyRoundTripsWithItsCredentialsButNoSecret() {
        ApiKey.Issued issued = ApiKey.issue(cluster.id(), "ci pipeline", 7L, new Random(1));
        MetadataRecord put = new MetadataRecord.ApiKeyPut(issued.apiKey());

        byte[] value = codec.value(put);
        MetadataRecord decoded = codec.decode(codec.key(put), value).orElseThrow();

        assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain(issued.secret());
        assertThat(((MetadataRecord.ApiKeyPut) decoded).apiKey()).isEqualTo(issued.apiKey());
        assertThat(((MetadataRecord.ApiKeyPut) decoded).apiKey().verifies(issued.secret())).isTrue();
    }

    @Test
    void tombstonesDecodeAsRemovals() {
        assertThat(codec.value(new MetadataRecord.ClusterRemoved(cluster.id()))).isNull();
        assertThat(codec.decode("cluster/lkc-abc123", null)).contains(new MetadataRecord.ClusterRemoved(cluster.id()));
        assertThat(codec.decode("api-key/ABCDEFGHIJKLMNOP", null)).contains(new MetadataRecord.ApiKeyRemoved("ABCDEFGHIJKLMNOP"));
    }

    @Test
    void skipsKindsItDoesNotKnowAndIgnoresUnknownFields() {
        assertThat(codec.decode("quota/lkc-abc123", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();

        String newer = "{\"version\":2,\"id\":\"lkc-abc123\",\"name\":\"orders\",\"plan\":\"basic\",\"cell\":\"cell-0\","
                + "\"state\":\"ACTIVE\",\"created_at_ms\":42,\"added_later\":true}";
        assertThat(codec.decode("cluster/lkc-abc123", newer.getBytes(StandardCharsets.UTF_8)))
                .contains(new MetadataRecord.ClusterPut(cluster));
    }

    @Test
    void refusesAnUnreadableValue() {
        assertThatThrownBy(() -> codec.decode("cluster/lkc-abc123", "not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unreadable ClusterValue");
    }
}
