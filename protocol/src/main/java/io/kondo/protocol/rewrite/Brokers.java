package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import io.kondo.protocol.TenantContext.HostPort;
import java.util.Optional;

/** Broker addresses in responses: every backing broker is shown at its gateway port, or hidden if it has none. */
final class Brokers {

    private Brokers() {
    }

    static Optional<HostPort> address(TenantContext tenant, int nodeId) {
        return nodeId < 0 ? Optional.empty() : tenant.gatewayAddress(nodeId);
    }
}
