package io.kondo.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TenantMetadataTest {

    private final LogicalCluster a = new LogicalCluster(new LogicalClusterId("lkc-aaaaaa"), "a", "basic", "cell-0", ClusterState.ACTIVE, 2);
    private final LogicalCluster b = new LogicalCluster(new LogicalClusterId("lkc-bbbbbb"), "b", "basic", "cell-0", ClusterState.ACTIVE, 1);

    @Test
    void appliesPutsAndRemovalsWithoutChangingEarlierSnapshots() {
        TenantMetadata one = TenantMetadata.EMPTY.apply(new MetadataRecord.ClusterPut(a));
        TenantMetadata two = one.apply(new MetadataRecord.ClusterPut(b));
        TenantMetadata three = two.apply(new MetadataRecord.ClusterRemoved(a.id()));

        assertThat(one.clusters()).containsExactly(a);
        assertThat(two.clusters()).containsExactly(b, a);
        assertThat(three.clusters()).containsExactly(b);
        assertThat(three.cluster(a.id())).isEmpty();
    }

    @Test
    void listsApiKeysPerCluster() {
        Random random = new Random(9);
        ApiKey keyA = ApiKey.issue(a.id(), "", 1, random).apiKey();
        ApiKey keyB = ApiKey.issue(b.id(), "", 1, random).apiKey();
        TenantMetadata metadata = TenantMetadata.EMPTY
                .apply(new MetadataRecord.ApiKeyPut(keyA))
                .apply(new MetadataRecord.ApiKeyPut(keyB));

        assertThat(metadata.apiKeys(a.id())).containsExactly(keyA);
        assertThat(metadata.apiKey(keyB.key())).contains(keyB);
        assertThat(metadata.apply(new MetadataRecord.ApiKeyRemoved(keyB.key())).apiKey(keyB.key())).isEmpty();
    }
}
