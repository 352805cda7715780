/**
 * API keys and their secrets. Secrets are never stored: only salted SCRAM credentials
 * (RFC 5802 / RFC 7677), which verify PLAIN passwords and serve SCRAM-SHA-256/512 exchanges.
 */
package io.kondo.core.credential;
