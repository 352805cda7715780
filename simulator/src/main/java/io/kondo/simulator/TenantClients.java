package io.kondo.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Kafka client settings for one tenant through the gateway: its API key as SASL/PLAIN username and
 * its secret as password, then the settings the simulator relies on.
 */
final class TenantClients {

    private final Target target;
    private final TenantAccount account;

    TenantClients(Target target, TenantAccount account) {
        this.target = target;
        this.account = account;
    }

    Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", target.bootstrap());
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.putAll(target.clientSettings());
        String mechanism = String.valueOf(props.get("sasl.mechanism"));
        String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        props.put("sasl.jaas.config", module + " required username=\"" + account.key() + "\" password=\"" + account.secret() + "\";");
        props.put("client.id", clientId);
        props.put("request.timeout.ms", 30_000);
        props.put("default.api.timeout.ms", 60_000);
        props.put("reconnect.backoff.max.ms", 2_000);
        return props;
    }

    /**
     * Idempotent, acks=all: what the correctness counters are judged against. Record values may
     * be large (bulk profiles), so the buffer holds a few of the largest; sends block when it is full.
     */
    Map<String, Object> producer(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put("enable.idempotence", true);
        props.put("acks", "all");
        props.put("max.in.flight.requests.per.connection", 5);
        props.put("linger.ms", 5);
        props.put("batch.size", 64 * 1024);
        props.put("buffer.memory", 16L * 1024 * 1024);
        props.put("max.request.size", Math.max(1024 * 1024, account.maxMessageBytes()));
        props.put("compression.type", "none");
        props.put("delivery.timeout.ms", 120_000);
        props.put("max.block.ms", 30_000);
        return props;
    }

    /** One consumer group per tenant, from the earliest offset, committing automatically. */
    Map<String, Object> consumer(String clientId, String group) {
        Map<String, Object> props = common(clientId);
        props.put("group.id", group);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", true);
        props.put("max.partition.fetch.bytes", Math.max(1024 * 1024, account.maxMessageBytes()));
        return props;
    }

    /** A client that only asks for metadata (connection storms): no group, no background thread of its own. */
    Map<String, Object> probe(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put("request.timeout.ms", 15_000);
        props.put("default.api.timeout.ms", 20_000);
        return props;
    }
}
