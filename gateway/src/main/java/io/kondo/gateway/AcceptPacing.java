package io.kondo.gateway;

import io.kondo.core.quota.AcceptPacer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Paces new connections on the listening sockets (connection storms): a connection over the
 * gateway-wide or per-address rate is held, unanswered, until the rate allows it, rather than
 * refused — a reconnecting fleet is slowed down, not turned away. While too many are held, the
 * listeners stop accepting and the kernel's backlog holds the rest.
 */
@ChannelHandler.Sharable
final class AcceptPacing extends ChannelInboundHandlerAdapter {

    /** Connections held at once before the listeners stop accepting. */
    static final int MAX_HELD = 1_000;

    private final AcceptPacer pacer;
    private final Clock clock;
    private int held;

    AcceptPacing(CapacityLimits capacity, Clock clock) {
        this.clock = clock;
        this.pacer = new AcceptPacer(new AcceptPacer.Rate(capacity.acceptsPerSecond(), capacity.acceptsPerSecond()),
                new AcceptPacer.Rate(capacity.acceptsPerSecondPerAddress(), capacity.acceptsPerSecondPerAddress()),
                100_000, clock.millis());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        offer(ctx, (Channel) msg, false);
    }

    /** Runs on the acceptor event loop (one thread), so {@link #pacer} and {@link #held} need no lock. */
    private void offer(ChannelHandlerContext ctx, Channel child, boolean wasHeld) {
        if (wasHeld) {
            held--;
        }
        if (!child.isOpen()) {
            updateAccepting(ctx);
            return;
        }
        long delayMs;
        synchronized (pacer) {
            delayMs = pacer.acceptDelayMs(address(child), clock.millis());
        }
        if (delayMs == 0) {
            ctx.fireChannelRead(child);
        } else {
            held++;
            ctx.executor().schedule(() -> offer(ctx, child, true), delayMs, TimeUnit.MILLISECONDS);
        }
        updateAccepting(ctx);
    }

    private void updateAccepting(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(held < MAX_HELD);
    }

    private static String address(Channel child) {
        if (child.remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return "unknown";
    }
}
