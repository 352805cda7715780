/**
 * Tenant quotas measured in the gateway the way Kafka brokers measure client quotas (KIP-13,
 * KIP-124, KIP-219, KIP-599, KIP-612), with kafka-clients' own {@code Sensor}, {@code Rate},
 * {@code TokenBucket} and {@code Quota}: one {@link io.kondo.gateway.quota.TenantQuotas} per
 * tenant, shared by all its connections, kept by a {@link io.kondo.gateway.quota.TenantQuotaRegistry}.
 *
 * <p>This package only measures and answers "how long to throttle"; it never touches a channel.
 * The caller (the client connection) puts the throttle time in the response's
 * {@code throttle_time_ms}, sends the response at once (an over-quota fetch is answered with no
 * data) and stops reading from the channel until the throttle time has passed.
 *
 * <p>Threading: connections of one tenant run on different event loops, so a
 * {@link io.kondo.gateway.quota.TenantQuotas} is thread-safe: each sensor is recorded, checked and
 * measured under its own lock (the {@code Sensor} object, as Kafka's own quota managers do), the
 * connection count under another. {@link io.kondo.gateway.quota.TenantQuotaRegistry} creates and
 * removes tenants atomically with admitting a connection, so a tenant is never removed while a
 * connection is being admitted to it. No method reads a clock: every one takes {@code nowMs}.
 */
package io.kondo.gateway.quota;
