package io.kondo.gateway;

import io.kondo.protocol.sasl.UpstreamLogin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The upstream half of a client connection: logs into the backing broker as Kondo, then hands
 * every response frame to its {@link ClientConnection}. Runs on the client's event loop.
 *
 * <p>The login and its time-out are dropped once the login is over: this handler lives as long as
 * the connection, and nothing of the login is needed after it.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private final ClientConnection client;
    private final long timeoutMs;
    /** Null once logged in. */
    private UpstreamLogin login;
    /** Null until the connection is active, and again once logged in. */
    private ScheduledFuture<?> loginTimeout;

    UpstreamConnection(ClientConnection client, UpstreamLogin login, long timeoutMs) {
        this.client = client;
        this.login = login;
        this.timeoutMs = timeoutMs;
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
        ByteBuf frame = (ByteBuf) msg;
        if (login == null) {
            client.onUpstreamResponse(frame);
            return;
        }
        UpstreamLogin.Step step;
        try {
            step = login.onResponse(frame.nioBuffer());
        } finally {
            frame.release();
        }
        if (step instanceof UpstreamLogin.Step.Send send) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(send.frame()));
        } else if (step instanceof UpstreamLogin.Step.Done) {
            login = null;
            cancelLoginTimeout();
            client.upstreamReady(ctx.channel());
        } else {
            client.upstreamFailed(((UpstreamLogin.Step.Failed) step).reason());
            ctx.close();
        }
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
        client.upstreamClosed();
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
