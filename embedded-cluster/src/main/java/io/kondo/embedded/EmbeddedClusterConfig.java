package io.kondo.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an embedded cluster keeps its data and which loopback ports its nodes listen on.
 *
 * <p>Node {@code i} (ids {@code 1..nodes}) listens on {@code brokerBasePort + i - 1} for clients
 * and {@code controllerBasePort + i - 1} for the KRaft quorum. A base port of {@code 0} means
 * "pick free loopback ports when the cluster starts" (for tests); the choice is then kept for the
 * lifetime of that cluster instance, so a restarted node keeps its address.
 *
 * @param dataDir            holds {@code cluster.properties} and one {@code node-<id>/} directory per node
 * @param brokerBasePort     first client (broker) port, or 0 for ephemeral ports
 * @param controllerBasePort first controller port, or 0 for ephemeral ports
 * @param nodes              number of combined broker+controller nodes (all of them are voters)
 * @param nodeJvm            how each node's JVM is tuned: to start fast (the default) or to run fast
 */
public record EmbeddedClusterConfig(Path dataDir, int brokerBasePort, int controllerBasePort, int nodes,
                                    NodeJvm nodeJvm) {

    /** Enough for replication factor 3 with {@code min.insync.replicas=2} while one node is down. */
    private static final int DEFAULT_NODES = 3;
    private static final int DEFAULT_BROKER_BASE_PORT = 29092;
    private static final int DEFAULT_CONTROLLER_BASE_PORT = 29192;

    public EmbeddedClusterConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(nodeJvm, "nodeJvm");
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
        }
        requirePortRange("brokerBasePort", brokerBasePort, nodes);
        requirePortRange("controllerBasePort", controllerBasePort, nodes);
        if (brokerBasePort != 0 && controllerBasePort != 0
                && Math.abs(brokerBasePort - controllerBasePort) < nodes) {
            throw new IllegalArgumentException("broker ports " + brokerBasePort + ".." + (brokerBasePort + nodes - 1)
                    + " overlap controller ports " + controllerBasePort + ".." + (controllerBasePort + nodes - 1));
        }
    }

    /** Nodes whose JVMs start fast ({@link NodeJvm#QUICK_START}). */
    public EmbeddedClusterConfig(Path dataDir, int brokerBasePort, int controllerBasePort, int nodes) {
        this(dataDir, brokerBasePort, controllerBasePort, nodes, NodeJvm.QUICK_START);
    }

    /** The same cluster with its nodes' JVMs tuned as {@code jvm}. */
    public EmbeddedClusterConfig withNodeJvm(NodeJvm jvm) {
        return new EmbeddedClusterConfig(dataDir, brokerBasePort, controllerBasePort, nodes, jvm);
    }

    /** Three nodes on the fixed default ports (brokers from 29092, controllers from 29192). */
    public static EmbeddedClusterConfig defaults(Path dataDir) {
        return new EmbeddedClusterConfig(dataDir, DEFAULT_BROKER_BASE_PORT, DEFAULT_CONTROLLER_BASE_PORT, DEFAULT_NODES);
    }

    /** Three nodes on free loopback ports chosen at start (for tests). */
    public static EmbeddedClusterConfig ephemeralPorts(Path dataDir) {
        return new EmbeddedClusterConfig(dataDir, 0, 0, DEFAULT_NODES);
    }

    private static void requirePortRange(String name, int basePort, int nodes) {
        if (basePort < 0 || (basePort > 0 && basePort + nodes - 1 > 65535)) {
            throw new IllegalArgumentException(name + " must be 0 or leave room for " + nodes
                    + " ports below 65536, was " + basePort);
        }
    }
}
