/**
 * SASL at both ends of a gateway connection: {@link io.kondo.protocol.sasl.ClientAuthentication}
 * authenticates a tenant's client (PLAIN, SCRAM-SHA-256/512) before anything else is answered;
 * {@link io.kondo.protocol.sasl.UpstreamLogin} logs Kondo into a backing broker.
 */
package io.kondo.protocol.sasl;
