/**
 * The storage loop: every check measures all tenants' stored bytes in one pass, judges each tenant
 * against its plan with {@link io.kondo.core.quota.StorageQuota}, and acts on the decision — the
 * quota in force, events (log, metrics, webhook), and a produce trickle past the hard cap.
 *
 * <p>Threading: {@link io.kondo.operations.storage.StorageWatch} runs every check on its own single
 * scheduler thread, so the per-tenant state needs no locks; {@code latest} and the gauges read
 * published immutable values from any thread. Webhook deliveries run on one sender thread of their
 * own behind a bounded queue, so a slow receiver never delays a check.
 */
package io.kondo.operations.storage;
