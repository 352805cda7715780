/**
 * What the control plane asks of the backing Kafka cluster: reachability, usage (including Kondo's
 * one storage measure, {@link io.kondo.controlplane.backing.ReplicaStorage}, which the storage loop
 * reuses), removing a tenant's resources.
 */
package io.kondo.controlplane.backing;
