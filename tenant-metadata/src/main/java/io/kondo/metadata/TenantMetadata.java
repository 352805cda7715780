package io.kondo.metadata;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of all tenant metadata. Each change yields a new snapshot, so readers
 * never lock and never see half an update.
 */
public final class TenantMetadata {

    public static final TenantMetadata EMPTY = new TenantMetadata(Map.of(), Map.of());

    private final Map<LogicalClusterId, LogicalCluster> clusters;
    private final Map<String, ApiKey> apiKeys;

    private TenantMetadata(Map<LogicalClusterId, LogicalCluster> clusters, Map<String, ApiKey> apiKeys) {
        this.clusters = clusters;
        this.apiKeys = apiKeys;
    }

    public Optional<LogicalCluster> cluster(LogicalClusterId id) {
        return Optional.ofNullable(clusters.get(id));
    }

    /** All clusters, oldest first. */
    public List<LogicalCluster> clusters() {
        return clusters.values().stream()
                .sorted(Comparator.comparingLong(LogicalCluster::createdAtMs).thenComparing(c -> c.id().value()))
                .toList();
    }

    public Optional<ApiKey> apiKey(String key) {
        return Optional.ofNullable(apiKeys.get(key));
    }

    /** The keys of one cluster, oldest first. */
    public List<ApiKey> apiKeys(LogicalClusterId cluster) {
        return apiKeys.values().stream()
                .filter(k -> k.cluster().equals(cluster))
                .sorted(Comparator.comparingLong(ApiKey::createdAtMs).thenComparing(ApiKey::key))
                .toList();
    }

    public Collection<ApiKey> allApiKeys() {
        return apiKeys.values();
    }

    TenantMetadata apply(MetadataRecord record) {
        if (record instanceof MetadataRecord.ClusterPut put) {
            Map<LogicalClusterId, LogicalCluster> next = new HashMap<>(clusters);
            next.put(put.cluster().id(), put.cluster());
            return new TenantMetadata(Map.copyOf(next), apiKeys);
        }
        if (record instanceof MetadataRecord.ClusterRemoved removed) {
            Map<LogicalClusterId, LogicalCluster> next = new HashMap<>(clusters);
            next.remove(removed.id());
            return new TenantMetadata(Map.copyOf(next), apiKeys);
        }
        if (record instanceof MetadataRecord.ApiKeyPut put) {
            Map<String, ApiKey> next = new HashMap<>(apiKeys);
            next.put(put.apiKey().key(), put.apiKey());
            return new TenantMetadata(clusters, Map.copyOf(next));
        }
        MetadataRecord.ApiKeyRemoved removed = (MetadataRecord.ApiKeyRemoved) record;
        Map<String, ApiKey> next = new HashMap<>(apiKeys);
        next.remove(removed.key());
        return new TenantMetadata(clusters, Map.copyOf(next));
    }
}
