package io.kondo.controlplane.tenants;

import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.controlplane.backing.TenantUsage;
import io.kondo.controlplane.tenants.TenantRequestException.Reason;
import io.kondo.core.credential.ApiKey;
import io.kondo.core.naming.TenantNamespace;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.tenant.ClusterName;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.metadata.MetadataUnavailableException;
import io.kondo.metadata.TenantMetadata;
import io.kondo.metadata.TenantMetadataStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator can do to tenants: create, change and delete logical clusters, issue and revoke
 * their API keys. Checks run against the latest metadata snapshot and writes are serialized within
 * this process, so names stay unique and no key is issued to a cluster being deleted.
 */
public final class TenantOperations {

    /** Upper bound on live logical clusters per control plane; protects the metadata snapshot. */
    public static final int MAX_CLUSTERS = 10_000;
    /** Upper bound on API keys per logical cluster. */
    public static final int MAX_KEYS_PER_CLUSTER = 100;
    private static final Logger LOG = LoggerFactory.getLogger(TenantOperations.class);

    private final TenantMetadataStore store;
    private final BackingCluster backing;
    private final PlanCatalog plans;
    private final String cell;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object writeLock = new Object();

    public TenantOperations(TenantMetadataStore store, BackingCluster backing, PlanCatalog plans, String cell,
                            Clock clock, RandomGenerator random) {
        this.store = store;
        this.backing = backing;
        this.plans = plans;
        this.cell = cell;
        this.clock = clock;
        this.random = random;
    }

    public PlanCatalog plans() {
        return plans;
    }

    public List<LogicalCluster> clusters() {
        return store.current().clusters();
    }

    public LogicalCluster cluster(String id) {
        return find(store.current(), id);
    }

    public Plan planOf(LogicalCluster cluster) {
        // A plan removed from the catalog after clusters subscribed keeps them on the default plan's
        // limits rather than unlimited; the cluster record still names the plan it was given.
        return plans.find(cluster.plan()).orElse(plans.defaultPlan());
    }

    /** Creates a logical cluster; {@code planName} null means the catalog's default plan. */
    public LogicalCluster create(String name, String planName) {
        String validName = validName(name);
        Plan plan = planName == null ? plans.defaultPlan() : plan(planName);
        synchronized (writeLock) {
            TenantMetadata metadata = store.current();
            if (metadata.clusters().stream().anyMatch(c -> c.name().equals(validName))) {
                throw new TenantRequestException(Reason.CONFLICT, "a logical cluster named '" + validName + "' exists");
            }
            if (metadata.clusters().size() >= MAX_CLUSTERS) {
                throw new TenantRequestException(Reason.CONFLICT, "the limit of " + MAX_CLUSTERS + " logical clusters is reached");
            }
            LogicalClusterId id = freshId(metadata);
            LogicalCluster cluster = new LogicalCluster(id, validName, plan.name(), cell, ClusterState.ACTIVE, clock.millis());
            write(() -> store.putCluster(cluster));
            LOG.info("Created logical cluster: tenant={} name={} plan={}", id, validName, plan.name());
            return cluster;
        }
    }

    /** Changes a cluster's name and/or plan; null leaves that field as it is. */
    public LogicalCluster update(String id, String newName, String newPlan) {
        synchronized (writeLock) {
            TenantMetadata metadata = store.current();
            LogicalCluster cluster = requireActive(find(metadata, id));
            LogicalCluster updated = cluster;
            if (newName != null && !newName.equals(cluster.name())) {
                String validName = validName(newName);
                if (metadata.clusters().stream().anyMatch(c -> c.name().equals(validName))) {
                    throw new TenantRequestException(Reason.CONFLICT, "a logical cluster named '" + validName + "' exists");
                }
                updated = updated.withName(validName);
            }
            if (newPlan != null) {
                updated = updated.withPlan(plan(newPlan).name());
            }
            if (!updated.equals(cluster)) {
                LogicalCluster toWrite = updated;
                write(() -> store.putCluster(toWrite));
                LOG.info("Updated logical cluster: tenant={} name={} plan={}", id, updated.name(), updated.plan());
            }
            return updated;
        }
    }

    /**
     * Deletes a cluster: it stops authenticating at once (state DELETING, keys revoked), then its
     * topics and groups are removed from the backing cluster, then its record. If the backing
     * cluster fails midway the cluster stays DELETING and a repeated delete finishes the job.
     */
    public void delete(String id) {
        synchronized (writeLock) {
            LogicalCluster cluster = find(store.current(), id);
            if (cluster.isActive()) {
                write(() -> store.putCluster(cluster.withState(ClusterState.DELETING)));
            }
            for (ApiKey key : store.current().apiKeys(cluster.id())) {
                write(() -> store.removeApiKey(key.key()));
            }
            backing.deleteTenantResources(new TenantNamespace(cluster.id()));
            write(() -> store.removeCluster(cluster.id()));
            LOG.info("Deleted logical cluster: tenant={} name={}", cluster.id(), cluster.name());
        }
    }

    public ApiKey.Issued issueApiKey(String clusterId, String description) {
        synchronized (writeLock) {
            TenantMetadata metadata = store.current();
            LogicalCluster cluster = requireActive(find(metadata, clusterId));
            if (metadata.apiKeys(cluster.id()).size() >= MAX_KEYS_PER_CLUSTER) {
                throw new TenantRequestException(Reason.CONFLICT,
                        "logical cluster " + clusterId + " has the maximum of " + MAX_KEYS_PER_CLUSTER + " API keys");
            }
            ApiKey.Issued issued;
            try {
                do {
                    issued = ApiKey.issue(cluster.id(), description, clock.millis(), random);
                } while (metadata.apiKey(issued.apiKey().key()).isPresent());
            } catch (IllegalArgumentException e) {
                throw new TenantRequestException(Reason.INVALID, e.getMessage());
            }
            ApiKey key = issued.apiKey();
            write(() -> store.putApiKey(key));
            LOG.info("Issued API key: tenant={} key={}", cluster.id(), key.key());
            return issued;
        }
    }

    public List<ApiKey> apiKeys(String clusterId) {
        TenantMetadata metadata = store.current();
        return metadata.apiKeys(find(metadata, clusterId).id());
    }

    public void revokeApiKey(String clusterId, String key) {
        synchronized (writeLock) {
            TenantMetadata metadata = store.current();
            LogicalCluster cluster = find(metadata, clusterId);
            Optional<ApiKey> existing = metadata.apiKey(key).filter(k -> k.cluster().equals(cluster.id()));
            if (existing.isEmpty()) {
                throw new TenantRequestException(Reason.NOT_FOUND, "logical cluster " + clusterId + " has no API key " + key);
            }
            write(() -> store.removeApiKey(key));
            LOG.info("Revoked API key: tenant={} key={}", cluster.id(), key);
        }
    }

    public TenantUsage usage(String clusterId) {
        return backing.usage(new TenantNamespace(cluster(clusterId).id()));
    }

    private Plan plan(String name) {
        return plans.find(name).orElseThrow(() -> new TenantRequestException(Reason.UNKNOWN_PLAN,
                "unknown plan '" + name + "'; plans are " + plans.all().stream().map(Plan::name).toList()));
    }

    private LogicalClusterId freshId(TenantMetadata metadata) {
        LogicalClusterId id;
        do {
            id = LogicalClusterId.random(random);
        } while (metadata.cluster(id).isPresent());
        return id;
    }

    private static LogicalCluster find(TenantMetadata metadata, String id) {
        if (!LogicalClusterId.isValid(id)) {
            throw new TenantRequestException(Reason.NOT_FOUND, "no logical cluster " + id);
        }
        return metadata.cluster(new LogicalClusterId(id))
                .orElseThrow(() -> new TenantRequestException(Reason.NOT_FOUND, "no logical cluster " + id));
    }

    private static LogicalCluster requireActive(LogicalCluster cluster) {
        if (!cluster.isActive()) {
            throw new TenantRequestException(Reason.CONFLICT, "logical cluster " + cluster.id() + " is being deleted");
        }
        return cluster;
    }

    private static String validName(String name) {
        try {
            return ClusterName.validate(name);
        } catch (IllegalArgumentException e) {
            throw new TenantRequestException(Reason.INVALID, e.getMessage());
        }
    }

    private static void write(Runnable change) {
        try {
            change.run();
        } catch (MetadataUnavailableException e) {
            throw new TenantRequestException(Reason.BACKING_UNAVAILABLE, e.getMessage(), e);
        }
    }
}
