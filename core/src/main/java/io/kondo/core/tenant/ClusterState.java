package io.kondo.core.tenant;

/** Where a logical cluster is in its life. */
public enum ClusterState {
    /** Serving: its API keys authenticate and its limits apply. */
    ACTIVE,
    /**
     * Being deleted: its keys no longer authenticate; its topics and groups are being removed from
     * the backing cluster. A repeated delete finishes the job.
     */
    DELETING
}
