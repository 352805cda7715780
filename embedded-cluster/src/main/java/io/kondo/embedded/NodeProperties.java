package io.kondo.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code server.properties} of one combined broker+controller node: loopback listeners, the static
 * quorum, SASL/PLAIN with the internal superuser on both listeners, and durable defaults
 * (replication factor 3, {@code min.insync.replicas=2}).
 */
final class NodeProperties {

    static final String BROKER_LISTENER = "BROKER";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String SASL_MECHANISM = "PLAIN";

    private NodeProperties() {
    }

    /** Builds the properties of {@code self}, a node of {@code layout}, storing its logs in {@code logDir}. */
    static Properties of(NodeAddress self, ClusterLayout layout, Path logDir, ClusterIdentity identity) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(self.nodeId()));
        p.put("controller.quorum.voters", layout.quorumVoters());
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        putListeners(p, self);
        putSecurity(p, identity);
        putDurability(p);
        putFootprint(p);
        Properties properties = new Properties();
        properties.putAll(p);
        return properties;
    }

    private static void putListeners(Map<String, String> p, NodeAddress self) {
        p.put("listeners", BROKER_LISTENER + "://" + NodeAddress.HOST + ":" + self.brokerPort()
                + "," + CONTROLLER_LISTENER + "://" + NodeAddress.HOST + ":" + self.controllerPort());
        p.put("advertised.listeners", BROKER_LISTENER + "://" + self.brokerEndpoint());
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
    }

    private static void putSecurity(Map<String, String> p, ClusterIdentity identity) {
        p.put("sasl.enabled.mechanisms", SASL_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
        p.put("sasl.mechanism.controller.protocol", SASL_MECHANISM);
        for (String listener : new String[] {BROKER_LISTENER, CONTROLLER_LISTENER}) {
            p.put("listener.name." + listener.toLowerCase() + ".plain.sasl.jaas.config", identity.listenerJaasConfig());
            p.put("listener.name." + listener.toLowerCase() + ".sasl.enabled.mechanisms", SASL_MECHANISM);
        }
        // Fail closed: only the superuser may do anything, even if another principal ever authenticated.
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ClusterIdentity.SUPERUSER);
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("unstable.api.versions.enable", "false");
        p.put("unstable.feature.versions.enable", "false");
    }

    private static void putDurability(Map<String, String> p) {
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("num.partitions", "8");
        p.put("offsets.topic.replication.factor", "3");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Classic members may not join KIP-848 consumer groups: the broker would decode their
        // subscriptions itself, in tenant names the gateway leaves opaque (see the gateway README section).
        p.put("group.consumer.migration.policy", "disabled");
    }

    private static void putFootprint(Map<String, String> p) {
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "4");
        p.put("offsets.topic.num.partitions", "16");
        p.put("transaction.state.log.num.partitions", "16");
        p.put("share.coordinator.state.topic.num.partitions", "16");
    }
}
