/** Operations on tenants (logical clusters and their API keys), independent of HTTP. */
package io.kondo.controlplane.tenants;
