package io.kondo.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedClusterConfigTest {

    private final Path dataDir = Path.of("/tmp/kondo");

    @Test
    void defaultsToThreeNodesOnTheWellKnownPorts() {
        assertThat(EmbeddedClusterConfig.defaults(dataDir))
                .isEqualTo(new EmbeddedClusterConfig(dataDir, 29092, 29192, 3));
    }

    @Test
    void nodesStartFastUnlessToldToRunFast() {
        EmbeddedClusterConfig config = EmbeddedClusterConfig.ephemeralPorts(dataDir);

        assertThat(config.nodeJvm()).isEqualTo(NodeJvm.QUICK_START);
        assertThat(config.withNodeJvm(NodeJvm.FULL_SPEED))
                .isEqualTo(new EmbeddedClusterConfig(dataDir, 0, 0, 3, NodeJvm.FULL_SPEED));
        assertThat(NodeJvm.QUICK_START.options()).contains("-XX:TieredStopAtLevel=1");
        assertThat(NodeJvm.FULL_SPEED.options()).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void fixedPortsGiveEachNodeItsOwnAddress() {
        ClusterLayout layout = ClusterLayout.resolve(EmbeddedClusterConfig.defaults(dataDir));

        assertThat(layout.bootstrapServers()).isEqualTo("127.0.0.1:29092,127.0.0.1:29093,127.0.0.1:29094");
        assertThat(layout.quorumVoters()).isEqualTo("1@127.0.0.1:29192,2@127.0.0.1:29193,3@127.0.0.1:29194");
    }

    @Test
    void ephemeralPortsAreDistinct() {
        ClusterLayout layout = ClusterLayout.resolve(EmbeddedClusterConfig.ephemeralPorts(dataDir));

        assertThat(layout.nodes().stream().flatMap(n -> Stream.of(n.brokerPort(), n.controllerPort())))
                .hasSize(6).doesNotHaveDuplicates().allMatch(port -> port > 0);
    }

    @Test
    void refusesOverlappingBrokerAndControllerPorts() {
        assertThatThrownBy(() -> new EmbeddedClusterConfig(dataDir, 29092, 29094, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void refusesAClusterWithoutNodes() {
        assertThatThrownBy(() -> new EmbeddedClusterConfig(dataDir, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes must be at least 1");
    }
}
