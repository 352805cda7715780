package io.kondo.app;

import io.kondo.app.config.KondoConfig;
import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.controlplane.http.ControlPlaneServer;
import io.kondo.controlplane.http.ControlPlaneSettings;
import io.kondo.controlplane.tenants.TenantOperations;
import io.kondo.controlplane.tenants.TenantStorage;
import io.kondo.controlplane.tenants.TenantTraffic;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.GatewaySettings;
import io.kondo.metadata.TenantMetadataStore;
import io.kondo.operations.storage.StorageWatch;
import io.kondo.operations.storage.StorageWatchSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Kondo: the backing cluster (embedded unless an external one is configured), the
 * tenant metadata, the gateway and the control plane. Started in dependency order, closed in reverse.
 */
public final class KondoPlatform implements AutoCloseable {

    /** How long a metadata write or backing-cluster call may take before the API answers 503. */
    static final Duration BACKING_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(KondoPlatform.class);

    private final KondoConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedKafkaCluster embedded;
    private Map<String, Object> backingProperties;
    private TenantMetadataStore store;
    private PrometheusMeterRegistry metrics;
    private TenantOperations tenants;
    private BackingCluster backing;
    private Clock clock;
    private volatile ControlPlaneServer controlPlane;
    private volatile Gateway gateway;
    private StorageWatch storageWatch;
    private int gatewayPort;
    private int controlPlanePort;
    private String adminToken;

    private KondoPlatform(KondoConfig config) {
        this.config = config;
    }

    public static KondoPlatform start(KondoConfig config, Clock clock) {
        KondoPlatform platform = new KondoPlatform(config);
        try {
            platform.startAll(clock);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Clock clock) {
        this.clock = clock;
        adminToken = config.adminToken().orElseGet(() -> AdminToken.loadOrCreate(config.dataDir()));
        if (config.usesExternalCluster()) {
            backingProperties = new HashMap<>(config.backing());
            LOG.info("Using the external backing cluster: bootstrap={}", config.backing().get("bootstrap.servers"));
        } else {
            embedded = EmbeddedKafkaCluster.start(new EmbeddedClusterConfig(config.dataDir().resolve("cluster"),
                    config.embeddedBrokerPort(), config.embeddedControllerPort(), 3));
            started.push(embedded);
            backingProperties = embedded.clientProperties();
        }
        store = TenantMetadataStore.open(backingProperties, TenantMetadataStore.DEFAULT_TOPIC, BACKING_TIMEOUT);
        started.push(store);
        backing = new BackingCluster(backingProperties, BACKING_TIMEOUT);
        started.push(backing);
        metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gatewayPort = config.gatewayPort();
        started.push(this::stopGateway);
        startGateway();
        storageWatch = new StorageWatch(
                new StorageWatchSettings(config.storage().checkInterval(), config.storage().trickleBytesPerSecond(),
                        config.storage().webhookUrl()),
                () -> store.current().clusters(), config.plans(), backing::storageByTenant,
                (tenant, cap) -> {
                    Gateway live = gateway;
                    if (live != null) { // a restarted gateway is sent the cap again at the next check
                        live.capProduce(tenant, cap);
                    }
                },
                metrics, clock);
        started.push(storageWatch);
        storageWatch.start();
        tenants = new TenantOperations(store, backing, config.plans(), config.cell(), clock, new SecureRandom());
        controlPlanePort = config.controlPlanePort();
        started.push(this::stopControlPlane);
        startControlPlane();
    }

    /**
     * Starts the gateway on its port (the same one after a {@link #stopGateway()}); clients reconnect
     * by themselves. Used at start and by the simulator's gateway-restart fault.
     */
    public synchronized void startGateway() {
        if (gateway != null) {
            throw new IllegalStateException("the gateway is running");
        }
        // A restarted gateway counts on in the same counters; its connection gauges must follow the new gateway.
        metrics.find("kondo.gateway.connections").gauges().forEach(metrics::remove);
        int ioThreads = config.gatewayIoThreads().orElse(GatewaySettings.DEFAULT_IO_THREADS);
        GatewaySettings settings = GatewaySettings.defaults(config.host(), gatewayPort, ioThreads);
        settings = settings.withCapacity(config.capacity().applyTo(settings.capacity()));
        Gateway fresh = new Gateway(settings, store, config.plans(), backingProperties, metrics, clock);
        try {
            fresh.start();
        } catch (Exception e) {
            fresh.close();
            throw new IllegalStateException("the gateway could not start: " + e.getMessage(), e);
        }
        gateway = fresh;
        LOG.info("Gateway started: port={}", gatewayPort);
    }

    /** Stops the gateway: every client connection is closed. No-op if it is not running. */
    public synchronized void stopGateway() {
        Gateway running = gateway;
        gateway = null;
        if (running != null) {
            running.close();
            LOG.info("Gateway stopped: port={}", gatewayPort);
        }
    }

    /** Starts the control plane on its port (the same one after a {@link #stopControlPlane()}). */
    public synchronized void startControlPlane() {
        if (controlPlane != null) {
            throw new IllegalStateException("the control plane is running");
        }
        // The control plane registers its gauges anew; the old ones would point at the stopped server.
        metrics.find("kondo.logical.clusters").gauges().forEach(metrics::remove);
        TenantStorage storage = tenant -> storageWatch.latest(tenant).map(s ->
                new TenantStorage.Standing(s.storedBytes(), s.quotaBytes(), s.state(), s.checkedAtMs()));
        ControlPlaneServer fresh = new ControlPlaneServer(
                new ControlPlaneSettings(config.host(), controlPlanePort, adminToken, config.gatewayBootstrap()),
                tenants, backing, this::traffic, storage, metrics, clock);
        controlPlanePort = fresh.start();
        controlPlane = fresh;
    }

    /** A tenant's traffic and quotas as this process's gateway sees them, for the usage API. */
    private TenantTraffic.Figures traffic(LogicalClusterId tenant) {
        Gateway live = gateway;
        if (live == null) {
            return TenantTraffic.Figures.ZERO;
        }
        PlanLimits plan = store.current().cluster(tenant)
                .map(c -> config.plans().find(c.plan()).orElse(config.plans().defaultPlan()).limits())
                .orElse(config.plans().defaultPlan().limits());
        double throttle = live.throttleTimeMsPerSecond(tenant);
        return live.quotaUsage(tenant)
                .map(u -> new TenantTraffic.Figures(u.produceBytesPerSecond(), u.fetchBytesPerSecond(), live.connections(tenant),
                        throttle, plan.produceBytesPerSecond(), plan.consumeBytesPerSecond(),
                        u.limits().effectiveProduceBytesPerSecond(), u.limits().fetchBytesPerSecond()))
                .orElseGet(() -> new TenantTraffic.Figures(0, 0, live.connections(tenant), 0,
                        plan.produceBytesPerSecond(), plan.consumeBytesPerSecond(), 0, 0));
    }

    /** Stops the control plane's API; the gateway and the backing cluster keep serving. No-op if it is not running. */
    public synchronized void stopControlPlane() {
        ControlPlaneServer running = controlPlane;
        controlPlane = null;
        if (running != null) {
            running.close();
            LOG.info("Control plane stopped: port={}", controlPlanePort);
        }
    }

    public Optional<EmbeddedKafkaCluster> embeddedCluster() {
        return Optional.ofNullable(embedded);
    }

    /** Kafka client settings for the backing cluster (contains credentials: do not log). */
    public Map<String, Object> backingClientProperties() {
        return new HashMap<>(backingProperties);
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public int controlPlanePort() {
        return controlPlanePort;
    }

    public String adminToken() {
        return adminToken;
    }

    public KondoConfig config() {
        return config;
    }

    /** Stops everything that started, newest first; never throws. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}", component.getClass().getSimpleName(), e);
            }
        }
    }
}
