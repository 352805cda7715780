package io.kondo.bench.quota;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.embedded.FreePorts;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.GatewaySettings;
import io.kondo.metadata.TenantMetadataStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded 3-node cluster, the tenant metadata on it and a plan catalog; tenants are written
 * straight into the metadata, and gateways are started on it with the settings each run needs.
 */
final class QuotaPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaPlatform.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    /** Tenants are written by a few threads at once: issuing a key derives its SCRAM credentials. */
    private static final int TENANT_WRITERS = 4;

    private final EmbeddedKafkaCluster kafka;
    private final TenantMetadataStore metadata;
    private final PlanCatalog plans;
    private final Admin backingAdmin;
    private final SecureRandom random = new SecureRandom();

    private QuotaPlatform(EmbeddedKafkaCluster kafka, TenantMetadataStore metadata, PlanCatalog plans) {
        this.kafka = kafka;
        this.metadata = metadata;
        this.plans = plans;
        this.backingAdmin = Admin.create(kafka.clientProperties());
    }

    static QuotaPlatform start(Path dataDir, PlanCatalog plans) {
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(dataDir));
        try {
            return new QuotaPlatform(kafka,
                    TenantMetadataStore.open(kafka.clientProperties(), TenantMetadataStore.DEFAULT_TOPIC, METADATA_TIMEOUT),
                    plans);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Makes one tenant on {@code plan} per name, each with one API key, and returns them in the
     * order of {@code names} once the metadata store has read every one back.
     */
    List<BenchTenant> createTenants(List<String> names, String plan, Duration timeout) throws Exception {
        if (plans.find(plan).isEmpty()) {
            throw new IllegalArgumentException("no plan " + plan + " in the catalog");
        }
        ExecutorService writers = Executors.newFixedThreadPool(TENANT_WRITERS);
        try {
            List<Future<BenchTenant>> made = new ArrayList<>();
            for (String name : names) {
                made.add(writers.submit(() -> createTenant(name, plan)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<BenchTenant> tenants = new ArrayList<>();
            for (Future<BenchTenant> tenant : made) {
                tenants.add(tenant.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            LOG.info("Tenants created: count={} plan={}", tenants.size(), plan);
            return tenants;
        } finally {
            writers.shutdownNow();
        }
    }

    private BenchTenant createTenant(String name, String plan) {
        LogicalClusterId id = LogicalClusterId.random(random);
        long now = System.currentTimeMillis();
        metadata.putCluster(new LogicalCluster(id, name, plan, "cell-0", ClusterState.ACTIVE, now));
        ApiKey.Issued key = ApiKey.issue(id, "quota benchmark", now, random);
        metadata.putApiKey(key.apiKey());
        return new BenchTenant(id, name, key.apiKey().key(), key.secret());
    }

    /**
     * Starts a gateway on free loopback ports with the defaults changed by {@code settings}.
     *
     * @param meters where the gateway registers its per-tenant meters
     */
    Gateway startGateway(UnaryOperator<GatewaySettings> settings, MeterRegistry meters) throws Exception {
        GatewaySettings base = GatewaySettings.defaults("127.0.0.1", FreePorts.consecutive(1 + kafka.nodeIds().size()))
                .withLoginFailuresPerMinute(1_000);
        Gateway gateway = new Gateway(settings.apply(base), metadata, plans, kafka.clientProperties(), meters,
                Clock.systemUTC());
        try {
            gateway.start();
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    Gateway startGateway(UnaryOperator<GatewaySettings> settings) throws Exception {
        return startGateway(settings, new SimpleMeterRegistry());
    }

    Admin backingAdmin() {
        return backingAdmin;
    }

    /** Client settings of the backing cluster's superuser. */
    Map<String, Object> superuserClient() {
        return kafka.clientProperties();
    }

    List<Integer> nodeIds() {
        return kafka.nodeIds();
    }

    @Override
    public void close() {
        backingAdmin.close(Duration.ofSeconds(5));
        metadata.close();
        kafka.close();
    }
}
