package io.kondo.bench;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.policy.TopicPolicy;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.embedded.FreePorts;
import io.kondo.embedded.NodeJvm;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.GatewaySettings;
import io.kondo.metadata.TenantMetadataStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded 3-node cluster, the tenant metadata on it, and one tenant with one API key; gateways
 * are started on it one setting at a time.
 */
final class BenchPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchPlatform.class);

    /** Limits far above what this machine can move, so the gateway's data path is measured, not its quotas. */
    static final String PLAN = "bench";
    private static final long UNLIMITED_BYTES = 1L << 40;
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafkaCluster kafka;
    private final TenantMetadataStore metadata;
    private final Admin backingAdmin;
    private final LogicalClusterId tenant;
    private final ApiKey.Issued key;
    private Optional<CpuPlacement> placement = Optional.empty();

    private BenchPlatform(EmbeddedKafkaCluster kafka, TenantMetadataStore metadata, LogicalClusterId tenant,
                          ApiKey.Issued key) {
        this.kafka = kafka;
        this.metadata = metadata;
        this.backingAdmin = Admin.create(kafka.clientProperties());
        this.tenant = tenant;
        this.key = key;
    }

    static BenchPlatform start(Path dataDir) throws InterruptedException {
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(
                EmbeddedClusterConfig.ephemeralPorts(dataDir).withNodeJvm(NodeJvm.FULL_SPEED));
        TenantMetadataStore metadata;
        try {
            metadata = TenantMetadataStore.open(kafka.clientProperties(), TenantMetadataStore.DEFAULT_TOPIC, METADATA_TIMEOUT);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        Random random = new SecureRandom();
        LogicalClusterId tenant = LogicalClusterId.random(random);
        long now = System.currentTimeMillis();
        metadata.putCluster(new LogicalCluster(tenant, "bench", PLAN, "cell-0", ClusterState.ACTIVE, now));
        ApiKey.Issued key = ApiKey.issue(tenant, "benchmark", now, random);
        metadata.putApiKey(key.apiKey());
        BenchPlatform platform = new BenchPlatform(kafka, metadata, tenant, key);
        platform.awaitKeyVisible();
        return platform;
    }

    /**
     * Pins the brokers and this process to the processors {@code placement} gives them, and the threads
     * of every gateway started from now on to the gateway's.
     */
    void place(CpuPlacement placement) throws IOException, InterruptedException {
        placement.placeProcesses(kafka.nodeProcesses());
        this.placement = Optional.of(placement);
        LOG.info("Placed processes: {}", placement);
    }

    /** Clients straight to the backing cluster as its superuser. */
    Endpoint direct() {
        return new Endpoint(Route.DIRECT, kafka.clientProperties(), prefix());
    }

    /** Starts a gateway on free loopback ports, with {@code ioThreads} I/O threads, whose tenant topics follow {@code policy}. */
    RunningGateway startGateway(TopicPolicy policy, int ioThreads) throws Exception {
        GatewaySettings settings = GatewaySettings.defaults("127.0.0.1", FreePorts.consecutive(1 + kafka.nodeIds().size()),
                ioThreads).withTopicPolicy(policy);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gateway gateway = new Gateway(settings, metadata, plans(), kafka.clientProperties(), registry, Clock.systemUTC());
        try {
            gateway.start();
            RunningGateway running = new RunningGateway(gateway,
                    new Endpoint(Route.GATEWAY, tenantClient(gateway.bootstrapPort()), prefix()), registry, placement);
            running.placeThreads();
            return running;
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
    }

    Admin backingAdmin() {
        return backingAdmin;
    }

    private String prefix() {
        return tenant.value() + "_";
    }

    private Map<String, Object> tenantClient(int bootstrapPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", "127.0.0.1:" + bootstrapPort);
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", "PLAIN");
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + key.apiKey().key() + "\" password=\"" + key.secret() + "\";");
        return properties;
    }

    private static PlanCatalog plans() {
        PlanLimits unlimited = new PlanLimits(UNLIMITED_BYTES, UNLIMITED_BYTES, UNLIMITED_BYTES, 100_000, 10_000, 10_000,
                100.0, 10_000, 8 * 1024 * 1024);
        return new PlanCatalog(List.of(new Plan(PLAN, "Benchmark: no limit in the way", unlimited)));
    }

    private void awaitKeyVisible() throws InterruptedException {
        long deadline = System.nanoTime() + METADATA_TIMEOUT.toNanos();
        while (metadata.current().apiKey(key.apiKey().key()).isEmpty()
                || metadata.current().cluster(tenant).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark tenant did not appear in the tenant metadata within "
                        + METADATA_TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        backingAdmin.close(Duration.ofSeconds(5));
        metadata.close();
        kafka.close();
    }

    /** A gateway, how tenants reach it, and its metrics. */
    record RunningGateway(Gateway gateway, Endpoint endpoint, MeterRegistry registry, Optional<CpuPlacement> placement)
            implements AutoCloseable {

        /** Pins the gateway's threads to the placement's gateway processors, if it names any. */
        void placeThreads() throws IOException, InterruptedException {
            if (placement.isPresent() && placement.get().gateway().isPresent()) {
                int threads = placement.get().placeGatewayThreads();
                LOG.info("Placed gateway threads: threads={} processors={}", threads, placement.get().gateway().get());
            }
        }

        /**
         * The throttle time the gateway's quotas have handed the tenant so far, all quotas together.
         * The plan's limits are meant to stay out of the way; this shows whether they did.
         */
        double throttleMs() {
            return registry.find("kondo.gateway.throttle.time").functionCounters().stream()
                    .mapToDouble(FunctionCounter::count).sum();
        }

        @Override
        public void close() {
            gateway.close();
        }
    }
}
