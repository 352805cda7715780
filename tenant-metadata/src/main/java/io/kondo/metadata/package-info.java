/**
 * Tenant metadata (logical clusters and API keys) kept in a compacted topic on the backing cluster:
 * every Kondo process follows the topic into an in-memory snapshot, and writes wait until they are
 * read back, so any number of processes share one truth and a restart loses nothing.
 */
package io.kondo.metadata;
