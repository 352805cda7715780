/** Logical clusters: the tenant's identity, name and lifecycle state. */
package io.kondo.core.tenant;
