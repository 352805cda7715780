package io.kondo.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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

    /** Bytes of a frame after which its whole announced size is allocated (see {@link #sizeBuffersToFrames}). */
    static final int SIZED_FROM_BYTES = 64 * 1024;

    private int maxFrameBytes;

    KafkaFrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * From now on, a frame of which {@link #SIZED_FROM_BYTES} have arrived is gathered into one
     * buffer of its announced size, so each further byte is copied once; the default cumulation
     * doubles its buffer as bytes arrive and copies a large frame two to three times. The threshold
     * keeps a peer that announces a large frame and sends little from costing the whole frame's
     * memory; what it can cost is bounded by the frame limit either way.
     */
    void sizeBuffersToFrames() {
        setCumulator(this::cumulateSizedToFrame);
    }

    private ByteBuf cumulateSizedToFrame(ByteBufAllocator allocator, ByteBuf cumulation, ByteBuf in) {
        if (!cumulation.isReadable() && in.isContiguous()) {
            cumulation.release();
            return in;
        }
        try {
            int required = cumulation.readableBytes() + in.readableBytes();
            if (required > cumulation.maxFastWritableBytes() || cumulation.refCnt() > 1 || cumulation.isReadOnly()) {
                int announced = required >= SIZED_FROM_BYTES ? announcedFrameBytes(cumulation) : 0;
                ByteBuf sized = allocator.buffer(Math.max(announced, allocator.calculateNewCapacity(required, Integer.MAX_VALUE)));
                sized.writeBytes(cumulation);
                cumulation.release();
                cumulation = sized;
            }
            cumulation.writeBytes(in);
            return cumulation;
        } finally {
            in.release();
        }
    }

    /** The size of the frame at the head of {@code buffer} with its prefix, if known and within the limit; else 0. */
    private int announcedFrameBytes(ByteBuf buffer) {
        if (buffer.readableBytes() < 4) {
            return 0;
        }
        int length = buffer.getInt(buffer.readerIndex());
        return length >= 0 && length <= maxFrameBytes ? 4 + length : 0;
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
