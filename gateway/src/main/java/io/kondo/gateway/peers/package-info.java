/**
 * How gateway instances serving the same tenants share each tenant's quota: usage reports through
 * the backing cluster, and each instance's share computed from them.
 */
package io.kondo.gateway.peers;
