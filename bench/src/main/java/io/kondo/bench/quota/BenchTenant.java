package io.kondo.bench.quota;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenant made for a benchmark: its logical cluster and one API key.
 *
 * @param id     the logical cluster
 * @param name   the cluster's name, also used in client ids
 * @param key    the API key (SASL username)
 * @param secret the API secret (SASL password)
 */
record BenchTenant(LogicalClusterId id, String name, String key, String secret) {

    /** The prefix of the tenant's topics on the backing cluster. */
    String prefix() {
        return id.value() + "_";
    }

    /** The tenant's topic {@code name} as the backing cluster knows it. */
    String backingTopic(String topic) {
        return prefix() + topic;
    }

    /** Kafka client settings for this tenant through the gateway whose bootstrap port is {@code bootstrapPort}. */
    Map<String, Object> client(int bootstrapPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", "127.0.0.1:" + bootstrapPort);
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", "PLAIN");
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + key + "\" password=\"" + secret + "\";");
        return properties;
    }
}
