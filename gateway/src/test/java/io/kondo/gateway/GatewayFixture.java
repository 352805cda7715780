package io.kondo.gateway;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.embedded.FreePorts;
import io.kondo.metadata.TenantMetadataStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** A real 3-node cluster, the tenant metadata on it, and a gateway in front; tenants made directly in the metadata. */
final class GatewayFixture implements AutoCloseable {

    final EmbeddedKafkaCluster kafka;
    final TenantMetadataStore metadata;
    final Gateway gateway;
    final int bootstrapPort;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SecureRandom random = new SecureRandom();

    GatewayFixture(Path dataDir) throws Exception {
        kafka = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(dataDir));
        metadata = TenantMetadataStore.open(kafka.clientProperties(), TenantMetadataStore.DEFAULT_TOPIC, Duration.ofSeconds(10));
        bootstrapPort = FreePorts.consecutive(4);
        // Tests of wrong secrets share this gateway: the per-address login limit (unit-tested in
        // LoginFailureLimiterTest) would otherwise block 127.0.0.1 for the tests after them.
        GatewaySettings settings = GatewaySettings.defaults("127.0.0.1", bootstrapPort).withLoginFailuresPerMinute(1_000);
        gateway = new Gateway(settings, metadata, PLANS, kafka.clientProperties(), meters, Clock.systemUTC());
        gateway.start();
    }

    /**
     * The default plans; {@code tight}: small quotas that tests can reach quickly; {@code few-connections}:
     * three connections at most.
     */
    static final PlanCatalog PLANS = plans();

    private static PlanCatalog plans() {
        List<Plan> plans = new ArrayList<>(PlanCatalog.defaults().all());
        plans.add(new Plan("tight", "Small quotas for tests", new PlanLimits(
                512 * 1024, 512 * 1024, 1024L * 1024 * 1024, 100, 20, 50, 50.0, 5, 1024 * 1024)));
        plans.add(new Plan("few-connections", "Three connections for tests", new PlanLimits(
                512 * 1024, 512 * 1024, 1024L * 1024 * 1024, 100, 3, 50, 50.0, 5, 1024 * 1024)));
        return new PlanCatalog(plans);
    }

    /** Another gateway on the same cluster and metadata, with {@code settings} (closed by the caller). */
    Gateway anotherGateway(java.util.function.UnaryOperator<GatewaySettings> settings) throws Exception {
        GatewaySettings base = GatewaySettings.defaults("127.0.0.1", FreePorts.consecutive(4)).withLoginFailuresPerMinute(1_000);
        Gateway another = new Gateway(settings.apply(base), metadata, PLANS, kafka.clientProperties(), meters, Clock.systemUTC());
        another.start();
        return another;
    }

    /** A tenant with one API key. */
    record Tenant(LogicalClusterId id, String key, String secret) {
        String prefix() {
            return id.value() + "_";
        }
    }

    Tenant tenant(String name) {
        return tenant(name, "standard");
    }

    Tenant tenant(String name, String plan) {
        LogicalClusterId id = LogicalClusterId.random(random);
        metadata.putCluster(new LogicalCluster(id, name, plan, "cell-0", ClusterState.ACTIVE, System.currentTimeMillis()));
        return newKey(id);
    }

    Tenant newKey(LogicalClusterId id) {
        ApiKey.Issued issued = ApiKey.issue(id, "test", System.currentTimeMillis(), random);
        metadata.putApiKey(issued.apiKey());
        return new Tenant(id, issued.apiKey().key(), issued.secret());
    }

    /** Kafka client settings for a tenant's key through the gateway. */
    Map<String, Object> client(Tenant tenant, String mechanism) {
        return client(tenant.key(), tenant.secret(), mechanism);
    }

    Map<String, Object> client(String username, String password, String mechanism) {
        return client(bootstrapPort, username, password, mechanism);
    }

    /** Kafka client settings for a tenant's key through the gateway at {@code port}. */
    Map<String, Object> client(int port, Tenant tenant) {
        return client(port, tenant.key(), tenant.secret(), "PLAIN");
    }

    private static Map<String, Object> client(int port, String username, String password, String mechanism) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", "127.0.0.1:" + port);
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", mechanism);
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        props.put("sasl.jaas.config", module + " required username=\"" + username + "\" password=\"" + password + "\";");
        props.put("request.timeout.ms", 15_000);
        props.put("default.api.timeout.ms", 30_000);
        return props;
    }

    Admin backingAdmin() {
        return Admin.create(kafka.clientProperties());
    }

    @Override
    public void close() {
        gateway.close();
        metadata.close();
        kafka.close();
    }
}
