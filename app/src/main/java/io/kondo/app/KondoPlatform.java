package io.kondo.app;

import io.kondo.app.config.KondoConfig;
import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.controlplane.http.ControlPlaneServer;
import io.kondo.controlplane.http.ControlPlaneSettings;
import io.kondo.controlplane.tenants.TenantOperations;
import io.kondo.controlplane.tenants.TenantTraffic;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.GatewaySettings;
import io.kondo.metadata.TenantMetadataStore;
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
    private ControlPlaneServer controlPlane;
    private Gateway gateway;
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
        TenantMetadataStore store = TenantMetadataStore.open(backingProperties, TenantMetadataStore.DEFAULT_TOPIC, BACKING_TIMEOUT);
        started.push(store);
        BackingCluster backing = new BackingCluster(backingProperties, BACKING_TIMEOUT);
        started.push(backing);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gateway = new Gateway(GatewaySettings.defaults(config.host(), config.gatewayPort()), store, config.plans(),
                backingProperties, metrics, clock);
        started.push(gateway);
        try {
            gateway.start();
        } catch (Exception e) {
            throw new IllegalStateException("the gateway could not start: " + e.getMessage(), e);
        }
        Gateway live = gateway;
        TenantTraffic traffic = tenant -> new TenantTraffic.Figures(0, 0, live.connections(tenant), 0);
        TenantOperations tenants = new TenantOperations(store, backing, config.plans(), config.cell(), clock, new SecureRandom());
        controlPlane = new ControlPlaneServer(
                new ControlPlaneSettings(config.host(), config.controlPlanePort(), adminToken, config.gatewayBootstrap()),
                tenants, backing, traffic, metrics, clock);
        controlPlane.start();
        started.push(controlPlane);
    }

    public Optional<EmbeddedKafkaCluster> embeddedCluster() {
        return Optional.ofNullable(embedded);
    }

    /** Kafka client settings for the backing cluster (contains credentials: do not log). */
    public Map<String, Object> backingClientProperties() {
        return new HashMap<>(backingProperties);
    }

    public int gatewayPort() {
        return gateway.bootstrapPort();
    }

    public int controlPlanePort() {
        return controlPlane.port();
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
