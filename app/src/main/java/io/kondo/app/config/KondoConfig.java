package io.kondo.app.config;

import io.kondo.core.plan.PlanCatalog;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything Kondo needs to start.
 *
 * @param dataDir               where state lives ({@code .kondo/}): admin token, embedded cluster data
 * @param host                  the address Kondo binds and advertises (loopback by default)
 * @param gatewayPort           the gateway's bootstrap port; one port per backing broker follows it
 * @param controlPlanePort      the control plane's port
 * @param httpProxyPort         the HTTP proxy's port
 * @param embeddedBrokerPort    first port of the embedded cluster's broker listeners
 * @param embeddedControllerPort first port of the embedded cluster's controller listeners
 * @param backing               Kafka client settings for an external backing cluster; empty means embedded
 * @param adminToken            the operators' bearer token; absent means generated once into the data dir
 * @param plans                 the plans on offer
 * @param cell                  the cell new logical clusters are placed in
 * @param storage               how the storage loop checks tenants against their storage quotas
 * @param capacity              what the backing cluster and the gateway carry for all tenants together
 * @param gatewayIoThreads      the gateway's I/O threads; empty means its default
 */
public record KondoConfig(
        Path dataDir,
        String host,
        int gatewayPort,
        int controlPlanePort,
        int httpProxyPort,
        int embeddedBrokerPort,
        int embeddedControllerPort,
        Map<String, String> backing,
        Optional<String> adminToken,
        PlanCatalog plans,
        String cell,
        StorageConfig storage,
        CapacityConfig capacity,
        OptionalInt gatewayIoThreads) {

    public KondoConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        backing = Map.copyOf(backing);
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(gatewayIoThreads, "gatewayIoThreads");
    }

    /** A configuration with the default storage checks and the gateway's default capacity and threads. */
    public KondoConfig(Path dataDir, String host, int gatewayPort, int controlPlanePort, int httpProxyPort,
                       int embeddedBrokerPort, int embeddedControllerPort, Map<String, String> backing,
                       Optional<String> adminToken, PlanCatalog plans, String cell) {
        this(dataDir, host, gatewayPort, controlPlanePort, httpProxyPort, embeddedBrokerPort, embeddedControllerPort,
                backing, adminToken, plans, cell, StorageConfig.DEFAULTS, CapacityConfig.DEFAULTS,
                OptionalInt.empty());
    }

    /** Whether an external backing cluster is configured (then nothing embedded starts). */
    public boolean usesExternalCluster() {
        return backing.containsKey("bootstrap.servers");
    }

    /** The bootstrap address clients are given. */
    public String gatewayBootstrap() {
        return host + ":" + gatewayPort;
    }

    @Override
    public String toString() {
        // Backing settings may hold credentials (sasl.jaas.config): print their names only.
        return "KondoConfig[dataDir=" + dataDir + ", host=" + host + ", gatewayPort=" + gatewayPort
                + ", controlPlanePort=" + controlPlanePort + ", httpProxyPort=" + httpProxyPort
                + ", backing=" + backing.keySet() + ", plans=" + plans.all().size() + ", cell=" + cell
                + ", storage=" + storage + ", capacity=" + capacity + ", gatewayIoThreads=" + gatewayIoThreads + "]";
    }
}
