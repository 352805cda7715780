package io.kondo.simulator;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The Kondo a simulation runs against.
 *
 * @param controlPlane   the control plane's base URL, e.g. {@code http://127.0.0.1:8080/}
 * @param adminToken     the operators' bearer token (never logged or reported)
 * @param bootstrap      the gateway's bootstrap address tenants' clients connect to
 * @param clientSettings extra Kafka client settings for tenants' clients (e.g. {@code security.protocol});
 *                       the simulator sets the SASL login from each tenant's API key itself
 * @param description    how the report names it, e.g. "embedded" or "external"
 */
public record Target(URI controlPlane, String adminToken, String bootstrap, Map<String, String> clientSettings,
                     String description) {

    public Target {
        Objects.requireNonNull(controlPlane, "controlPlane");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(description, "description");
        clientSettings = Map.copyOf(clientSettings);
        if (!controlPlane.toString().endsWith("/")) {
            controlPlane = URI.create(controlPlane + "/");
        }
    }

    /** SASL_PLAINTEXT with PLAIN, as Kondo's gateway serves by default. */
    public static Target of(URI controlPlane, String adminToken, String bootstrap, String description) {
        return new Target(controlPlane, adminToken, bootstrap, Map.of(), description);
    }

    @Override
    public String toString() {
        return "Target[controlPlane=" + controlPlane + ", bootstrap=" + bootstrap + ", " + description + "]";
    }
}
