/**
 * One rewrite per handled Kafka API: the tenant's request is rewritten in place into the backing
 * namespace, and the returned {@link io.kondo.protocol.rewrite.ResponseRewrite} maps the backing
 * response back (names out, other tenants' entries dropped, broker addresses to gateway ports).
 * {@link io.kondo.protocol.rewrite.HandledApis} lists them; an API not listed there is refused.
 */
package io.kondo.protocol.rewrite;
