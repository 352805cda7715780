/**
 * API keys and their secrets, and the server side of SASL/PLAIN and SCRAM-SHA-256/512 that
 * checks them. Secrets are never stored: only salted SCRAM credentials (RFC 5802 / RFC 7677).
 * Pure logic: the gateway feeds in SaslAuthenticate payloads and sends back the replies.
 */
package io.kondo.core.credential;
