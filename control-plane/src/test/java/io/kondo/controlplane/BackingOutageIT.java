package io.kondo.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.controlplane.ControlPlaneFixture.Response;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.metadata.TenantMetadataStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the backing cluster gone, the control plane answers 503 in bounded time and keeps serving reads. */
class BackingOutageIT {

    @TempDir
    Path dataDir;

    @Test
    void answers503WhenTheBackingClusterIsDownAndStillServesWhatItKnows() {
        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(dataDir));
             ControlPlaneFixture controlPlane = new ControlPlaneFixture(kafka.clientProperties(), TenantMetadataStore.DEFAULT_TOPIC)) {
            Response created = controlPlane.call("POST", "/v1/clusters", "{\"name\":\"before-outage\"}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.body().get("id").asText();

            kafka.nodeIds().forEach(kafka::killNode);

            Response write = controlPlane.call("POST", "/v1/clusters", "{\"name\":\"during-outage\"}");
            assertThat(write.status()).as(write.text()).isEqualTo(503);
            assertThat(write.body().get("error").asText()).isEqualTo("backing_unavailable");
            Response health = controlPlane.call("GET", "/v1/health", null, null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asText()).isEqualTo("unavailable");
            Response read = controlPlane.call("GET", "/v1/clusters/" + id, null);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("name").asText()).isEqualTo("before-outage");
        }
    }
}
