package io.kondo.gateway;

import io.kondo.protocol.ResponseStream;
import io.kondo.protocol.sasl.UpstreamLogin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The upstream half of a client connection: logs into the backing broker as Kondo, then splits
 * the broker's responses and hands them to its {@link ClientConnection}. Runs on the client's
 * event loop.
 *
 * <p>The login reads whole frames through a {@link KafkaFrameDecoder}, which is removed once
 * logged in; from then on this handler splits the responses itself, because a response can be
 * handled in one of two ways, decided when its length prefix arrives:
 * <ul>
 *   <li><b>streamed</b> (Fetch responses, see {@link ResponseStream}): passed to the client as it
 *       arrives, its record batches as slices of the buffers they were read into; nothing is
 *       copied and the client's first bytes do not wait for the broker's last;</li>
 *   <li><b>gathered</b> (everything else): collected whole, in place when one read holds it, else
 *       in one buffer of the announced size (each byte copied once), then rewritten.</li>
 * </ul>
 *
 * <p>The login and its time-out are dropped once the login is over: this handler lives as long as
 * the connection, and nothing of the login is needed after it.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private final ClientConnection client;
    private final long timeoutMs;
    private final int maxFrameBytes;
    /** Null once logged in. */
    private UpstreamLogin login;
    /** Null until the connection is active, and again once logged in. */
    private ScheduledFuture<?> loginTimeout;

    /** How many bytes of the next response's length prefix have arrived, and their value so far. */
    private int prefixBytes;
    private int prefix;
    /** The response being streamed, or null. */
    private ResponseStream stream;
    private long streamNanos;
    /** The response being gathered, sized to it, or null. */
    private ByteBuf gathering;
    private boolean failed;

    UpstreamConnection(ClientConnection client, UpstreamLogin login, long timeoutMs, int maxFrameBytes) {
        this.client = client;
        this.login = login;
        this.timeoutMs = timeoutMs;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        loginTimeout = ctx.executor().schedule(() -> {
            if (login != null) {
                client.upstreamFailed("no login to the backing broker within " + timeoutMs + " ms");
                ctx.close();
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(login.start()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        if (login == null) {
            try {
                readResponses(ctx, bytes);
            } finally {
                bytes.release();
            }
            return;
        }
        UpstreamLogin.Step step;
        try {
            step = login.onResponse(bytes.nioBuffer());
        } finally {
            bytes.release();
        }
        if (step instanceof UpstreamLogin.Step.Send send) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(send.frame()));
        } else if (step instanceof UpstreamLogin.Step.Done) {
            login = null;
            cancelLoginTimeout();
            // From here on this handler splits frames; bytes the decoder still holds come next.
            ctx.pipeline().remove(KafkaFrameDecoder.class);
            client.upstreamReady(ctx.channel());
        } else {
            client.upstreamFailed(((UpstreamLogin.Step.Failed) step).reason());
            ctx.close();
        }
    }

    private void readResponses(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable() && !failed) {
            if (stream != null) {
                streamFrom(in);
            } else if (gathering != null) {
                gatherFrom(in);
            } else if (prefixBytes < 4) {
                prefix = prefix << 8 | in.readUnsignedByte();
                if (++prefixBytes == 4) {
                    startResponse(ctx, in, prefix);
                }
            }
        }
    }

    private void startResponse(ChannelHandlerContext ctx, ByteBuf in, int length) {
        prefixBytes = 0;
        prefix = 0;
        if (length < 0 || length > maxFrameBytes) {
            fail(ctx, "response frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
            return;
        }
        stream = client.responseStream(length);
        if (stream != null) {
            streamNanos = 0;
        } else if (in.readableBytes() >= length) {
            client.onUpstreamResponse(in.readRetainedSlice(length));
        } else {
            gathering = ctx.alloc().buffer(length);
        }
    }

    private void streamFrom(ByteBuf in) {
        long startNanos = System.nanoTime();
        int base = in.readerIndex();
        ByteBuffer input = in.nioBuffer();
        boolean done;
        try {
            done = stream.read(input, new ResponseStream.Sink() {
                @Override
                public void copied(ByteBuffer bytes) {
                    client.sendStreamed(Unpooled.wrappedBuffer(bytes));
                }

                @Override
                public void shared(int position, int length) {
                    client.sendStreamed(in.retainedSlice(base + position, length));
                }
            });
        } catch (RuntimeException e) {
            failed = true;
            stream = null;
            client.upstreamFailed("cannot pass on a response: " + e.getMessage());
            return;
        }
        in.skipBytes(input.position());
        streamNanos += System.nanoTime() - startNanos;
        if (done) {
            stream = null;
            client.streamedResponseDone(streamNanos);
        }
    }

    private void gatherFrom(ByteBuf in) {
        gathering.writeBytes(in, Math.min(in.readableBytes(), gathering.writableBytes()));
        if (!gathering.isWritable()) {
            ByteBuf frame = gathering;
            gathering = null;
            client.onUpstreamResponse(frame);
        }
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        failed = true;
        client.upstreamFailed(reason);
        ctx.close();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.flushToClient();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        client.updateReading();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelLoginTimeout();
        releaseGathering();
        client.upstreamClosed();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseGathering();
    }

    private void releaseGathering() {
        if (gathering != null) {
            gathering.release();
            gathering = null;
        }
    }

    private void cancelLoginTimeout() {
        if (loginTimeout != null) {
            loginTimeout.cancel(false);
            loginTimeout = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.upstreamFailed("upstream error: " + cause);
        ctx.close();
    }
}
