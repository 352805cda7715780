/** How a tenant's resource names map into the shared backing namespace and back. */
package io.kondo.core.naming;
