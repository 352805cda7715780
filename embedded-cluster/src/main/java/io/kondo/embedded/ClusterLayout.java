package io.kondo.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The addresses of every node of one cluster instance, fixed once it starts (node ids are 1..n). */
record ClusterLayout(List<NodeAddress> nodes) {

    ClusterLayout {
        nodes = List.copyOf(nodes);
    }

    /** Resolves the configured ports, picking free loopback ports once where a base port is 0. */
    static ClusterLayout resolve(EmbeddedClusterConfig config) {
        int n = config.nodes();
        boolean anyEphemeral = config.brokerBasePort() == 0 || config.controllerBasePort() == 0;
        List<Integer> free = anyEphemeral ? FreePorts.pick(2 * n) : List.of();
        List<NodeAddress> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int broker = config.brokerBasePort() == 0 ? free.get(i) : config.brokerBasePort() + i;
            int controller = config.controllerBasePort() == 0 ? free.get(n + i) : config.controllerBasePort() + i;
            nodes.add(new NodeAddress(i + 1, broker, controller));
        }
        return new ClusterLayout(nodes);
    }

    /** The {@code controller.quorum.voters} value: every node is a voter. */
    String quorumVoters() {
        return nodes.stream().map(NodeAddress::voter).collect(Collectors.joining(","));
    }

    /** The {@code bootstrap.servers} value listing every node's broker endpoint. */
    String bootstrapServers() {
        return nodes.stream().map(NodeAddress::brokerEndpoint).collect(Collectors.joining(","));
    }
}
