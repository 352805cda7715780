package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.gateway.GatewayFixture.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication at the gateway with real Kafka clients: mechanisms, wrong secrets, revocation. */
@ExtendWith(SharedGateway.class)
class GatewayAuthenticationIT {

    static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void aProducerAuthenticatesWithEachMechanismAndWritesIntoItsNamespace(String mechanism) throws Exception {
        Tenant tenant = fixture.tenant("auth-" + mechanism.toLowerCase());
        try (Admin backing = fixture.backingAdmin()) {
            backing.createTopics(List.of(new NewTopic(tenant.prefix() + "orders", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> props = fixture.client(tenant, mechanism);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("orders", "k", "v")).get(30, TimeUnit.SECONDS);

            assertThat(written.topic()).isEqualTo("orders");
            assertThat(written.offset()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256"})
    void aWrongSecretOrUnknownKeyIsRefusedWithTheSaslError(String mechanism) {
        Tenant tenant = fixture.tenant("wrong-" + mechanism.toLowerCase());

        assertRefused(fixture.client(tenant.key(), tenant.secret() + "x", mechanism));
        assertRefused(fixture.client("AAAAAAAAAAAAAAAA", tenant.secret(), mechanism));
    }

    @Test
    void aRevokedKeyLosesItsOpenConnections() throws Exception {
        Tenant tenant = fixture.tenant("revoked");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(tenant.id().value());
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gateway.connections(tenant.id()) > 0);

            fixture.metadata.removeApiKey(tenant.key());

            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.connections(tenant.id()) == 0);
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aDeletedClusterLosesItsOpenConnectionsAndItsKeysStopWorking() throws Exception {
        Tenant tenant = fixture.tenant("deleted");
        try (Admin admin = Admin.create(fixture.client(tenant, "SCRAM-SHA-512"))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.gateway.connections(tenant.id()) > 0);

            LogicalCluster cluster = fixture.metadata.current().cluster(tenant.id()).orElseThrow();
            fixture.metadata.putCluster(cluster.withState(ClusterState.DELETING));

            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.gateway.connections(tenant.id()) == 0);
        }
        assertRefused(fixture.client(tenant, "PLAIN"));
    }

    private static void assertRefused(Map<String, Object> props) {
        props.put("max.block.ms", 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("orders", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Authentication failed");
        }
    }
}
