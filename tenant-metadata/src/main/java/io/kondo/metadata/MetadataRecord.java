package io.kondo.metadata;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;

/** One change to tenant metadata, as written to (and read from) the metadata topic. */
public sealed interface MetadataRecord {

    record ClusterPut(LogicalCluster cluster) implements MetadataRecord {
    }

    record ClusterRemoved(LogicalClusterId id) implements MetadataRecord {
    }

    record ApiKeyPut(ApiKey apiKey) implements MetadataRecord {
    }

    record ApiKeyRemoved(String key) implements MetadataRecord {
    }
}
