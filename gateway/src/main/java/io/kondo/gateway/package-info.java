/**
 * The tenant gateway: a Netty server speaking the Kafka protocol. Each client connection is
 * authenticated first (no upstream connection before that), then paired with one upstream
 * connection to the backing broker its listener stands for (the bootstrap port picks any broker;
 * port {@code bootstrap + 1 + i} is the i-th broker by node id). Requests are rewritten by the
 * protocol module and forwarded; responses are rewritten back and written in request order. Fetch
 * responses by topic id are streamed instead: passed to the client as they arrive, record batches
 * as slices of the buffers they were read into ({@link io.kondo.gateway.UpstreamConnection}).
 *
 * <p>Threading: a client channel and its upstream channel share one event loop, so a connection's
 * state is touched by one thread and needs no locks. {@link io.kondo.gateway.BackingView} and
 * {@link io.kondo.gateway.OpenConnections} are shared and thread-safe.
 */
package io.kondo.gateway;
