package io.kondo.controlplane.backing;

/**
 * What a tenant uses of the backing cluster right now.
 *
 * @param partitions   partitions across the tenant's topics
 * @param storageBytes log bytes of those partitions on all replicas
 */
public record TenantUsage(int partitions, long storageBytes) {
}
