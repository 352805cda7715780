/**
 * The Kafka wire protocol as Kondo handles it, and the only code that touches kafka-clients'
 * message classes (they move between releases; this module pins and wraps them).
 *
 * <p>{@link io.kondo.protocol.TenantRequestHandler} takes a tenant's request frame and decides:
 * forward a rewritten frame upstream (with the rewrite for its response), answer it here, or close.
 * The rewrites in {@code rewrite} are the list of handled APIs: anything else is refused (fail
 * closed). A response whose tenant frame has the broker frame's length can instead be passed on as
 * it arrives through a {@link io.kondo.protocol.ResponseStream} (Fetch by topic id). {@code sasl}
 * authenticates clients before any of that and authenticates Kondo upstream.
 *
 * <p>Threading: handlers are used by one connection's event loop; {@link io.kondo.protocol.TopicIdRegistry}
 * is shared and thread-safe.
 */
package io.kondo.protocol;
