package io.kondo.gateway;

import io.kondo.core.credential.ApiKey;
import io.kondo.gateway.GatewayMetrics.TenantMeters;
import io.kondo.gateway.quota.ConnectionAdmission;
import io.kondo.gateway.quota.QuotaLimits;
import io.kondo.gateway.quota.TenantQuotas;
import io.kondo.protocol.EncodedFrame;
import io.kondo.protocol.RequestDecision;
import io.kondo.protocol.ResponseHandler;
import io.kondo.protocol.ResponseStream;
import io.kondo.protocol.TenantRequestHandler;
import io.kondo.protocol.sasl.AuthStep;
import io.kondo.protocol.sasl.ClientAuthentication;
import io.kondo.protocol.sasl.UpstreamLogin;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: authenticate, then pair with an upstream connection and forward.
 *
 * <p>Responses go back in request order: each request takes a slot in {@link #inOrder}; slots of
 * forwarded requests are filled as upstream responses arrive (brokers answer in order), local
 * answers are filled at once, and filled slots are written from the head. A Fetch response at the
 * head may instead be streamed: its bytes are written as they arrive from the broker, and its slot
 * leaves the queue when the last of them is written. Reading from the client pauses while too many
 * requests are unanswered or the upstream cannot take more.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final short API_VERSIONS = 18;
    private static final short PRODUCE = 0;
    /**
     * Reads of up to 1 MiB at a time, from brokers and clients (Netty's default stops at 64 KiB):
     * fetch responses run to megabytes and produce requests to hundreds of KiB, and fewer reads mean
     * fewer system calls and fewer pieces to gather or write. The size adapts to what each
     * connection's reads return, so a quiet connection reads into small buffers.
     */
    static final AdaptiveRecvByteBufAllocator LARGE_READS = new AdaptiveRecvByteBufAllocator(512, 64 * 1024, 1024 * 1024);

    private enum State { AUTHENTICATING, CONNECTING_UPSTREAM, FORWARDING, CLOSED }

    /**
     * A response to write, in request order; {@code frame} is null until it is known.
     * {@code throttleMs} is what the tenant's quotas asked for while handling the request.
     */
    private static final class Slot {
        final ResponseHandler handler;
        ByteBuf frame;
        long throttleMs;
        long forwardedNanos;
        /** For a Fetch: whether the fetch quota lets its response through; null until asked. */
        Boolean fetchDelivered;

        Slot(ResponseHandler handler, ByteBuf frame) {
            this.handler = handler;
            this.frame = frame;
        }
    }

    private final GatewayServices services;
    private final int listenerIndex;
    private final KafkaFrameDecoder decoder;
    private final ArrayDeque<Slot> inOrder = new ArrayDeque<>();
    private final ArrayDeque<Slot> awaitingUpstream = new ArrayDeque<>();
    private final ArrayDeque<ByteBuf> heldDuringConnect = new ArrayDeque<>();
    private final ClientAuthentication authentication;
    private State state = State.AUTHENTICATING;
    private ChannelHandlerContext ctx;
    private Channel upstream;
    private boolean upstreamUnflushed;
    private boolean clientUnflushed;
    private TenantRequestHandler requests;
    private TenantMeters meters;
    private TenantQuotas quotas;
    private GatewayTenant tenant;
    private long mutedUntilNanos;
    private String tenantId = "-";

    /**
     * @param listenerIndex the broker index this listener stands for, or -1 for the bootstrap port
     */
    ClientConnection(GatewayServices services, int listenerIndex, KafkaFrameDecoder decoder) {
        this.services = services;
        this.listenerIndex = listenerIndex;
        this.decoder = decoder;
        this.authentication = new ClientAuthentication(services.plain(), services.scram(), services.versions());
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        String address = sourceAddress();
        if (services.loginFailures().isBlocked(address, services.clock().millis())) {
            LOG.info("Refusing connection after repeated failed logins: address={}", address);
            close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        switch (state) {
            case AUTHENTICATING -> authenticate(frame);
            case CONNECTING_UPSTREAM -> heldDuringConnect.add(frame);
            case FORWARDING -> forward(frame);
            case CLOSED -> frame.release();
        }
    }

    private void authenticate(ByteBuf frame) {
        AuthStep step;
        try {
            step = authentication.onFrame(frame.nioBuffer());
        } catch (RuntimeException e) {
            LOG.error("Unexpected error while authenticating: address={}", sourceAddress(), e);
            close();
            return;
        } finally {
            frame.release();
        }
        if (step instanceof AuthStep.Reply reply) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply.frame()));
        } else if (step instanceof AuthStep.Refused refused) {
            LOG.info("Login refused: address={} reason={}", sourceAddress(), refused.reason());
            services.loginFailures().recordFailure(sourceAddress(), services.clock().millis());
            services.metrics().authenticationFailed();
            state = State.CLOSED;
            if (refused.frame() != null) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(refused.frame())).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } else {
            authenticated((AuthStep.Authenticated) step);
        }
    }

    private void authenticated(AuthStep.Authenticated step) {
        ApiKey key = step.apiKey();
        tenantId = key.cluster().value();
        long nowMs = services.clock().millis();
        tenant = new GatewayTenant(key.cluster(), services.metadata(), services.plans(), services.topicIds(),
                services.backing(), services.settings());
        ConnectionAdmission admission = services.quotas().connect(tenantId, QuotaLimits.of(tenant.limits()), nowMs);
        if (admission instanceof ConnectionAdmission.Refused refused) {
            LOG.info("Connection refused after login: tenant={} address={} reason={}", tenantId, sourceAddress(), refused.reason());
            state = State.CLOSED;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(authentication.refusalAfterLogin(refused.reason())))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ConnectionAdmission.Admitted admitted = (ConnectionAdmission.Admitted) admission;
        quotas = admitted.quotas();
        tenant.useQuotas(quotas, services.clock());
        requests = new TenantRequestHandler(tenant, services.apis(), services.versions());
        meters = services.metrics().tenant(key.cluster());
        decoder.maxFrameBytes(tenant.limits().maxMessageBytes() + services.settings().frameHeadroomBytes());
        decoder.sizeBuffersToFrames();
        services.connections().add(ctx.channel(), key.key(), key.cluster());
        LOG.debug("Authenticated: tenant={} key={} mechanism={} address={}", tenantId, key.key(), step.mechanism(), sourceAddress());
        state = State.CONNECTING_UPSTREAM;
        ctx.channel().config().setAutoRead(false);
        if (admitted.delayMs() > 0) {
            // Over the tenant's connection attempts per second: the login is answered late, not refused.
            ctx.executor().schedule(() -> admit(step), admitted.delayMs(), TimeUnit.MILLISECONDS);
        } else {
            admit(step);
        }
    }

    private void admit(AuthStep.Authenticated step) {
        if (state == State.CLOSED) {
            return;
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(step.frame()));
        connectUpstream();
    }

    private void connectUpstream() {
        Optional<InetSocketAddress> broker = chooseBroker();
        if (broker.isEmpty()) {
            upstreamFailed("no backing broker for listener " + listenerIndex);
            return;
        }
        long timeoutMs = services.settings().upstreamTimeout().toMillis();
        ClientConnection self = this;
        new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMs)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, LARGE_READS)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new KafkaFrameDecoder(GatewaySettings.UPSTREAM_MAX_FRAME_BYTES),
                                new UpstreamConnection(self, new UpstreamLogin(services.upstreamCredentials()), timeoutMs,
                                        GatewaySettings.UPSTREAM_MAX_FRAME_BYTES));
                    }
                })
                .connect(broker.get())
                .addListener((ChannelFutureListener) future -> {
                    if (!future.isSuccess()) {
                        upstreamFailed("cannot connect to backing broker " + broker.get() + ": " + future.cause());
                    } else if (state == State.CLOSED) {
                        future.channel().close();
                    } else {
                        upstream = future.channel();
                    }
                });
    }

    private Optional<InetSocketAddress> chooseBroker() {
        if (listenerIndex >= 0) {
            return services.backing().nodeAt(listenerIndex).flatMap(services.backing()::broker);
        }
        List<Integer> nodes = List.copyOf(services.backing().nodeIds());
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        return services.backing().broker(nodes.get(ThreadLocalRandom.current().nextInt(nodes.size())));
    }

    /** Called by the upstream once Kondo is logged in to the broker. */
    void upstreamReady(Channel channel) {
        if (state != State.CONNECTING_UPSTREAM) {
            channel.close();
            return;
        }
        upstream = channel;
        state = State.FORWARDING;
        while (!heldDuringConnect.isEmpty() && state == State.FORWARDING) {
            forward(heldDuringConnect.poll());
        }
        flushUpstream();
        flushToClient();
        updateReading();
    }

    private void forward(ByteBuf frame) {
        long startNanos = System.nanoTime();
        int frameBytes = frame.readableBytes() + 4;
        meters.bytesIn().increment(frameBytes);
        meters.requests().increment();
        short apiKey = frame.readableBytes() >= 2 ? frame.getShort(frame.readerIndex()) : -1;
        long nowMs = services.clock().millis();
        long throttleMs = apiKey == PRODUCE ? quotas.recordProduce(frameBytes, nowMs) : 0;
        RequestDecision decision;
        try {
            decision = requests.onRequest(frame.nioBuffer());
            throttleMs = Math.max(throttleMs, tenant.takeMutationThrottleMs());
            if (decision instanceof RequestDecision.Forward forward) {
                throttleMs = Math.max(throttleMs, quotas.recordRequestTime(System.nanoTime() - startNanos, nowMs));
                if (forward.response() != null) {
                    Slot slot = new Slot(forward.response(), null);
                    inOrder.add(slot);
                    awaitingUpstream.add(slot);
                    slot.throttleMs = throttleMs;
                    slot.forwardedNanos = System.nanoTime();
                    services.upstreamLoad().forwarded();
                }
                // Stop reading now, not when the response goes out: requests the client pipelined
                // behind this one would otherwise all get through (a broker reads one request at a
                // time per connection, so it never sees them early). With acks=0 there is no
                // response to carry the throttle; the mute is all there is.
                muteFor(throttleMs);
                upstream.write(OutboundFrames.toByteBuf(forward.frame(), frame, ctx.alloc()));
                upstreamUnflushed = true;
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected error handling a request, closing: tenant={} api={}", tenantId, apiKey, e);
            close();
            return;
        } finally {
            frame.release();
        }
        if (decision instanceof RequestDecision.Respond respond) {
            if (apiKey != API_VERSIONS) {
                meters.errors().increment();
            }
            inOrder.add(new Slot(null, Unpooled.wrappedBuffer(respond.frame())));
            writeReady();
        } else if (decision instanceof RequestDecision.Close refusal) {
            meters.errors().increment();
            LOG.info("Closing connection: tenant={} reason={}", tenantId, refusal.reason());
            close();
            return;
        }
        updateReading();
    }

    /**
     * Stops reading the client's requests for {@code throttleMs} (KIP-219: the response carrying the
     * throttle goes out at once; the client is expected to hold back, and a client that does not is
     * not read).
     */
    private void muteFor(long throttleMs) {
        if (throttleMs <= 0) {
            return;
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(throttleMs);
        if (until - mutedUntilNanos > 0) {
            mutedUntilNanos = until;
            ctx.executor().schedule(this::updateReading, throttleMs, TimeUnit.MILLISECONDS);
        }
    }

    private boolean muted() {
        return mutedUntilNanos - System.nanoTime() > 0;
    }

    /** Requests read in one go from the client are flushed upstream together. */
    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        flushUpstream();
        flushToClient();
        context.fireChannelReadComplete();
    }

    private void flushUpstream() {
        if (upstreamUnflushed && upstream != null) {
            upstreamUnflushed = false;
            upstream.flush();
        }
    }

    /** Called by the upstream after each read, so the responses of one read go out in one flush. */
    void flushToClient() {
        if (clientUnflushed) {
            clientUnflushed = false;
            ctx.flush();
        }
    }

    /** Called by the upstream with each response frame (ownership passes here). */
    void onUpstreamResponse(ByteBuf frame) {
        try {
            if (state != State.FORWARDING) {
                return;
            }
            Slot slot = awaitingUpstream.poll();
            int correlationId = frame.readableBytes() >= 4 ? frame.getInt(frame.readerIndex()) : -1;
            if (slot == null || slot.handler.correlationId() != correlationId) {
                LOG.error("Upstream response out of order, closing: tenant={} correlationId={}", tenantId, correlationId);
                close();
                return;
            }
            services.upstreamLoad().answered(System.nanoTime() - slot.forwardedNanos);
            slot.frame = OutboundFrames.toByteBuf(respond(slot, frame), frame, ctx.alloc());
            muteFor(slot.throttleMs);
        } catch (RuntimeException e) {
            LOG.error("Unexpected error handling a response, closing: tenant={}", tenantId, e);
            close();
            return;
        } finally {
            frame.release();
        }
        writeReady();
        updateReading();
    }

    /**
     * The tenant's response to a slot's request, with the quotas' throttle: a fetch arriving while
     * the tenant is over its fetch quota is answered empty (see {@link TenantQuotas#admitFetch}),
     * anything else carries the throttle time.
     */
    private EncodedFrame respond(Slot slot, ByteBuf upstreamFrame) {
        long startNanos = System.nanoTime();
        long nowMs = services.clock().millis();
        if (slot.handler.isFetch() && !fetchDelivered(slot, upstreamFrame.readableBytes(), nowMs)) {
            return slot.handler.throttledFetch(clampToInt(slot.throttleMs));
        }
        EncodedFrame response = slot.handler.onResponse(upstreamFrame.nioBuffer(), clampToInt(slot.throttleMs));
        // Time spent on this response counts too; its throttle applies from now (the response is built).
        slot.throttleMs = Math.max(slot.throttleMs, quotas.recordRequestTime(System.nanoTime() - startNanos, nowMs));
        return response;
    }

    /** Asks the fetch quota, once per response, whether a Fetch response of {@code frameLength} bytes goes through. */
    private boolean fetchDelivered(Slot slot, int frameLength, long nowMs) {
        if (slot.fetchDelivered == null) {
            TenantQuotas.FetchAdmission admission = quotas.admitFetch(frameLength + 4, nowMs);
            slot.throttleMs = Math.max(slot.throttleMs, admission.throttleMs());
            slot.fetchDelivered = admission.deliver();
        }
        return slot.fetchDelivered;
    }

    /**
     * Called by the upstream when a response of {@code frameLength} bytes begins: a stream that
     * passes it on as it arrives, or null to gather it whole ({@link #onUpstreamResponse}). Only a
     * response at the head of the queue can be streamed (its bytes go out at once), and only one the
     * fetch quota lets through.
     */
    ResponseStream responseStream(int frameLength) {
        Slot slot = awaitingUpstream.peek();
        if (state != State.FORWARDING || slot == null || slot != inOrder.peek() || !slot.handler.isFetch()
                || !fetchDelivered(slot, frameLength, services.clock().millis())) {
            return null;
        }
        return slot.handler.streamed(frameLength, clampToInt(slot.throttleMs));
    }

    /** Called by the upstream with the next bytes of the streamed response (ownership passes here). */
    void sendStreamed(ByteBuf bytes) {
        if (state != State.FORWARDING) {
            bytes.release();
            return;
        }
        meters.bytesOut().increment(bytes.readableBytes());
        ctx.write(bytes);
        clientUnflushed = true;
    }

    /** Called by the upstream once the streamed response is all sent; {@code handlingNanos} is the time spent on it. */
    void streamedResponseDone(long handlingNanos) {
        if (state != State.FORWARDING) {
            return;
        }
        Slot slot = awaitingUpstream.poll();
        inOrder.poll();
        services.upstreamLoad().answered(System.nanoTime() - slot.forwardedNanos);
        slot.throttleMs = Math.max(slot.throttleMs, quotas.recordRequestTime(handlingNanos, services.clock().millis()));
        muteFor(slot.throttleMs);
        writeReady();
        updateReading();
    }

    private static int clampToInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    /** Writes the answered responses at the head of the queue; the flush follows the read. */
    private void writeReady() {
        while (!inOrder.isEmpty() && inOrder.peek().frame != null) {
            ByteBuf response = inOrder.poll().frame;
            meters.bytesOut().increment(response.readableBytes());
            ctx.write(response);
            clientUnflushed = true;
        }
    }

    /** Reads from the client only while it has room for more requests and the upstream can take them. */
    void updateReading() {
        if (state == State.CLOSED) {
            return;
        }
        boolean room = inOrder.size() < services.settings().maxInFlightRequests();
        boolean upstreamWritable = upstream == null || upstream.isWritable();
        ctx.channel().config().setAutoRead(state == State.FORWARDING && room && upstreamWritable && !muted()
                || state == State.AUTHENTICATING);
        if (upstream != null) {
            upstream.config().setAutoRead(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        updateReading();
        context.fireChannelWritabilityChanged();
    }

    void upstreamFailed(String reason) {
        if (state != State.CLOSED) {
            LOG.warn("Upstream failed, closing client connection: tenant={} reason={}", tenantId, reason);
            close();
        }
    }

    void upstreamClosed() {
        if (state != State.CLOSED) {
            LOG.debug("Upstream closed, closing client connection: tenant={}", tenantId);
            close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.info("Closing client connection: tenant={} address={} reason={}", tenantId, sourceAddress(), cause.toString());
        close();
    }

    private void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (quotas != null) {
            quotas.connectionClosed(services.clock().millis());
        }
        heldDuringConnect.forEach(ByteBuf::release);
        heldDuringConnect.clear();
        for (Slot slot : inOrder) {
            if (slot.frame != null) {
                slot.frame.release();
            }
        }
        inOrder.clear();
        services.upstreamLoad().abandoned(awaitingUpstream.size());
        awaitingUpstream.clear();
        if (upstream != null) {
            upstream.close();
        }
        ctx.close();
    }

    private String sourceAddress() {
        if (ctx != null && ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
            return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        }
        return "unknown";
    }
}
