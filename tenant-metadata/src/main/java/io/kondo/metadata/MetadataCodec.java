package io.kondo.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.kondo.core.credential.ApiKey;
import io.kondo.core.credential.ScramCredential;
import io.kondo.core.credential.ScramMechanism;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata topic's record format. Keys say what an entity is ({@code cluster/lkc-abc123},
 * {@code api-key/ABCD...}) so compaction keeps the latest state of each; a null value (tombstone)
 * removes it. Values are versioned JSON. Keys of kinds this version does not know are skipped, so
 * an older process can follow a topic written by a newer one.
 */
final class MetadataCodec {

    static final int VERSION = 1;
    private static final String CLUSTER = "cluster/";
    private static final String API_KEY = "api-key/";

    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record ClusterValue(int version, String id, String name, String plan, String cell, String state, long createdAtMs) {
    }

    record CredentialValue(String mechanism, String salt, String storedKey, String serverKey, int iterations) {
    }

    record ApiKeyValue(int version, String key, String clusterId, String description, long createdAtMs,
                       List<CredentialValue> credentials) {
    }

    String key(MetadataRecord record) {
        if (record instanceof MetadataRecord.ClusterPut put) {
            return CLUSTER + put.cluster().id().value();
        }
        if (record instanceof MetadataRecord.ClusterRemoved removed) {
            return CLUSTER + removed.id().value();
        }
        if (record instanceof MetadataRecord.ApiKeyPut put) {
            return API_KEY + put.apiKey().key();
        }
        return API_KEY + ((MetadataRecord.ApiKeyRemoved) record).key();
    }

    /** The record's value, or null for a removal (a tombstone). */
    byte[] value(MetadataRecord record) {
        if (record instanceof MetadataRecord.ClusterPut put) {
            return write(clusterValue(put.cluster()));
        }
        if (record instanceof MetadataRecord.ApiKeyPut put) {
            return write(apiKeyValue(put.apiKey()));
        }
        return null;
    }

    /** Decodes one topic record; empty for kinds this version does not know. */
    Optional<MetadataRecord> decode(String key, byte[] value) {
        if (key.startsWith(CLUSTER)) {
            String id = key.substring(CLUSTER.length());
            return Optional.of(value == null
                    ? new MetadataRecord.ClusterRemoved(new LogicalClusterId(id))
                    : new MetadataRecord.ClusterPut(cluster(read(value, ClusterValue.class))));
        }
        if (key.startsWith(API_KEY)) {
            String apiKey = key.substring(API_KEY.length());
            return Optional.of(value == null
                    ? new MetadataRecord.ApiKeyRemoved(apiKey)
                    : new MetadataRecord.ApiKeyPut(apiKey(read(value, ApiKeyValue.class))));
        }
        return Optional.empty();
    }

    private static ClusterValue clusterValue(LogicalCluster c) {
        return new ClusterValue(VERSION, c.id().value(), c.name(), c.plan(), c.cell(), c.state().name(), c.createdAtMs());
    }

    private static LogicalCluster cluster(ClusterValue v) {
        return new LogicalCluster(new LogicalClusterId(v.id()), v.name(), v.plan(), v.cell(),
                ClusterState.valueOf(v.state()), v.createdAtMs());
    }

    private static ApiKeyValue apiKeyValue(ApiKey k) {
        List<CredentialValue> credentials = k.credentials().values().stream()
                .map(c -> new CredentialValue(c.mechanism().name(), c.salt(), c.storedKey(), c.serverKey(), c.iterations()))
                .toList();
        return new ApiKeyValue(VERSION, k.key(), k.cluster().value(), k.description(), k.createdAtMs(), credentials);
    }

    private static ApiKey apiKey(ApiKeyValue v) {
        Map<ScramMechanism, ScramCredential> credentials = new EnumMap<>(ScramMechanism.class);
        for (CredentialValue c : v.credentials()) {
            ScramMechanism mechanism = ScramMechanism.valueOf(c.mechanism());
            credentials.put(mechanism, new ScramCredential(mechanism, c.salt(), c.storedKey(), c.serverKey(), c.iterations()));
        }
        return new ApiKey(v.key(), new LogicalClusterId(v.clusterId()), v.description(), credentials, v.createdAtMs());
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " in the metadata topic", e);
        }
    }
}
