package io.kondo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft cluster on 127.0.0.1, each node a combined broker+controller in its own
 * child JVM, so a node can be stopped, killed (SIGKILL, an honest crashed broker) and restarted.
 *
 * <p>Security: both the broker listener and the controller listener are SASL_PLAINTEXT with
 * mechanism PLAIN and exactly one user, the internal superuser {@code kondo}, whose generated secret
 * is kept with the cluster id in {@code dataDir/cluster.properties}; inter-broker and controller
 * traffic use the same user. Tenants never connect here directly.
 *
 * <p>Topics default to 8 partitions, replication factor 3 and {@code min.insync.replicas=2}; topics
 * are never auto-created. Data lives under {@link EmbeddedClusterConfig#dataDir()} and survives a
 * restart of the whole cluster. Each node logs to {@code dataDir/node-<id>/node.log}.
 *
 * <p>All waits are bounded. Nodes shut themselves down when the parent JVM dies, even by SIGKILL, and
 * a shutdown hook stops them if {@link #close()} was not called. Methods may be called from any thread.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final ClusterLayout layout;
    private final ClusterIdentity identity;
    private final Map<Integer, KafkaNode> nodes; // in node id order
    private final Thread shutdownHook = new Thread(this::close, "kondo-embedded-cluster-shutdown");
    private final Object lifecycle = new Object();
    private boolean closed; // guarded by lifecycle

    private EmbeddedKafkaCluster(ClusterLayout layout, ClusterIdentity identity, Map<Integer, KafkaNode> nodes) {
        this.layout = layout;
        this.identity = identity;
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    /**
     * Starts every node in parallel (formatting storage on first use) and returns once each serves.
     *
     * @throws IllegalStateException if a node exits or does not serve within 90 s; everything started is stopped
     */
    public static EmbeddedKafkaCluster start(EmbeddedClusterConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + config.dataDir(), e);
        }
        ClusterIdentity identity = ClusterIdentity.loadOrCreate(config.dataDir());
        ClusterLayout layout = ClusterLayout.resolve(config);
        Map<Integer, KafkaNode> nodes = new LinkedHashMap<>();
        for (NodeAddress address : layout.nodes()) {
            KafkaNode node = new KafkaNode(address, config.dataDir(), config.nodeJvm());
            node.prepare(layout, identity);
            nodes.put(node.id(), node);
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(layout, identity, nodes);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        cluster.startAll(config);
        return cluster;
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,...}: every node's broker endpoint. */
    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    /** Client settings of the internal superuser (bootstrap servers and SASL/PLAIN); a fresh mutable map per call. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, NodeProperties.SASL_MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, identity.clientJaasConfig());
        return properties;
    }

    /** The KRaft cluster id, the same on every start from the same data directory. */
    public String clusterId() {
        return identity.clusterId();
    }

    /** The node ids, {@code 1..n} in order. */
    public List<Integer> nodeIds() {
        return nodes.keySet().stream().sorted().toList();
    }

    /** The processes of the nodes whose JVMs are alive, for tools that watch or place them (benchmarks). */
    public List<ProcessHandle> nodeProcesses() {
        return nodes.values().stream().filter(KafkaNode::isAlive).flatMap(node -> node.processHandle().stream()).toList();
    }

    /** True while the node's JVM is alive (it may not be serving yet, or any more). */
    public boolean isRunning(int nodeId) {
        return node(nodeId).isAlive();
    }

    /** Shuts a node down cleanly (SIGTERM), killing it if it has not exited within 30 s; no-op if not running. */
    public void stopNode(int nodeId) {
        KafkaNode node = node(nodeId);
        node.requestStop();
        node.awaitStop(STOP_GRACE, KILL_TIMEOUT);
        LOG.info("stopped node nodeId={}", nodeId);
    }

    /** Kills a node with SIGKILL, as a crash would, and waits until its process is gone; no-op if not running. */
    public void killNode(int nodeId) {
        node(nodeId).kill(KILL_TIMEOUT);
        LOG.info("killed node nodeId={}", nodeId);
    }

    /**
     * Starts a stopped or killed node again with the same ports and data, and returns once it serves.
     *
     * @throws IllegalStateException if the node is already running, the cluster is closed, or it does not serve within 90 s
     */
    public void startNode(int nodeId) {
        KafkaNode node = node(nodeId);
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the cluster is closed; cannot start node " + nodeId);
            }
            node.launch();
        }
        try {
            NodeReadiness.awaitServing(node, clientProperties(), Instant.now().plus(START_TIMEOUT));
        } catch (RuntimeException e) {
            killAfterFailure(List.of(node), e);
            throw e;
        }
        LOG.info("node serves again nodeId={}", nodeId);
    }

    /** Stops all nodes in parallel (clean shutdown, bounded, then SIGKILL). Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // In parallel: stopped one by one, the last nodes would wait for a quorum that is already gone.
        nodes.values().forEach(KafkaNode::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (KafkaNode node : nodes.values()) {
            node.awaitStop(remaining(deadline), KILL_TIMEOUT);
        }
        removeShutdownHook();
        LOG.info("embedded cluster stopped clusterId={}", identity.clusterId());
    }

    private void startAll(EmbeddedClusterConfig config) {
        Instant began = Instant.now();
        Instant deadline = began.plus(START_TIMEOUT);
        try {
            nodes.values().forEach(KafkaNode::launch);
            for (KafkaNode node : nodes.values()) {
                NodeReadiness.awaitServing(node, clientProperties(), deadline);
            }
        } catch (RuntimeException e) {
            LOG.warn("embedded cluster did not start, killing its nodes dataDir={}", config.dataDir());
            synchronized (lifecycle) {
                closed = true;
            }
            killAfterFailure(nodes.values(), e);
            removeShutdownHook();
            throw e;
        }
        LOG.info("embedded cluster serves clusterId={} bootstrap={} startupMs={} dataDir={}", identity.clusterId(),
                bootstrapServers(), Duration.between(began, Instant.now()).toMillis(), config.dataDir());
    }

    private static void killAfterFailure(Collection<KafkaNode> failed, RuntimeException cause) {
        for (KafkaNode node : failed) {
            try {
                node.kill(KILL_TIMEOUT);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private KafkaNode node(int nodeId) {
        KafkaNode node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId + "; nodes are " + nodeIds());
        }
        return node;
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook will find the cluster closed and return.
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
