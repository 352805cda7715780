package io.kondo.controlplane.http;

import java.util.Objects;

/**
 * How the control plane is served.
 *
 * @param host             address to bind, loopback by default
 * @param port             port to bind; 0 picks a free one (tests)
 * @param adminToken       the bearer token operators present
 * @param gatewayBootstrap the bootstrap address clients are told to use
 */
public record ControlPlaneSettings(String host, int port, String adminToken, String gatewayBootstrap) {

    /** Largest JSON body the API reads. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    public ControlPlaneSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(gatewayBootstrap, "gatewayBootstrap");
        if (adminToken == null || adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "ControlPlaneSettings[host=" + host + ", port=" + port + ", gatewayBootstrap=" + gatewayBootstrap + "]";
    }
}
