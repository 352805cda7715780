package io.kondo.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Where and as whom a route's clients connect.
 *
 * @param route            the route
 * @param clientProperties bootstrap servers and SASL settings
 * @param tenantPrefix     the tenant's backing-name prefix
 */
record Endpoint(Route route, Map<String, Object> clientProperties, String tenantPrefix) {

    Endpoint {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** The topic name a client on this route uses for the tenant's topic {@code name}. */
    String clientTopic(String name) {
        return route == Route.DIRECT ? tenantPrefix + name : name;
    }

    /** The tenant's topic {@code name} as the backing cluster knows it. */
    String backingTopic(String name) {
        return tenantPrefix + name;
    }

    /** A fresh mutable copy of the connection settings plus {@code extra}. */
    Map<String, Object> clientProperties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.putAll(extra);
        return properties;
    }
}
