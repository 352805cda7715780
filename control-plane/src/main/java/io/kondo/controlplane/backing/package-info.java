/** What the control plane asks of the backing Kafka cluster: reachability, usage, removing a tenant's resources. */
package io.kondo.controlplane.backing;
