package io.kondo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kondo.app.config.InvalidConfigException;
import io.kondo.app.config.KondoConfig;
import io.kondo.app.config.KondoConfigLoader;
import io.kondo.core.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KondoConfigLoaderTest {

    @TempDir
    Path home;
    private final KondoConfigLoader loader = new KondoConfigLoader();

    @Test
    void defaultsFollowTheContract() {
        KondoConfig config = loader.load(home, Map.of());

        assertThat(config.dataDir()).isEqualTo(home.resolve(".kondo"));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.gatewayPort()).isEqualTo(9092);
        assertThat(config.gatewayBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.controlPlanePort()).isEqualTo(8080);
        assertThat(config.httpProxyPort()).isEqualTo(8082);
        assertThat(config.usesExternalCluster()).isFalse();
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.plans().all()).extracting(Plan::name).containsExactly("basic", "standard", "premium");
        assertThat(config.gatewayIoThreads()).isEmpty();
    }

    @Test
    void backingVariablesBecomeKafkaClientSettingsAndSelectTheExternalCluster() {
        KondoConfig config = loader.load(home, Map.of(
                "KONDO_BACKING_BOOTSTRAP_SERVERS", "kafka-1:9092",
                "KONDO_BACKING_SECURITY_PROTOCOL", "SASL_SSL",
                "KONDO_BACKING_SASL_JAAS_CONFIG", "x required;",
                "KONDO_BACKING_", "ignored",
                "OTHER", "ignored"));

        assertThat(config.usesExternalCluster()).isTrue();
        assertThat(config.backing()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka-1:9092",
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "x required;"));
        assertThat(config.toString()).doesNotContain("x required;");
    }

    @Test
    void readsKondoYamlAndLetsTheEnvironmentOverrideIt() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), """
                data-dir: state
                control-plane:
                  port: 18080
                gateway:
                  port: 19092
                backing:
                  bootstrap.servers: kafka-1:9092
                  request.timeout.ms: 30000
                plans:
                  - name: tiny
                    description: for tests
                    limits:
                      produce-bytes-per-second: 1000
                      consume-bytes-per-second: 2000
                      storage-bytes: 1000000
                      max-partitions: 10
                      max-connections: 5
                      connection-attempts-per-second: 2
                      request-time-percent: 1.5
                      partition-mutations-per-second: 1
                      max-message-bytes: 10000
                """);

        KondoConfig config = loader.load(home, Map.of("KONDO_CONTROL_PLANE_PORT", "28080",
                "KONDO_BACKING_BOOTSTRAP_SERVERS", "kafka-2:9092"));

        assertThat(config.dataDir()).isEqualTo(home.resolve("state"));
        assertThat(config.controlPlanePort()).isEqualTo(28080);
        assertThat(config.gatewayPort()).isEqualTo(19092);
        assertThat(config.backing()).containsEntry("bootstrap.servers", "kafka-2:9092").containsEntry("request.timeout.ms", "30000");
        assertThat(config.plans().all()).extracting(Plan::name).containsExactly("tiny");
        assertThat(config.plans().defaultPlan().limits().requestTimePercent()).isEqualTo(1.5);
    }

    @Test
    void refusesUnknownSettingsNamingThem() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), "control-plane:\n  prot: 1\n");

        assertThatThrownBy(() -> loader.load(home, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("prot");
    }

    @Test
    void refusesAPlanWithAMissingLimit() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), """
                plans:
                  - name: partial
                    limits:
                      produce-bytes-per-second: 1000
                """);

        assertThatThrownBy(() -> loader.load(home, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("plan 'partial' is missing limits.consume-bytes-per-second");
    }

    @Test
    void gatewayIoThreadsComeFromKondoYamlOrTheEnvironmentWithinBounds() throws IOException {
        Files.writeString(home.resolve("kondo.yaml"), "gateway:\n  port: 19092\n  io-threads: 3\n");

        assertThat(loader.load(home, Map.of()).gatewayIoThreads()).hasValue(3);
        assertThat(loader.load(home, Map.of("KONDO_GATEWAY_IO_THREADS", "1")).gatewayIoThreads()).hasValue(1);
        assertThatThrownBy(() -> loader.load(home, Map.of("KONDO_GATEWAY_IO_THREADS", "0")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KONDO_GATEWAY_IO_THREADS must be between 1 and 1024, got 0");
        assertThatThrownBy(() -> loader.load(home, Map.of("KONDO_GATEWAY_IO_THREADS", "many")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KONDO_GATEWAY_IO_THREADS must be a whole number");
        Files.writeString(home.resolve("kondo.yaml"), "gateway:\n  io-threads: 5000\n");
        assertThatThrownBy(() -> loader.load(home, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("gateway.io-threads must be between 1 and 1024, got 5000");
    }

    @Test
    void refusesABadPortAndAMissingConfigFile() {
        assertThatThrownBy(() -> loader.load(home, Map.of("KONDO_GATEWAY_PORT", "ninety")))
                .hasMessageContaining("KONDO_GATEWAY_PORT must be a port number");
        assertThatThrownBy(() -> loader.load(home, Map.of("KONDO_CONTROL_PLANE_PORT", "70000")))
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> loader.load(home, Map.of("KONDO_CONFIG", "nope.yaml")))
                .hasMessageContaining("does not exist");
    }
}
