/**
 * The control plane: the operators' REST API over logical clusters, API keys, plans and usage.
 * {@code tenants} holds what operators can do, {@code backing} what that does to the backing
 * cluster, {@code http} how it is served.
 */
package io.kondo.controlplane;
