package io.kondo.gateway;

import io.kondo.protocol.EncodedFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;

/**
 * Turns an {@link EncodedFrame} into one buffer to write, without copying its record batches.
 *
 * <p>A segment that lies inside the input frame it was decoded from becomes a retained slice of
 * that frame, so the bytes a client sent (or a broker returned) go out as they came, and the input
 * frame lives until the write completes. Everything else (the rewritten fields) is copied into
 * pooled direct memory: a socket can write direct memory without a further copy, and a buffer mixing
 * heap and direct parts would be copied whole by the transport.
 */
final class OutboundFrames {

    /** Below this a copy is cheaper than a slice and its reference counting. */
    private static final int SHARE_AT_LEAST = 512;

    private OutboundFrames() {
    }

    /**
     * @param source the frame the encoded frame's shared segments were decoded from; the caller
     *               keeps its own reference and releases it as before
     */
    static ByteBuf toByteBuf(EncodedFrame frame, ByteBuf source, ByteBufAllocator allocator) {
        if (frame.segments().size() == 1) {
            ByteBuf only = sliceOf(source, frame.segments().get(0));
            return only != null ? only : copy(allocator, frame.segments().get(0), frame.sizeInBytes());
        }
        CompositeByteBuf out = allocator.compositeDirectBuffer(frame.segments().size());
        ByteBuf copied = null;
        for (ByteBuffer segment : frame.segments()) {
            ByteBuf shared = sliceOf(source, segment);
            if (shared == null) {
                if (copied == null) {
                    copied = allocator.directBuffer(segment.remaining());
                }
                copied.writeBytes(segment.duplicate());
                continue;
            }
            if (copied != null) {
                out.addComponent(true, copied);
                copied = null;
            }
            out.addComponent(true, shared);
        }
        if (copied != null) {
            out.addComponent(true, copied);
        }
        return out;
    }

    /** A retained slice of {@code source} holding exactly {@code segment}, or null when it is not inside. */
    private static ByteBuf sliceOf(ByteBuf source, ByteBuffer segment) {
        int length = segment.remaining();
        if (length < SHARE_AT_LEAST) {
            return null;
        }
        long offset;
        if (segment.isDirect() && source.hasMemoryAddress() && PlatformDependent.hasUnsafe()) {
            offset = PlatformDependent.directBufferAddress(segment) + segment.position()
                    - (source.memoryAddress() + source.readerIndex());
        } else if (segment.hasArray() && source.hasArray() && segment.array() == source.array()) {
            offset = (long) segment.arrayOffset() + segment.position() - (source.arrayOffset() + source.readerIndex());
        } else {
            return null;
        }
        if (offset < 0 || offset + length > source.readableBytes()) {
            return null;
        }
        return source.retainedSlice(source.readerIndex() + (int) offset, length);
    }

    private static ByteBuf copy(ByteBufAllocator allocator, ByteBuffer segment, int size) {
        return allocator.directBuffer(size).writeBytes(segment.duplicate());
    }
}
