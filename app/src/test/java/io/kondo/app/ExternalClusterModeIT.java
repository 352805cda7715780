package io.kondo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.app.config.KondoConfigLoader;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.FreePorts;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.metadata.TenantMetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code KONDO_BACKING_*} set, Kondo starts nothing embedded and keeps its metadata on the
 * configured cluster (here an embedded cluster started separately, standing in for an external one).
 */
class ExternalClusterModeIT {

    @TempDir
    Path kafkaDir;
    @TempDir
    Path home;

    @Test
    void usesTheConfiguredClusterAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedKafkaCluster external = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(kafkaDir))) {
            Map<String, Object> client = external.clientProperties();
            Map<String, String> env = Map.of(
                    "KONDO_BACKING_BOOTSTRAP_SERVERS", external.bootstrapServers(),
                    "KONDO_BACKING_SECURITY_PROTOCOL", String.valueOf(client.get("security.protocol")),
                    "KONDO_BACKING_SASL_MECHANISM", String.valueOf(client.get("sasl.mechanism")),
                    "KONDO_BACKING_SASL_JAAS_CONFIG", String.valueOf(client.get("sasl.jaas.config")),
                    "KONDO_CONTROL_PLANE_PORT", "0",
                    "KONDO_GATEWAY_PORT", String.valueOf(FreePorts.consecutive(4)));
            long nodesBefore = ProcessHandle.current().descendants().count();

            try (KondoPlatform kondo = KondoPlatform.start(new KondoConfigLoader().load(home, env), Clock.systemUTC())) {
                assertThat(kondo.embeddedCluster()).isEmpty();
                assertThat(ProcessHandle.current().descendants().count()).isEqualTo(nodesBefore);
                assertThat(Files.exists(kondo.config().dataDir().resolve("cluster"))).isFalse();

                CliRunner cli = new CliRunner(home, Map.of("KONDO_URL", "http://127.0.0.1:" + kondo.controlPlanePort(),
                        "KONDO_ADMIN_TOKEN", kondo.adminToken()));
                CliRunner.Result created = cli.run("clusters", "create", "--name", "on-external");
                assertThat(created.exit()).as(created.err()).isZero();
                String id = created.json().get("id").asText();

                try (Admin admin = Admin.create(client)) {
                    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TenantMetadataStore.DEFAULT_TOPIC);
                }
                try (TenantMetadataStore direct = TenantMetadataStore.open(client, TenantMetadataStore.DEFAULT_TOPIC,
                        java.time.Duration.ofSeconds(10))) {
                    assertThat(direct.current().clusters()).extracting(c -> c.id().value()).contains(id);
                }
            }
        }
    }
}
