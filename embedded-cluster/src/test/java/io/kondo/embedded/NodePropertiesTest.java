package io.kondo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NodePropertiesTest {

    private final ClusterLayout layout = new ClusterLayout(List.of(
            new NodeAddress(1, 19092, 19192),
            new NodeAddress(2, 19093, 19193),
            new NodeAddress(3, 19094, 19194)));
    private final ClusterIdentity identity = new ClusterIdentity("q1Sh-9_ZQ0eqx7eZV3v5Ng", "s3cret");

    private final Properties properties =
            NodeProperties.of(layout.nodes().get(1), layout, Path.of("/data/node-2/data"), identity);

    @Test
    void runsACombinedNodeInAStaticQuorumOfAllNodes() {
        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19192,2@127.0.0.1:19193,3@127.0.0.1:19194")
                .containsEntry("log.dirs", "/data/node-2/data")
                .containsEntry("metadata.log.dir", "/data/node-2/data");
    }

    @Test
    void listensOnLoopbackOnlyWithItsOwnPorts() {
        assertThat(properties)
                .containsEntry("listeners", "BROKER://127.0.0.1:19093,CONTROLLER://127.0.0.1:19193")
                .containsEntry("advertised.listeners", "BROKER://127.0.0.1:19093")
                .containsEntry("inter.broker.listener.name", "BROKER")
                .containsEntry("controller.listener.names", "CONTROLLER");
    }

    @Test
    void authenticatesEveryListenerWithSaslPlainAndOnlyTheSuperuser() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"kondo\" password=\"s3cret\" user_kondo=\"s3cret\";";
        assertThat(properties)
                .containsEntry("listener.security.protocol.map", "BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("sasl.enabled.mechanisms", "PLAIN")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "PLAIN")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("listener.name.broker.plain.sasl.jaas.config", jaas)
                .containsEntry("listener.name.controller.plain.sasl.jaas.config", jaas)
                .containsEntry("super.users", "User:kondo")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
    }

    @Test
    void defaultsToDurableTopicsThatAreNeverAutoCreated() {
        assertThat(properties)
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("num.partitions", "8")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void keepsUnstableVersionsOff() {
        assertThat(properties)
                .containsEntry("unstable.api.versions.enable", "false")
                .containsEntry("unstable.feature.versions.enable", "false");
    }
}
