/**
 * Kondo's pure domain: logical clusters, plans and their limits, tenant name mapping and API-key
 * credentials. No I/O and no clock reads: time and randomness are passed in.
 */
package io.kondo.core;
