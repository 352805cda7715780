package io.kondo.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits Kafka's length-prefixed frames, emitting each frame's bytes without the prefix as a
 * retained slice the next handler must release. The size limit can change on a live connection
 * (small before authentication, the tenant's plan after). A frame over the limit, or a negative
 * length, fails the connection before its bytes are buffered.
 */
final class KafkaFrameDecoder extends ByteToMessageDecoder {

    private int maxFrameBytes;

    KafkaFrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    void maxFrameBytes(int limit) {
        this.maxFrameBytes = limit;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int length = in.getInt(in.readerIndex());
            if (length < 0 || length > maxFrameBytes) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
            }
            if (in.readableBytes() < 4 + length) {
                return;
            }
            in.skipBytes(4);
            out.add(in.readRetainedSlice(length));
        }
    }
}
