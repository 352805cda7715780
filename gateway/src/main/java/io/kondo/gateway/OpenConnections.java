package io.kondo.gateway;

import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.metadata.TenantMetadata;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authenticated connections, by API key. On every metadata change, connections whose key was
 * revoked or whose logical cluster is gone or being deleted are closed: revocation takes effect on
 * open connections within the metadata follower's latency (well under a second).
 */
final class OpenConnections {

    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);

    private record Owner(String apiKey, LogicalClusterId cluster) {
    }

    private final Map<Channel, Owner> channels = new ConcurrentHashMap<>();

    void add(Channel channel, String apiKey, LogicalClusterId cluster) {
        channels.put(channel, new Owner(apiKey, cluster));
        channel.closeFuture().addListener(f -> channels.remove(channel));
    }

    int count(LogicalClusterId cluster) {
        return (int) channels.values().stream().filter(o -> o.cluster().equals(cluster)).count();
    }

    /** Closes the connections the metadata no longer allows. */
    void enforce(TenantMetadata metadata) {
        channels.forEach((channel, owner) -> {
            boolean keyValid = metadata.apiKey(owner.apiKey()).isPresent();
            boolean clusterActive = metadata.cluster(owner.cluster()).map(LogicalCluster::isActive).orElse(false);
            if (!keyValid || !clusterActive) {
                LOG.info("Closing connection: tenant={} key={} reason={}", owner.cluster(), owner.apiKey(),
                        keyValid ? "logical cluster deleted" : "API key revoked");
                channel.close();
            }
        });
    }
}
