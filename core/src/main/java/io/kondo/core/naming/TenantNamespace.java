package io.kondo.core.naming;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.Objects;
import java.util.Optional;

/**
 * One tenant's slice of the backing cluster's namespace: every topic, group id and transactional
 * id of logical cluster {@code lkc-abc123} is stored as {@code lkc-abc123_<name>}.
 *
 * <p>The prefix is the cluster id plus a separator that cannot occur in an id, so no tenant's
 * prefix is a prefix of another's, and names that do not carry a tenant prefix (internal topics,
 * Kondo's own {@code _kondo} topics) belong to no tenant.
 */
public final class TenantNamespace {

    /** Kafka's limit on topic name length. */
    public static final int MAX_TOPIC_NAME_LENGTH = 249;
    static final char SEPARATOR = '_';

    private final LogicalClusterId cluster;
    private final String prefix;

    public TenantNamespace(LogicalClusterId cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.prefix = cluster.value() + SEPARATOR;
    }

    public LogicalClusterId cluster() {
        return cluster;
    }

    /** The prefix every backing name of this tenant starts with. */
    public String prefix() {
        return prefix;
    }

    /** The longest topic name the tenant may use: Kafka's limit less the prefix. */
    public int maxTopicNameLength() {
        return MAX_TOPIC_NAME_LENGTH - prefix.length();
    }

    /** The backing-cluster name for a name the tenant uses. */
    public String toBacking(String tenantName) {
        return prefix + Objects.requireNonNull(tenantName, "tenantName");
    }

    /** The tenant's name for a backing name, or empty when the backing name is not this tenant's. */
    public Optional<String> toTenant(String backingName) {
        return owns(backingName) ? Optional.of(backingName.substring(prefix.length())) : Optional.empty();
    }

    public boolean owns(String backingName) {
        return backingName != null && backingName.length() > prefix.length() && backingName.startsWith(prefix);
    }
}
