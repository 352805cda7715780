/** Cluster-wide policies tenants are held to, whatever their plan. */
package io.kondo.core.policy;
